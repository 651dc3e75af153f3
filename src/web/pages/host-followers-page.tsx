import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { adoptionStages } from '../../shared/contracts/adoptions';
import { type AssistanceStatus, assistanceStatuses } from '../../shared/contracts/assistance';
import { ApiError } from '../api/client';
import { TableScroll } from '../features/layout/table-scroll';
import { EmptyState, ErrorNotice, Loading, Pager } from '../features/layout/ui';
import { useAssistanceRequests, useFollowers } from '../features/practices/api';
import { AssistanceCard } from '../features/practices/assistance-card';
import { StageBadge } from '../features/practices/badges';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

type View = AssistanceStatus | 'active' | 'all';

/**
 * A host's requests of one or two statuses in one paged list: one list, so a card that moves from
 * open to in progress (assigning answers the request) keeps its place and what was being typed.
 */
function AssistanceList({ host, statuses }: { host: string; statuses: AssistanceStatus[] }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const first = useAssistanceRequests({ host, status: statuses[0], page });
  const second = useAssistanceRequests({ host, status: statuses[1], page }, statuses.length > 1);
  const parts = statuses.length > 1 ? [first, second] : [first];
  const failed = parts.find((q) => q.isError);
  if (failed) return <ErrorNotice error={failed.error} onRetry={() => failed.refetch()} />;
  if (parts.some((q) => !q.data)) return <Loading />;
  const rows = parts.flatMap((q) => q.data!.data).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const pagination = {
    ...first.data!.pagination,
    total: parts.reduce((n, q) => n + q.data!.pagination.total, 0),
    pageCount: Math.max(...parts.map((q) => q.data!.pagination.pageCount)),
  };
  return (
    <Stack>
      {rows.length === 0 ? (
        <EmptyState>{t('assistanceNone')}</EmptyState>
      ) : (
        rows.map((r) => <AssistanceCard key={r.id} a={r} showOrg />)
      )}
      {pagination.pageCount > 1 && <Pager pagination={pagination} onPage={setPage} />}
    </Stack>
  );
}

export default function HostFollowersPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const [view, setView] = useState<View>('active');
  const q = useFollowers(code);
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
          <TableScroll>
            <Table striped miw={600} data-testid="followers-table">
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
          </TableScroll>
        )}
      </section>
      <section>
        <Group justify="space-between" align="end" mb="sm">
          <Title order={3} size="h4">
            {t('openRequests')} ({waiting})
          </Title>
          <Select
            label={t('status')}
            allowDeselect={false}
            data={[
              { value: 'active', label: t('astatus_active') },
              ...assistanceStatuses.map((s) => ({ value: s, label: t(`astatus_${s}`) })),
              { value: 'all', label: t('all') },
            ]}
            value={view}
            onChange={(v) => setView((v ?? 'active') as View)}
            w={220}
          />
        </Group>
        <AssistanceList
          key={view}
          host={code}
          statuses={view === 'active' ? ['open', 'in_progress'] : view === 'all' ? [] : [view]}
        />
      </section>
    </Stack>
  );
}
