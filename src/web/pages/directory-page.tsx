import { Anchor, Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { SEARCH_MAX_LENGTH } from '../../shared/contracts/common';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, PagedQuery, SampleBadge } from '../features/layout/ui';
import { useUrlFilters } from '../features/layout/url-filters';
import { useOrgs } from '../features/orgs/api';
import { NotEvaluatedBadge } from '../features/orgs/not-evaluated-badge';
import { CreateOrgButton } from '../features/orgs/org-forms';
import { orgTypeLabel, provinceOptions } from '../features/orgs/org-labels';
import { useI18n } from '../i18n/i18n';

export default function DirectoryPage() {
  const { t } = useI18n();
  const { get, set, q, page } = useUrlFilters();
  const filters = {
    type: get('type'),
    province: get('province'),
    member: get('member'),
    sort: get('sort') || 'code',
  };
  const list = useOrgs({ ...filters, q, page, pageSize: 25 });
  const exportQs = new URLSearchParams(
    Object.entries({ q, ...filters }).filter(([, v]) => v) as [string, string][],
  );

  return (
    <Stack>
      <PageHeader
        title={t('directoryTitle')}
        help={t('directoryHelp')}
        actions={
          <Group>
            <Button component="a" href={`/api/v1/orgs/export?${exportQs}`} variant="default" size="sm">
              {t('exportCsv')}
            </Button>
            {list.data?.abilities.create && <CreateOrgButton />}
          </Group>
        }
      />
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('search')}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('searchPlaceholder')}
          value={get('q')}
          onChange={(e) => set({ q: e.currentTarget.value })}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('type')}
          clearable
          value={filters.type || null}
          onChange={(v) => set({ type: v ?? '' })}
          data={Object.entries(orgTypeLabel).map(([value, key]) => ({ value, label: t(key) }))}
          w={160}
        />
        <Select
          label={t('province')}
          clearable
          searchable
          value={filters.province || null}
          onChange={(v) => set({ province: v ?? '' })}
          data={provinceOptions}
          w={220}
        />
        <Select
          label={t('membership')}
          clearable
          value={filters.member || null}
          onChange={(v) => set({ member: v ?? '' })}
          data={[
            { value: 'true', label: t('members') },
            { value: 'false', label: t('nonMembers') },
          ]}
          w={160}
        />
        <Select
          label={t('sortBy')}
          value={filters.sort}
          onChange={(v) => set({ sort: v ?? 'code' })}
          data={[
            { value: 'code', label: t('code') },
            { value: 'name', label: t('name') },
            { value: 'type', label: t('type') },
          ]}
          w={130}
        />
      </Group>
      <PagedQuery query={list} onPage={(p) => set({ page: String(p) })}>
        {(data) => (
          <DataTable
            highlightOnHover
            data-testid="org-table"
            head={[t('code'), t('name'), t('type'), t('province'), t('membership')]}
          >
            {data.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${o.code}`}>
                    {o.name}
                  </Anchor>{' '}
                  {o.isHost && (
                    <Badge size="xs" color="teal">
                      {t('host')}
                    </Badge>
                  )}
                  <NotEvaluatedBadge org={o} size="xs" />
                </Table.Td>
                <Table.Td>{t(orgTypeLabel[o.type]!)}</Table.Td>
                <Table.Td>{o.provinceName ?? '—'}</Table.Td>
                <Table.Td>
                  {o.isMember ? (
                    <Group gap={4}>
                      <Badge size="xs">{t('member')}</Badge>
                      <SampleBadge show={o.isSample} />
                    </Group>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedQuery>
    </Stack>
  );
}
