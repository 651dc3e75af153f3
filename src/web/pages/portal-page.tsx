import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { PublicProvince } from '../../shared/contracts/public';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { ChoroplethMap, type MapArea } from '../features/map/choropleth-map';
import { usePublicProvinces, usePublicSummary } from '../features/portal/api';
import { NationalFigures } from '../features/portal/national-figures';
import { OpenDataLinks } from '../features/portal/open-data-links';
import { PortalIntro } from '../features/portal/portal-intro';
import { ProvinceTable } from '../features/portal/province-table';
import { useI18n } from '../i18n/i18n';

/** The provinces on the public map, coloured by the share of their cohort that followed up. */
function provinceAreas(rows: PublicProvince[]): MapArea[] {
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    percent: p.cohort > 0 ? p.followedUp.percent : null,
    index: null,
    href: `/public/bodies/${p.code}`,
  }));
}

/**
 * `/` for visitors: what the Living Lab is, the national figures, each province's, and the open
 * data: independent blocks fed by the open data. The map (ECharts and the boundaries, loaded only
 * here and on the supervisors' pages) colours each province by the share that followed up; a
 * province opens its public page.
 */
export default function PortalPage() {
  const { t } = useI18n();
  const summary = usePublicSummary();
  const provinces = usePublicProvinces();
  const areas = useMemo(() => provinceAreas(provinces.data?.data ?? []), [provinces.data]);
  return (
    <Stack gap="xl" data-testid="portal-page">
      <PortalIntro />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorNotice
          error={summary.error}
          onRetry={() => {
            summary.refetch();
            if (provinces.isError) provinces.refetch();
          }}
        />
      ) : (
        <NationalFigures summary={summary.data.data} asOf={summary.data.asOf} />
      )}
      {provinces.isPending ? (
        <Loading />
      ) : provinces.isError ? (
        // When both failed for the same reason (too many requests, no connection) one notice says
        // it, and its retry fetches both.
        !summary.isError && <ErrorNotice error={provinces.error} onRetry={() => provinces.refetch()} />
      ) : (
        <>
          <ChoroplethMap
            layer={{ kind: 'provinces' }}
            areas={areas}
            mode="milestone"
            title={t('portalMapTitle')}
          />
          <ProvinceTable provinces={provinces.data.data} />
        </>
      )}
      <OpenDataLinks />
    </Stack>
  );
}
