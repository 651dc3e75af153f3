import { Anchor, Badge, Button, Group, Progress, Stack, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, ErrorNotice, ListOrEmpty, Loading, SampleBadge } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { useCreatePlan, usePlans } from '../features/plans/api';
import { PlanStatusBadge } from '../features/plans/status-badges';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function PlansPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [periodError, setPeriodError] = useState<string>();
  const org = useOrg(code);
  const list = usePlans(code);
  const create = useCreatePlan(code);
  const submit = () =>
    create.mutate(period, {
      onSuccess: (plan) => navigate(`/plans/${plan.id}`),
      onError: (e) => {
        if (e instanceof ApiError) setPeriodError(e.fieldErrors().period);
        notifications.show({ color: 'red', message: e.message });
      },
    });
  if (list.isPending || org.isPending) return <Loading />;
  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />;
  if (org.isError) return <ErrorNotice error={org.error} />;
  return (
    <Stack>
      <PageHeader
        crumb={{ to: `/orgs/${code}`, label: org.data.data.name }}
        title={t('plansTitle')}
        help={t('plansIntro')}
      />
      {list.data.abilities.create && (
        <Group align="end" gap="xs">
          <TextInput
            label={t('period')}
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            w={140}
            error={periodError}
          />
          <Button onClick={submit} loading={create.isPending}>
            {t('newPlan')}
          </Button>
        </Group>
      )}
      <ListOrEmpty count={list.data.data.length} empty={t('noPlans')}>
        <DataTable head={[t('period'), t('status'), t('items'), t('itemsDone'), t('overdue')]}>
          {list.data.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${p.id}`}>
                  {p.period}
                </Anchor>{' '}
                <SampleBadge show={p.isSample} />
              </Table.Td>
              <Table.Td>
                <PlanStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>{p.itemCount}</Table.Td>
              <Table.Td>
                <Progress
                  value={p.itemCount ? (p.doneCount / p.itemCount) * 100 : 0}
                  w={120}
                  aria-label={t('itemsDone')}
                />
              </Table.Td>
              <Table.Td>{p.overdueCount ? <Badge color="red">{p.overdueCount}</Badge> : '0'}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListOrEmpty>
    </Stack>
  );
}
