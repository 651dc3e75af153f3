import {
  Anchor,
  Button,
  Checkbox,
  FileButton,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type ActionItem,
  type ItemStatus,
  itemStatuses,
  type PlanAction,
} from '../../shared/contracts/plans';
import { ApiError } from '../api/client';
import { ErrorNotice, Loading } from '../features/layout/ui';
import {
  type ItemFilters,
  planExportUrl,
  toItemStatus,
  useBulkUpdate,
  useImportPlan,
  usePlan,
  usePlanTransition,
} from '../features/plans/api';
import { IncompleteItemsAlert, toMissing, useConfirmApprove } from '../features/plans/incomplete-items';
import { ItemForm } from '../features/plans/item-form';
import { ItemsTable } from '../features/plans/items-table';
import { PlanStatusBadge } from '../features/plans/status-badges';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

type Problem = { row: number; field: string; message: string };
// A refused approval names what is incomplete (the counts may have changed since the page loaded).
const showError = (e: Error) =>
  notifications.show({
    color: 'red',
    message:
      e instanceof ApiError && e.code === 'PLAN_INCOMPLETE_ITEMS'
        ? `${e.message} (${(e.details as { message?: string } | undefined)?.message ?? ''})`
        : e.message,
  });

export default function PlanPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  // Links from elsewhere: ?overdue=true lists the overdue items, ?item=ID opens that item's form,
  // ?missing=owner|dueDate lists the incomplete items (that filter lives in the address).
  const [search, setSearch] = useSearchParams();
  const missing = toMissing(search.get('missing'));
  const [otherFilters, setFilters] = useState<Omit<ItemFilters, 'missing'>>(() =>
    search.get('overdue') === 'true' ? { overdue: 'true' } : {},
  );
  const filters: ItemFilters = { ...otherFilters, missing };
  const setMissing = (m: typeof missing) => setSearch(m ? { missing: m } : {}, { replace: true });
  const confirmApprove = useConfirmApprove();
  const [editing, setEditing] = useState<ActionItem | 'new' | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkStatus, setBulkStatus] = useState<ItemStatus | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const q = usePlan(id, filters);
  const transition = usePlanTransition(id);
  const bulk = useBulkUpdate(id);
  const importer = useImportPlan(id);
  const linked = search.get('item');
  const openedLinked = useRef(false);
  useEffect(() => {
    const item =
      linked && !openedLinked.current ? q.data?.data.items.find((i) => i.id === linked) : undefined;
    if (!item) return;
    openedLinked.current = true;
    setEditing(item);
  }, [linked, q.data]);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const { data: p, abilities } = q.data;
  const act = (action: PlanAction, acknowledgeIncomplete = false) =>
    transition.mutate({ action, acknowledgeIncomplete }, { onError: showError });
  const importFile = (file: File | null) => {
    if (!file) return;
    setProblems(null);
    importer.mutate(file, {
      onSuccess: (r) => notifications.show({ color: 'teal', message: t('importPlanDone', r) }),
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'IMPORT_INVALID')
          setProblems((e.details as { problems: Problem[] }).problems);
        else showError(e);
      },
    });
  };
  // The bulk bar offers what the server allows: execution changes, and "verified" to reviewers.
  const bulkStatuses = itemStatuses.filter((s) =>
    s === 'verified' ? abilities.verify : abilities.updateProgress,
  );
  const applyBulk = () =>
    bulkStatus &&
    bulk.mutate(
      { itemIds: selected, patch: { status: bulkStatus } },
      { onSuccess: () => setSelected([]), onError: showError },
    );
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
          {abilities.submit && <Button onClick={() => act('submit')}>{t('submitPlan')}</Button>}
          {abilities.approve && (
            <Button
              color="teal"
              onClick={() => confirmApprove(p, (ack) => act('approve', ack))}
              data-testid="approve-plan"
            >
              {t('approvePlan')}
            </Button>
          )}
          {abilities.return && (
            <Button variant="light" color="orange" onClick={() => act('return')}>
              {t('returnPlan')}
            </Button>
          )}
          {abilities.revise && (
            <Button variant="default" onClick={() => act('revise')}>
              {t('revisePlan')}
            </Button>
          )}
        </Group>
      </Group>
      <IncompleteItemsAlert plan={p} missing={missing} onMissing={setMissing} />
      <Group align="end" gap="xs" wrap="wrap">
        <TextInput
          label={t('search')}
          value={filters.q ?? ''}
          onChange={(e) => setFilters({ ...otherFilters, q: e.currentTarget.value || undefined })}
          w={220}
        />
        <Select
          label={t('status')}
          clearable
          data={itemStatuses.map((s) => ({ value: s, label: t(`item_${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => setFilters({ ...otherFilters, status: toItemStatus(v) ?? undefined })}
          w={180}
        />
        <Checkbox
          label={t('onlyOverdue')}
          checked={filters.overdue === 'true'}
          onChange={(e) =>
            setFilters({ ...otherFilters, overdue: e.currentTarget.checked ? 'true' : undefined })
          }
        />
        {abilities.editItems && (
          <Button onClick={() => setEditing('new')} data-testid="add-item">
            {t('addItem')}
          </Button>
        )}
        <Button component="a" href={planExportUrl(id)} variant="default">
          {t('exportXlsx')}
        </Button>
        {abilities.import && (
          <FileButton onChange={importFile} accept=".xlsx,.csv">
            {(props) => (
              <Button {...props} variant="default" loading={importer.isPending}>
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
      {selected.length > 0 && bulkStatuses.length > 0 && (
        <Group gap="xs">
          <Text size="sm">{t('selected', { count: selected.length })}</Text>
          <Select
            size="xs"
            aria-label={t('status')}
            data={bulkStatuses.map((s) => ({ value: s, label: t(`item_${s}`) }))}
            value={bulkStatus}
            onChange={(v) => setBulkStatus(toItemStatus(v))}
          />
          <Button size="xs" disabled={!bulkStatus} loading={bulk.isPending} onClick={applyBulk}>
            {t('applyToSelected')}
          </Button>
        </Group>
      )}
      <ItemsTable items={p.items} selected={selected} onSelect={setSelected} onOpen={setEditing} />
      {editing && (
        <ItemForm
          planId={id}
          orgCode={p.org.code}
          item={editing === 'new' ? undefined : editing}
          planAbilities={abilities}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
