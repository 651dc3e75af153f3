import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { PagedQuery, SampleBadge } from '../features/layout/ui';
import { useOrgs } from '../features/orgs/api';
import { CreateOrgButton } from '../features/orgs/org-forms';
import { orgTypeLabel, provinceOptions } from '../features/orgs/org-labels';
import { useI18n } from '../i18n/i18n';

export default function DirectoryPage() {
  const { t } = useI18n();
  // Filters live in the URL so a filtered list can be bookmarked and shared.
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    province: params.get('province') ?? '',
    member: params.get('member') ?? '',
    sort: params.get('sort') ?? 'code',
    page: Number(params.get('page') ?? '1'),
  };
  const [q] = useDebouncedValue(filters.q, 300);
  const set = (patch: Partial<Record<keyof typeof filters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query = { ...filters, q, pageSize: 25 };
  const list = useOrgs(query);
  const exportQs = new URLSearchParams(
    Object.entries({
      q,
      type: filters.type,
      province: filters.province,
      member: filters.member,
      sort: filters.sort,
    }).filter(([, v]) => v) as [string, string][],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('directoryTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('directoryHelp')}
          </Text>
        </div>
        <Group>
          <Button component="a" href={`/api/v1/orgs/export?${exportQs}`} variant="default" size="sm">
            {t('exportCsv')}
          </Button>
          {list.data?.abilities.create && <CreateOrgButton />}
        </Group>
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={filters.q}
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
          <Table striped highlightOnHover data-testid="org-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('code')}</Table.Th>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('type')}</Table.Th>
                <Table.Th>{t('province')}</Table.Th>
                <Table.Th>{t('membership')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        )}
      </PagedQuery>
    </Stack>
  );
}
