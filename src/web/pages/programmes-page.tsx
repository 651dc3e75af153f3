import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { OrgPicker } from '../features/orgs/org-picker';
import { useCreateProgramme, useProgramme, useProgrammeMember, useProgrammes } from '../features/visits/api';
import { useI18n } from '../i18n/i18n';

function ProgrammeForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: '',
    description: '',
    year: new Date().getFullYear() as number | string,
    followUpDays: 60 as number | string,
    pathThresholdPercent: 25 as number | string,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useCreateProgramme();
  const submit = () =>
    save.mutate(
      {
        ...form,
        year: form.year === '' ? null : Number(form.year),
        followUpDays: Number(form.followUpDays),
        pathThresholdPercent: Number(form.pathThresholdPercent),
      },
      {
        onSuccess: onClose,
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          notifications.show({ color: 'red', message: e.message });
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('newProgramme')}>
      <Stack>
        <TextInput
          label={t('programmeName')}
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={errors.name}
        />
        <Textarea
          label={t('description')}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <Group grow>
          <NumberInput
            label={t('year')}
            value={form.year}
            onChange={(v) => setForm({ ...form, year: v })}
            error={errors.year}
          />
          <NumberInput
            label={t('followUpDays')}
            min={7}
            max={365}
            value={form.followUpDays}
            onChange={(v) => setForm({ ...form, followUpDays: v })}
            error={errors.followUpDays}
          />
          <NumberInput
            label={t('pathThresholdPercent')}
            description={t('pathThresholdHelp')}
            min={1}
            max={100}
            suffix="%"
            value={form.pathThresholdPercent}
            onChange={(v) => setForm({ ...form, pathThresholdPercent: v })}
            error={errors.pathThresholdPercent}
          />
        </Group>
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Members({ id }: { id: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState<string | null>(null);
  const q = useProgramme(id);
  const member = useProgrammeMember(id);
  const change = (v: { code: string; add: boolean }) =>
    member.mutate(v, {
      onSuccess: () => setCode(null),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const canEdit = q.data.abilities.manageMembers;
  return (
    <Stack gap="xs">
      {canEdit && (
        <Group align="end" gap="xs">
          <div style={{ flex: 1 }}>
            <OrgPicker label={t('addMember')} value={code} onChange={setCode} />
          </div>
          <Button size="sm" disabled={!code} onClick={() => code && change({ code, add: true })}>
            {t('addMember')}
          </Button>
        </Group>
      )}
      <Table fz="sm">
        <Table.Tbody>
          {q.data.data.members.map((m) => (
            <Table.Tr key={m.code}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${m.code}`}>
                  {m.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.code}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => change({ code: m.code, add: false })}
                  >
                    {t('remove')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export default function ProgrammesPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const q = useProgrammes();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('programmesTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('programmesIntro')}
          </Text>
        </div>
        {q.data.abilities.create && <Button onClick={() => setCreating(true)}>{t('newProgramme')}</Button>}
      </Group>
      {q.data.data.length === 0 && <EmptyState>{t('noProgrammes')}</EmptyState>}
      {q.data.data.map((p) => (
        <Card withBorder key={p.id}>
          <Group justify="space-between">
            <div>
              <Group gap="xs">
                <Text fw={600}>{p.name}</Text>
                {p.year && <Badge variant="light">{p.year}</Badge>}
                <SampleBadge show={p.isSample} />
              </Group>
              <Text size="sm" c="dimmed">
                {p.description}
              </Text>
              <Text size="xs">
                {t('programmeMembers')}: {p.memberCount} · {t('visitsCount')}:{' '}
                <Anchor component={Link} to={`/visits?programme=${p.id}`} size="xs">
                  {p.visitCount}
                </Anchor>{' '}
                · {t('followUpDays')}: {p.followUpDays}
              </Text>
            </div>
            <Button size="xs" variant="subtle" onClick={() => setOpen(open === p.id ? null : p.id)}>
              {t('programmeMembers')}
            </Button>
          </Group>
          {open === p.id && <Members id={p.id} />}
        </Card>
      ))}
      {creating && <ProgrammeForm onClose={() => setCreating(false)} />}
    </Stack>
  );
}
