import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../features/auth/use-auth';
import { useCommitmentTexts } from '../features/commitments/api';
import { PublishForm } from '../features/commitments/publish-form';
import { SignaturesPanel } from '../features/commitments/signatures-panel';
import { EmptyState, ErrorNotice, Loading } from '../features/layout/ui';
import { formatDateTime, useI18n } from '../i18n/i18n';

export default function CommitmentsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data!;
  const texts = useCommitmentTexts();
  const bodies = me.memberships.filter((m) => m.org.type !== 'ministry' || m.role === 'leader');
  const [code, setCode] = useState<string | null>(
    me.memberships.find((m) => m.role === 'leader')?.org.code ?? bodies[0]?.org.code ?? null,
  );
  const [publishing, setPublishing] = useState(false);
  if (texts.isPending) return <Loading />;
  if (texts.isError) return <ErrorNotice error={texts.error} onRetry={() => texts.refetch()} />;
  const current = texts.data.find((x) => x.isCurrent);
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
      {code && (
        <SignaturesPanel code={code} orgName={bodies.find((m) => m.org.code === code)?.org.name ?? code} />
      )}
      {texts.data.length > 1 && (
        <Card withBorder>
          <Text fw={600}>{t('allVersions')}</Text>
          <Table fz="sm">
            <Table.Tbody>
              {texts.data.map((x) => (
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
