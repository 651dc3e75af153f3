import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type AssistanceStatus, adoptionStages, assistanceStatuses } from '../../shared/contracts/practices';
import { ApiError } from '../api/client';
import { EmptyState, ErrorNotice, Loading, Pager } from '../features/layout/ui';
import { useAssistanceRequests, useFollowers } from '../features/practices/api';
import { AssistanceCard } from '../features/practices/assistance-card';
import { StageBadge } from '../features/practices/badges';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function HostFollowersPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const [status, setStatus] = useState<AssistanceStatus | null>('open');
  const [page, setPage] = useState(1);
  const q = useFollowers(code);
  const requests = useAssistanceRequests({ host: code, status: status ?? undefined, page });
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))
    return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const f = q.data;
  const rows = f.bodies.flatMap((b) => b.adoptions.map((a) => ({ org: b.org, ...a })));
  const waiting = f.bodies.reduce((n, b) => n + b.openAssistance.length, 0);
  return (
    <Stack>
      <div>
        <Text size="sm">
          <Anchor component={Link} to={`/orgs/${code}`}>
            {f.host.name}
          </Anchor>
        </Text>
        <Title order={2}>{t('followersTitle')}</Title>
        <Text size="sm" c="gray.7" maw={720}>
          {t('followersIntro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} data-testid="stage-counts">
        {adoptionStages.map((s) => (
          <Card key={s} withBorder padding="sm">
            <Text size="xl" fw={700} data-testid={`count-${s}`}>
              {f.stageCounts[s] ?? 0}
            </Text>
            <Text size="sm" fw={500}>
              {t(`stage_${s}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <section>
        {rows.length === 0 ? (
          <EmptyState>{t('followersNone')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <Table striped data-testid="followers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bodyCol')}</Table.Th>
                  <Table.Th>{t('practiceCol')}</Table.Th>
                  <Table.Th>{t('stageCol')}</Table.Th>
                  <Table.Th>{t('stageSince')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orgs/${r.org.code}`}>
                        {r.org.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/adoptions/${r.id}`}>
                        {r.practice.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StageBadge stage={r.stage} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.since, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
      <section>
        <Group justify="space-between" align="end" mb="sm">
          <Title order={3} size="h4">
            {t('openRequests')} ({waiting})
          </Title>
          <Select
            label={t('status')}
            clearable
            placeholder={t('all')}
            data={assistanceStatuses.map((s) => ({ value: s, label: t(`astatus_${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as AssistanceStatus | null);
              setPage(1);
            }}
            w={200}
          />
        </Group>
        {requests.isPending ? (
          <Loading />
        ) : requests.isError ? (
          <ErrorNotice error={requests.error} onRetry={() => requests.refetch()} />
        ) : (
          <>
            {requests.data.data.length === 0 ? (
              <EmptyState>{t('assistanceNone')}</EmptyState>
            ) : (
              <Stack>
                {requests.data.data.map((r) => (
                  <AssistanceCard key={r.id} a={r} showOrg />
                ))}
              </Stack>
            )}
            <Pager pagination={requests.data.pagination} onPage={setPage} />
          </>
        )}
      </section>
    </Stack>
  );
}
