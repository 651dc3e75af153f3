import { Anchor, Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { SEARCH_MAX_LENGTH } from '../../shared/contracts/common';
import { FrameworkLabel } from '../features/assessments/framework-label';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, PagedQuery, SampleBadge } from '../features/layout/ui';
import { useUrlFilters } from '../features/layout/url-filters';
import { orgTypeLabel, provinceOptions } from '../features/orgs/org-labels';
import type { PublicBodyFilters } from '../features/portal/api';
import { openDataUrl, usePublicBodies } from '../features/portal/api';
import { formatDate, useI18n } from '../i18n/i18n';

/** Public: every body of the directory with its public facts, searched and filtered, paged. */
export default function PublicBodiesPage() {
  const { t, locale } = useI18n();
  const { get, set, q, page } = useUrlFilters();
  const filters: PublicBodyFilters = {
    q: q || undefined,
    type: (get('type') || undefined) as PublicBodyFilters['type'],
    province: get('province') || undefined,
    joined: (get('joined') || undefined) as PublicBodyFilters['joined'],
    page,
    pageSize: 25,
  };
  const list = usePublicBodies(filters);
  const csvQs = new URLSearchParams(
    Object.entries({ q, type: get('type'), province: get('province'), joined: get('joined') }).filter(
      ([, v]) => v,
    ) as [string, string][],
  );

  return (
    <Stack>
      <PageHeader
        title={t('publicBodiesTitle')}
        help={t('publicBodiesIntro')}
        helpWidth={720}
        actions={
          <Button component="a" href={`${openDataUrl('bodies.csv')}?${csvQs}`} variant="default" size="sm">
            {t('portalCsvBodies')}
          </Button>
        }
      />
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('search')}
          maxLength={SEARCH_MAX_LENGTH}
          type="search"
          placeholder={t('searchPlaceholder')}
          value={get('q')}
          onChange={(e) => set({ q: e.currentTarget.value })}
          style={{ flex: '1 1 220px' }}
          data-testid="public-bodies-search"
        />
        <Select
          label={t('type')}
          clearable
          value={get('type') || null}
          onChange={(v) => set({ type: v ?? '' })}
          data={Object.entries(orgTypeLabel).map(([value, key]) => ({ value, label: t(key) }))}
          w={160}
        />
        <Select
          label={t('province')}
          clearable
          searchable
          value={get('province') || null}
          onChange={(v) => set({ province: v ?? '' })}
          data={provinceOptions}
          w={220}
        />
        <Select
          label={t('publicJoinedFilter')}
          clearable
          value={get('joined') || null}
          onChange={(v) => set({ joined: v ?? '' })}
          data={[
            { value: 'true', label: t('publicJoinedYes') },
            { value: 'false', label: t('publicJoinedNo') },
          ]}
          w={180}
        />
      </Group>
      <PagedQuery query={list} onPage={(p) => set({ page: String(p) })}>
        {(res) => (
          <DataTable
            miw={720}
            data-testid="public-bodies"
            head={[
              t('code'),
              t('name'),
              t('province'),
              t('head_followedUp'),
              t('publicSignedCol'),
              t('publicLatestOfficialCol'),
            ]}
          >
            {res.data.map((b) => (
              <Table.Tr key={b.code}>
                <Table.Td>{b.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/public/bodies/${b.code}`}>
                    {b.name}
                  </Anchor>{' '}
                  {b.isHost && (
                    <Badge size="sm" variant="light">
                      {t('publicHostBadge')}
                    </Badge>
                  )}{' '}
                  <SampleBadge show={b.isSample} />
                </Table.Td>
                <Table.Td>{b.provinceName ?? '—'}</Table.Td>
                <Table.Td>
                  {b.followedUp
                    ? formatDate(b.followedUp, locale)
                    : b.joined
                      ? t('publicNotReached')
                      : t('publicJoinedNo')}
                </Table.Td>
                <Table.Td>{b.signed ? t('yes') : '—'}</Table.Td>
                <Table.Td>
                  {b.latestOfficial
                    ? `${b.latestOfficial.index.toFixed(2)} ${locale === 'en' ? b.latestOfficial.predicateEn : b.latestOfficial.predicate} (${b.latestOfficial.year})`
                    : '—'}
                  <FrameworkLabel id={b.latestOfficial?.frameworkId} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedQuery>
    </Stack>
  );
}
