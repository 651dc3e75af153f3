import { Stack } from '@mantine/core';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { usePublicProvinces, usePublicSummary } from '../features/portal/api';
import { NationalFigures } from '../features/portal/national-figures';
import { OpenDataLinks } from '../features/portal/open-data-links';
import { PortalIntro } from '../features/portal/portal-intro';
import { ProvinceTable } from '../features/portal/province-table';

/**
 * `/` for visitors: what the Living Lab is, the national figures, each province's, and the open
 * data. The sections are independent blocks fed by the open data, so a map of the provinces
 * (features/map, data by props) slots in between the figures and the table.
 */
export default function PortalPage() {
  const summary = usePublicSummary();
  const provinces = usePublicProvinces();
  return (
    <Stack gap="xl" data-testid="portal-page">
      <PortalIntro />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorNotice error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <NationalFigures summary={summary.data.data} asOf={summary.data.asOf} />
      )}
      {provinces.isPending ? (
        <Loading />
      ) : provinces.isError ? (
        <ErrorNotice error={provinces.error} onRetry={() => provinces.refetch()} />
      ) : (
        <ProvinceTable provinces={provinces.data.data} />
      )}
      <OpenDataLinks />
    </Stack>
  );
}
