import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { CommitmentText, Signature } from '../api/types';
import { useMe } from '../features/auth/use-auth';
import { SignatureBadge } from '../features/commitments/signature-badge';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { formatDateTime, useI18n } from '../i18n/i18n';

type OrgSignatures = { data: Signature[]; current: CommitmentText | null; abilities: { sign: boolean } };

function SignForm({ code, orgName, text }: { code: string; orgName: string; text: CommitmentText }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const me = useMe().data!;
  const [form, setForm] = useState({ signerName: me.user.name, signerPosition: '' });
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sign = useMutation({
    mutationFn: () =>
      api(`/orgs/${code}/commitment-signatures`, {
        method: 'POST',
        body: { ...form, textVersion: text.version },
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('signed') });
      qc.invalidateQueries({ queryKey: ['signatures', code] });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      const reason =
        e instanceof ApiError ? (e.details as { reason?: string } | undefined)?.reason : undefined;
      notifications.show({
        color: 'red',
        message: reason === 'already_signed' ? t('alreadySigned') : e.message,
      });
      if (reason === 'text_changed') qc.invalidateQueries({ queryKey: ['signatures', code] });
    },
  });
  return (
    <Card withBorder data-testid="sign-form">
      <Stack gap="xs">
        <Text fw={600}>{t('signAs', { org: orgName })}</Text>
        <Group grow>
          <TextInput
            label={t('signerName')}
            required
            value={form.signerName}
            onChange={(e) => setForm({ ...form, signerName: e.currentTarget.value })}
            error={errors.signerName}
          />
          <TextInput
            label={t('signerPosition')}
            required
            placeholder="Bupati"
            value={form.signerPosition}
            onChange={(e) => setForm({ ...form, signerPosition: e.currentTarget.value })}
            error={errors.signerPosition}
          />
        </Group>
        <Checkbox
          label={t('signConfirm', { version: text.version })}
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
        />
        <Alert color="gray" p="xs">
          <Text size="xs">{t('attestationNotice')}</Text>
        </Alert>
        <Button
          w="fit-content"
          disabled={!agreed}
          loading={sign.isPending}
          onClick={() => sign.mutate()}
          data-testid="sign-button"
        >
          {t('signTitle')}
        </Button>
      </Stack>
    </Card>
  );
}

function Signatures({ code, orgName }: { code: string; orgName: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['signatures', code],
    queryFn: () => api<OrgSignatures>(`/orgs/${code}/commitment-signatures`),
  });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => api(`/commitments/signatures/${revoking}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      setRevoking(null);
      setReason('');
      qc.invalidateQueries({ queryKey: ['signatures', code] });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const { data, current, abilities } = q.data;
  const hasValid = current && data.some((s) => s.textVersion === current.version && s.status === 'valid');
  return (
    <Stack>
      {abilities.sign && current && !hasValid && <SignForm code={code} orgName={orgName} text={current} />}
      <Card withBorder>
        <Text fw={600}>{t('signatures')}</Text>
        {data.length === 0 ? (
          <EmptyState>{t('noSignatures')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <Table fz="sm" data-testid="signature-table">
              <Table.Tbody>
                {data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <SignatureBadge status={s.status} /> <SampleBadge show={s.isSample} />
                    </Table.Td>
                    <Table.Td>
                      {s.signerName}, {s.signerPosition}
                    </Table.Td>
                    <Table.Td>{t('versionN', { version: s.textVersion })}</Table.Td>
                    <Table.Td>{formatDateTime(s.signedAt, locale)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/verify/${s.id}`} size="sm">
                          {t('verifyLink')}
                        </Anchor>
                        <Anchor href={`/api/v1/commitments/signatures/${s.id}/certificate`} size="sm">
                          {t('certificate')}
                        </Anchor>
                        {s.status === 'valid' && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRevoking(s.id)}
                          >
                            {t('revokeSignature')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('revokeSignature')}>
        <Stack>
          <Textarea
            label={t('revokeReason')}
            required
            minLength={5}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 5}
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t('revokeSignature')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function PublishForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form, setForm] = useState({ title: '', textId: '', textEn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const publish = useMutation({
    mutationFn: () => api('/commitments', { method: 'POST', body: form }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['commitments'] });
      qc.invalidateQueries({ queryKey: ['signatures'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', message: e.message });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('publishText')} size="lg">
      <Stack>
        <TextInput
          label={t('textTitle')}
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label={t('textIdLabel')}
          required
          autosize
          minRows={4}
          value={form.textId}
          onChange={(e) => setForm({ ...form, textId: e.currentTarget.value })}
          error={errors.textId}
        />
        <Textarea
          label={t('textEnLabel')}
          required
          autosize
          minRows={4}
          value={form.textEn}
          onChange={(e) => setForm({ ...form, textEn: e.currentTarget.value })}
          error={errors.textEn}
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            loading={publish.isPending}
            onClick={() =>
              modals.openConfirmModal({
                title: t('publishText'),
                children: <Text size="sm">{t('confirmPublish')}</Text>,
                labels: { confirm: t('confirm'), cancel: t('cancel') },
                onConfirm: () => publish.mutate(),
              })
            }
          >
            {t('publishText')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default function CommitmentsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data!;
  const texts = useQuery({
    queryKey: ['commitments'],
    queryFn: () => api<{ data: CommitmentText[] }>('/commitments'),
  });
  const bodies = me.memberships.filter((m) => m.org.type !== 'ministry' || m.role === 'leader');
  const [code, setCode] = useState<string | null>(
    me.memberships.find((m) => m.role === 'leader')?.org.code ?? bodies[0]?.org.code ?? null,
  );
  const [publishing, setPublishing] = useState(false);
  if (texts.isPending) return <Loading />;
  if (texts.isError) return <ErrorNotice error={texts.error} onRetry={() => texts.refetch()} />;
  const current = texts.data.data.find((x) => x.isCurrent);
  const canPublish = me.abilities.publishCommitments;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('commitmentsTitle')}</Title>
        {canPublish && <Button onClick={() => setPublishing(true)}>{t('publishText')}</Button>}
      </Group>
      {current ? (
        <Card withBorder data-testid="commitment-text">
          <Text size="xs" c="dimmed">
            {t('currentText')} · {t('versionN', { version: current.version })} ·{' '}
            {formatDateTime(current.publishedAt, locale)}
          </Text>
          <Title order={3} size="h4">
            {current.title}
          </Title>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {locale === 'en' ? current.textEn : current.textId}
          </Text>
          <Text size="xs" c="dimmed" mt="xs" style={{ wordBreak: 'break-all' }}>
            {t('textHashLabel')}: {current.hash}
          </Text>
        </Card>
      ) : (
        <EmptyState>{t('noText')}</EmptyState>
      )}
      {bodies.length > 1 && (
        <Select
          label={t('body')}
          data={[
            ...new Map(bodies.map((m) => [m.org.code, { value: m.org.code, label: m.org.name }])).values(),
          ]}
          value={code}
          onChange={setCode}
          w={320}
        />
      )}
      {code && <Signatures code={code} orgName={bodies.find((m) => m.org.code === code)?.org.name ?? code} />}
      {texts.data.data.length > 1 && (
        <Card withBorder>
          <Text fw={600}>{t('allVersions')}</Text>
          <Table fz="sm">
            <Table.Tbody>
              {texts.data.data.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{t('versionN', { version: x.version })}</Table.Td>
                  <Table.Td>{x.title}</Table.Td>
                  <Table.Td>{formatDateTime(x.publishedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {publishing && <PublishForm onClose={() => setPublishing(false)} />}
    </Stack>
  );
}
