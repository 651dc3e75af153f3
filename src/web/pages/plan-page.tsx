import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { itemStatuses } from '../../shared/contracts/plans';
import { ApiError, api, uploadFile } from '../api/client';
import type { ActionItem, PlanSummary } from '../api/types';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { ItemForm } from '../features/plans/item-form';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';
import { PlanStatusBadge } from './plans-page';

type Abilities = {
  editItems: boolean;
  updateProgress: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  revise: boolean;
  verify: boolean;
};
type Detail = {
  data: PlanSummary & { items: ActionItem[]; versions: { version: number; approvedAt: string }[] };
  abilities: Abilities;
};

export default function PlanPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ status?: string; q?: string; overdue?: string }>({});
  const [editing, setEditing] = useState<ActionItem | 'new' | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkStatus, setBulkStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ row: number; field: string; message: string }[] | null>(null);
  const q = useQuery({
    queryKey: ['plan', id, filters],
    queryFn: () => api<Detail>(`/plans/${id}`, { query: filters }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['plan', id] });
  const transition = useMutation({
    mutationFn: (action: string) => api(`/plans/${id}/transitions/${action}`, { method: 'POST' }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const bulk = useMutation({
    mutationFn: () =>
      api(`/plans/${id}/items/bulk`, {
        method: 'POST',
        body: { itemIds: selected, patch: { status: bulkStatus } },
      }),
    onSuccess: () => {
      setSelected([]);
      refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const { data: p, abilities } = q.data;
  const importFile = async (file: File | null) => {
    if (!file) return;
    setProblems(null);
    try {
      const r = await uploadFile<{ data: { updated: number; created: number } }>(`/plans/${id}/import`, file);
      notifications.show({ color: 'teal', message: t('importPlanDone', r.data) });
      refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID')
        setProblems((e.details as { problems: typeof problems }).problems);
      else notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  const confirm = (action: string, text: string) =>
    modals.openConfirmModal({
      title: t('plansTitle'),
      children: <Text size="sm">{text}</Text>,
      labels: { confirm: t('confirm'), cancel: t('cancel') },
      onConfirm: () => transition.mutate(action),
    });
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/orgs/${p.org.code}/plans`}>
              {p.org.name}
            </Anchor>
          </Text>
          <Title order={2}>
            {t('plansTitle')} {p.period}
          </Title>
          <Group gap="xs">
            <PlanStatusBadge status={p.status} />
            {p.approvedVersion > 0 && (
              <Text size="sm">{t('approvedVersionN', { version: p.approvedVersion })}</Text>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {abilities.submit && <Button onClick={() => transition.mutate('submit')}>{t('submitPlan')}</Button>}
          {abilities.approve && (
            <Button
              color="teal"
              onClick={() => confirm('approve', t('confirmApprove'))}
              data-testid="approve-plan"
            >
              {t('approvePlan')}
            </Button>
          )}
          {abilities.return && (
            <Button variant="light" color="orange" onClick={() => transition.mutate('return')}>
              {t('returnPlan')}
            </Button>
          )}
          {abilities.revise && (
            <Button variant="default" onClick={() => transition.mutate('revise')}>
              {t('revisePlan')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="end" gap="xs" wrap="wrap">
        <TextInput
          label={t('search')}
          value={filters.q ?? ''}
          onChange={(e) => setFilters({ ...filters, q: e.currentTarget.value || undefined })}
          w={220}
        />
        <Select
          label={t('status')}
          clearable
          data={itemStatuses.map((s) => ({ value: s, label: t(`item_${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => setFilters({ ...filters, status: v ?? undefined })}
          w={180}
        />
        <Checkbox
          label={t('onlyOverdue')}
          checked={filters.overdue === 'true'}
          onChange={(e) => setFilters({ ...filters, overdue: e.currentTarget.checked ? 'true' : undefined })}
        />
        {abilities.editItems && (
          <Button onClick={() => setEditing('new')} data-testid="add-item">
            {t('addItem')}
          </Button>
        )}
        <Button component="a" href={`/api/v1/plans/${id}/export`} variant="default">
          {t('exportXlsx')}
        </Button>
        {(abilities.editItems || abilities.updateProgress) && (
          <FileButton onChange={importFile} accept=".xlsx,.csv">
            {(props) => (
              <Button {...props} variant="default">
                {t('importXlsx')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {problems && (
        <Stack gap={2} role="alert">
          {problems.map((pr) => (
            <Text key={`${pr.row}-${pr.field}-${pr.message}`} size="sm" c="red">
              {t('row')} {pr.row} · {pr.field}: {pr.message}
            </Text>
          ))}
        </Stack>
      )}
      {selected.length > 0 && abilities.updateProgress && (
        <Group gap="xs">
          <Text size="sm">{t('selected', { count: selected.length })}</Text>
          <Select
            size="xs"
            aria-label={t('status')}
            data={itemStatuses
              .filter((s) => s !== 'verified' || abilities.verify)
              .map((s) => ({ value: s, label: t(`item_${s}`) }))}
            value={bulkStatus}
            onChange={setBulkStatus}
          />
          <Button size="xs" disabled={!bulkStatus} loading={bulk.isPending} onClick={() => bulk.mutate()}>
            {t('applyToSelected')}
          </Button>
        </Group>
      )}
      <div className="table-scroll">
        <Table striped data-testid="plan-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>
                <Checkbox
                  aria-label={t('all')}
                  checked={selected.length > 0 && selected.length === p.items.length}
                  onChange={(e) => setSelected(e.currentTarget.checked ? p.items.map((i) => i.id) : [])}
                />
              </Table.Th>
              <Table.Th>{t('itemTitle')}</Table.Th>
              <Table.Th>{t('assignee')}</Table.Th>
              <Table.Th>{t('dueDate')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              <Table.Th>{t('progress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={i.title}
                    checked={selected.includes(i.id)}
                    onChange={(e) =>
                      setSelected(
                        e.currentTarget.checked ? [...selected, i.id] : selected.filter((x) => x !== i.id),
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setEditing(i)} size="sm" ta="left">
                    {i.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.targets.map((x) => `${x.indicator}→${x.level}`).join(', ')} · {t(`source_${i.source}`)}
                    {i.ownerUnit ? ` · ${i.ownerUnit}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{i.assignee?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {i.dueDate ? formatDate(i.dueDate, locale) : '—'}{' '}
                  {i.overdue && (
                    <Badge color="red" size="xs">
                      {t('overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={
                      {
                        planned: 'gray',
                        in_progress: 'blue',
                        blocked: 'red',
                        done: 'teal',
                        verified: 'green',
                      }[i.status]
                    }
                    data-testid="item-status"
                  >
                    {t(`item_${i.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Progress value={i.progress} w={80} aria-label={`${t('progress')} ${i.progress}%`} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {editing && (
        <ItemForm
          planId={id}
          orgCode={p.org.code}
          item={editing === 'new' ? undefined : editing}
          structural={abilities.editItems}
          canVerify={abilities.verify}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
