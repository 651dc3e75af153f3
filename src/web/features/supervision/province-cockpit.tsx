import { Anchor, Grid, Group, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { TrendChart } from '../followup/trend-chart';
import { ErrorNotice, Loading } from '../layout/ui';
import { ChoroplethMap, type MapMode } from '../map/choropleth-map';
import { ResponseTimeTable } from '../questions/response-times';
import { useProvinceOverview } from './api';
import { regionAreas } from './areas';
import { CockpitIntro } from './cockpit-intro';
import { GroupSimulation } from './group-simulation';
import { Definitions, HeadlineTiles } from './headline-tiles';
import { IndexTrend } from './index-trend';
import { LeagueTable } from './league-table';
import { StalledList } from './stalled-list';

/** A province supervisor's section of the home page: its kab/kota on a map and what to act on. */
export function ProvinceCockpit({ code }: { code: string }) {
  const { t } = useI18n();
  const overview = useProvinceOverview(code);
  const [mode, setMode] = useState<MapMode>('milestone');
  const areas = useMemo(() => regionAreas(overview.data?.bodies ?? [], t), [overview.data, t]);
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => overview.refetch()} />;
  const o = overview.data;
  const name = o.province.name;

  return (
    <Stack data-testid="province-cockpit" data-province={code}>
      <CockpitIntro
        title={t('provinceCockpitTitle', { province: name })}
        intro={t('provinceCockpitIntro')}
        empty={{
          show: o.headline.cohort === 0,
          testId: 'province-empty',
          text: t('provinceNoneJoined'),
          links: [
            { to: '/visits', label: 'recordVisit' },
            { to: '/commitments', label: 'navCommitments' },
          ],
        }}
      />
      <HeadlineTiles h={o.headline} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ChoroplethMap
            layer={{ kind: 'province', code }}
            areas={areas}
            mode={mode}
            onModeChange={setMode}
            title={t('provinceMapTitle', { province: name })}
            indexBands={o.indexBands}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <StalledList bodies={o.bodies} stallDays={o.stallDays} />
        </Grid.Col>
      </Grid>
      <LeagueTable bodies={o.bodies} />
      <ResponseTimeTable province={code} />
      {o.abilities.simulate && <GroupSimulation code={code} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TrendChart trend={o.trend.months} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <IndexTrend years={o.trend.years} />
        </Grid.Col>
      </Grid>
      <Group gap="md">
        <Anchor component={Link} to={`/funnel?scope=province&ref=${encodeURIComponent(code)}`} size="sm">
          {t('openFollowup')}
        </Anchor>
      </Group>
      <Definitions definitions={o.definitions} />
    </Stack>
  );
}

export default ProvinceCockpit;
