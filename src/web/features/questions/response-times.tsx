import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ResponseTime } from '../../../shared/contracts/questions';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, ErrorNotice, Loading } from '../layout/ui';
import { useResponseTimes } from './api';

// Hosts' response times (rule: shared/questions/response-time.ts, explained under each view).

function useFormat() {
  const { t, locale } = useI18n();
  const formatNumber = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID');
  return {
    median: (r: ResponseTime) =>
      r.medianWorkingDays === null ? '—' : t('workingDaysValue', { days: formatNumber(r.medianWorkingDays) }),
    share: (r: ResponseTime) =>
      r.shareWithinTarget === null ? '—' : `${formatNumber(Math.round(r.shareWithinTarget * 100))}%`,
  };
}

/** One host's figures, on its page. */
export function ResponseTimeTile({ host }: { host: string }) {
  const { t } = useI18n();
  const q = useResponseTimes({ host });
  const f = useFormat();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data[0];
  return (
    <Stack gap="xs" data-testid="response-time-tile">
      <Title order={3}>{t('responseTimesTitle')}</Title>
      {!r || r.questions === 0 ? (
        <EmptyState>{t('noResponseFigures')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            [t('questionsReceived'), String(r.questions)],
            [t('medianFirstResponse'), f.median(r)],
            [t('shareWithin3'), f.share(r)],
            [t('pendingQuestions'), String(r.pending)],
          ].map(([label, value]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="xs" c="gray.7">
                {label}
              </Text>
              <Text fw={700} size="lg">
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Text size="xs" c="gray.7">
        {t('responseTimesRule')}
      </Text>
    </Stack>
  );
}

/** Every host's figures (in a province, or nationally), for the supervisors' views. */
export function ResponseTimeTable({ province }: { province?: string }) {
  const { t } = useI18n();
  const q = useResponseTimes({ province });
  const f = useFormat();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data.filter((r) => r.questions > 0);
  return (
    <Stack gap="xs" data-testid="response-time-table">
      <Group justify="space-between">
        <Title order={3}>{t('responseTimesTitle')}</Title>
      </Group>
      {rows.length === 0 ? (
        <EmptyState>{t('noResponseFigures')}</EmptyState>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hostCol')}</Table.Th>
              <Table.Th>{t('questionsReceived')}</Table.Th>
              <Table.Th>{t('medianFirstResponse')}</Table.Th>
              <Table.Th>{t('shareWithin3')}</Table.Th>
              <Table.Th>{t('pendingQuestions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.host.code}>
                <Table.Td>{r.host.name}</Table.Td>
                <Table.Td>{r.questions}</Table.Td>
                <Table.Td>{f.median(r)}</Table.Td>
                <Table.Td>{f.share(r)}</Table.Td>
                <Table.Td>{r.pending}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="gray.7">
        {t('responseTimesRule')}
      </Text>
    </Stack>
  );
}
