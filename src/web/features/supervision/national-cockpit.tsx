import { Anchor, Button, Grid, SegmentedControl, Stack } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { TrendChart } from '../followup/trend-chart';
import { ErrorNotice, Loading } from '../layout/ui';
import { ChoroplethMap, type MapLayer, type MapMode } from '../map/choropleth-map';
import { ResponseTimeTable } from '../questions/response-times';
import { useNationalOverview, useRegions } from './api';
import { provinceAreas, regionAreas } from './areas';
import { CockpitIntro } from './cockpit-intro';
import { Definitions, HeadlineTiles } from './headline-tiles';
import { IndexTrend } from './index-trend';
import { ProvinceTable } from './province-table';

/**
 * A national supervisor's section of the home page: the headline, the 38 provinces on a map
 * (choosing one drills down to its kab/kota; all 514 on one layer), one row per province, trends.
 */
export function NationalCockpit() {
  const { t } = useI18n();
  const overview = useNationalOverview();
  const [mode, setMode] = useState<MapMode>('milestone');
  const [layer, setLayer] = useState<MapLayer>({ kind: 'provinces' });
  const mapRef = useRef<HTMLDivElement>(null);
  const regionsOf = layer.kind === 'province' ? layer.code : null;
  const regions = useRegions(regionsOf, layer.kind !== 'provinces');
  const provinceName =
    layer.kind === 'province' ? overview.data?.provinces.find((p) => p.code === layer.code)?.name : undefined;
  const areas = useMemo(
    () =>
      layer.kind === 'provinces'
        ? provinceAreas(overview.data?.provinces ?? [])
        : regionAreas(regions.data?.regions ?? [], t),
    [layer.kind, overview.data, regions.data, t],
  );
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  const drill = (code: string) => {
    if (!o.provinces.some((p) => p.code === code)) return;
    setLayer({ kind: 'province', code });
    mapRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const actions =
    layer.kind === 'province' ? (
      <Button size="compact-sm" variant="light" onClick={() => setLayer({ kind: 'provinces' })}>
        {t('backToNational')}
      </Button>
    ) : (
      <SegmentedControl
        size="xs"
        aria-label={t('layerLabel')}
        value={layer.kind}
        onChange={(v) => setLayer({ kind: v as 'provinces' | 'regencies' })}
        data={[
          { value: 'provinces', label: t('layerProvinces') },
          { value: 'regencies', label: t('layerRegencies') },
        ]}
        data-testid="map-layer"
      />
    );

  return (
    <Stack data-testid="national-cockpit">
      <CockpitIntro
        title={t('nationalCockpitTitle')}
        intro={t('nationalCockpitIntro')}
        empty={{
          show: o.headline.cohort === 0,
          testId: 'national-empty',
          text: t('nationalNoneJoined'),
          links: [
            { to: '/visits', label: 'recordVisit' },
            { to: '/programmes', label: 'navProgrammes' },
            { to: '/commitments', label: 'navCommitments' },
          ],
        }}
      />
      <HeadlineTiles h={o.headline} />
      <div
        ref={mapRef}
        data-testid="national-map"
        data-layer={layer.kind === 'province' ? layer.code : layer.kind}
      >
        {layer.kind !== 'provinces' && regions.isError ? (
          <ErrorNotice error={regions.error} onRetry={() => regions.refetch()} />
        ) : layer.kind !== 'provinces' && regions.isPending ? (
          <Loading />
        ) : (
          <ChoroplethMap
            layer={layer}
            areas={areas}
            mode={mode}
            onModeChange={setMode}
            title={
              layer.kind === 'province'
                ? t('nationalMapDrilled', { province: provinceName ?? layer.code })
                : t('nationalMapTitle')
            }
            indexBands={o.indexBands}
            onSelect={layer.kind === 'provinces' ? drill : undefined}
            selectLabel={t('showRegencies')}
            actions={actions}
          />
        )}
      </div>
      <ProvinceTable rows={o.provinces} onDrill={drill} />
      <ResponseTimeTable />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TrendChart trend={o.trend.months} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <IndexTrend years={o.trend.years} />
        </Grid.Col>
      </Grid>
      <Anchor component={Link} to="/funnel" size="sm">
        {t('openFollowup')}
      </Anchor>
      <Definitions definitions={o.definitions} />
    </Stack>
  );
}

export default NationalCockpit;
