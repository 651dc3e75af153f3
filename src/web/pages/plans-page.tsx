import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
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
      <div>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to={`/orgs/${code}`}>
            {org.data.data.name}
          </Anchor>
        </Text>
        <Title order={2}>{t('plansTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('plansIntro')}
        </Text>
      </div>
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
      {list.data.data.length === 0 ? (
        <EmptyState>{t('noPlans')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('period')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('items')}</Table.Th>
                <Table.Th>{t('itemsDone')}</Table.Th>
                <Table.Th>{t('overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
