import { Autocomplete, Code, Group, Spoiler, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { auditActions, auditEntityTypes } from '../../shared/contracts/audit';
import { useAuditEvents } from '../features/audit/api';
import { RequireAbility } from '../features/auth/require-ability';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, PagedQuery } from '../features/layout/ui';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { auditActionLabel, auditEntityLabel } from '../i18n/messages-audit';

function AuditPageContent() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState({
    actor: '',
    org: '',
    action: '',
    entityType: '',
    from: '',
    to: '',
  });
  const [debounced] = useDebouncedValue(filters, 400);
  const [page, setPage] = useState(1);
  const query = { ...debounced, page, pageSize: 50 };
  const list = useAuditEvents(query);
  const setFilter = (key: keyof typeof filters, value: string) => {
    setFilters({ ...filters, [key]: value });
    setPage(1);
  };
  const field = (key: keyof typeof filters, label: string, type = 'text', w: number | string = 180) => (
    <TextInput
      label={label}
      type={type}
      value={filters[key]}
      onChange={(e) => setFilter(key, e.currentTarget.value)}
      w={w}
    />
  );
  // Action and entity offer the declared events (contracts/audit.ts) by code, each option with its
  // name in the reader's language, and still accept free text.
  const choice = (
    key: 'action' | 'entityType',
    label: string,
    data: readonly string[],
    w: number,
    name: (code: string) => string | null,
  ) => (
    <Autocomplete
      label={label}
      data={[...data].sort()}
      value={filters[key]}
      onChange={(v) => setFilter(key, v)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{name(option.value) ?? option.value}</Text>
          <Text size="xs" c="dimmed">
            {option.value}
          </Text>
        </Stack>
      )}
      limit={30}
      w={w}
    />
  );
  const actionName = (code: string) => auditActionLabel(code, locale);
  const entityName = (code: string) => auditEntityLabel(code, locale);
  return (
    <Stack>
      <PageHeader title={t('auditTitle')} help={t('auditHelp')} />
      <Group align="end" wrap="wrap">
        {field('actor', `${t('actor')} (${t('email')})`, 'email', 220)}
        {field('org', `${t('body')} (${t('code')})`, 'text', 130)}
        {choice('action', t('action'), auditActions, 220, actionName)}
        {choice('entityType', t('entity'), auditEntityTypes, 160, entityName)}
        {field('from', t('from'), 'date', 160)}
        {field('to', t('to'), 'date', 160)}
      </Group>
      <PagedQuery query={list} onPage={setPage}>
        {(data) => (
          <DataTable
            data-testid="audit-table"
            head={['#', t('when'), t('actor'), t('action'), t('entity'), t('body'), t('ip'), t('details')]}
          >
            {data.data.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>
                  {e.seq}
                  {e.chainSeq === null ? (
                    <Text size="xs" c="dimmed">
                      {t('auditNotChained')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, locale)}</Table.Td>
                <Table.Td>{e.actorEmail ?? t('system')}</Table.Td>
                <Table.Td>
                  {actionName(e.action) && <Text size="sm">{actionName(e.action)}</Text>}
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {entityName(e.entityType) ?? e.entityType}
                  {e.entityId ? (
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {e.entityId.slice(0, 12)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{e.orgCode ?? '—'}</Table.Td>
                <Table.Td>{e.ip ?? '—'}</Table.Td>
                <Table.Td maw={320}>
                  <Spoiler maxHeight={40} showLabel="+" hideLabel="−">
                    {/* Wrapped, not scrolled: a scrolling box inside a cell would need its own tab stop. */}
                    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {JSON.stringify(e.summary, null, 1)}
                    </Code>
                    <Text size="xs" c="dimmed">
                      {t('requestId')}: {e.requestId ?? '—'}
                    </Text>
                  </Spoiler>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedQuery>
    </Stack>
  );
}

export default function AuditPage() {
  return (
    <RequireAbility ability="readAudit">
      <AuditPageContent />
    </RequireAbility>
  );
}
