import { Anchor, Box, Card, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { IndexBands, MapMilestone } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { formatPercent } from '../followup/headline';
import { MapLegend } from './map-legend';
import { MapTable } from './map-table';
import { binOf, indexBins, type MapMode, milestoneColours, noValueColour, percentBins } from './palette';

// A choropleth of Indonesia's provinces or kab/kota, coloured by follow-up or by index (a
// keyboard-reachable toggle), with a legend, a tooltip per area, the boundaries' attribution,
// and the same data as a table. It takes its data through props (the supervisors' cockpits, and
// a public page with the national figures), and loads ECharts and the boundaries lazily.

const MapCanvas = lazy(() => import('./map-canvas'));

export type { MapMode };

/** One area: a kab/kota (coloured by its milestone) or a province (by the share that followed up). */
export type MapArea = {
  code: string;
  name: string;
  milestone?: MapMilestone | null;
  /** Provinces: percent of the cohort that followed up (null: no cohort). */
  percent?: number | null;
  index: number | null;
  /** Said after the index, e.g. "resmi 2024". */
  indexNote?: string | null;
  /** Where the area's body page is. */
  href?: string;
};

/** The national provinces, all 514 kab/kota, or one province's kab/kota. */
export type MapLayer = { kind: 'provinces' } | { kind: 'regencies' } | { kind: 'province'; code: string };

export type ChoroplethMapProps = {
  layer: MapLayer;
  areas: MapArea[];
  mode: MapMode;
  /** Offers the follow-up/index switch; without it the map shows `mode` only (the public map). */
  onModeChange?: (mode: MapMode) => void;
  title: string;
  indexBands?: IndexBands;
  /**
   * Clicking an area (or its button in the table) selects it: the national map drills down.
   * Without it, clicking an area opens its body page (`href`).
   */
  onSelect?: (code: string) => void;
  selectLabel?: string;
  /** Controls shown beside the title (a way back, a layer switch). */
  actions?: ReactNode;
};

const fileOf = (layer: MapLayer) =>
  layer.kind === 'provinces'
    ? 'provinces'
    : layer.kind === 'regencies'
      ? 'regencies'
      : `regencies-${layer.code}`;

export function ChoroplethMap(props: ChoroplethMapProps) {
  const { t, locale } = useI18n();
  const { layer, areas, mode } = props;
  const navigate = useNavigate();
  const byPercent = layer.kind === 'provinces' && mode === 'milestone';
  const { onSelect } = props;
  const select = useCallback(
    (code: string) => {
      if (onSelect) return onSelect(code);
      const href = areas.find((a) => a.code === code)?.href;
      if (href) navigate(href);
    },
    [onSelect, areas, navigate],
  );
  const bins = useMemo(
    () => (mode === 'index' ? indexBins(props.indexBands) : byPercent ? percentBins : null),
    [mode, byPercent, props.indexBands],
  );
  const provinces = layer.kind === 'provinces';
  const index = useCallback(
    (a: MapArea) =>
      a.index === null
        ? t('mapNoIndex')
        : `${a.index.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2 })}${a.indexNote ? ` (${a.indexNote})` : ''}`,
    [t, locale],
  );
  // Provinces are coloured by the share that followed up; kab/kota by their furthest milestone.
  const followUp = useCallback(
    (a: MapArea) =>
      provinces
        ? a.percent === null || a.percent === undefined
          ? t('mapNoCohort')
          : t('mapFollowedUpPercent', { percent: formatPercent(a.percent, locale) })
        : t(`ms_${a.milestone ?? 'notJoined'}`),
    [t, locale, provinces],
  );
  const canvasAreas = useMemo(
    () =>
      areas.map((a) => {
        const value = mode === 'index' ? a.index : byPercent ? a.percent : null;
        const colour = bins
          ? (binOf(bins, value)?.colour ?? noValueColour)
          : milestoneColours[a.milestone ?? 'notJoined'];
        const shown = mode === 'index' ? `${t('mapModeIndex')}: ${index(a)}` : followUp(a);
        return { code: a.code, colour, tooltip: `${a.name}\n${shown}` };
      }),
    [areas, mode, bins, byPercent, t, index, followUp],
  );

  return (
    <Card withBorder data-testid="choropleth" data-mode={mode}>
      <Stack gap="xs">
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Title order={3} size="h5">
            {props.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            {props.actions}
            {props.onModeChange && (
              <SegmentedControl
                size="xs"
                aria-label={t('mapModeLabel')}
                value={mode}
                onChange={(v) => props.onModeChange?.(v as MapMode)}
                data={[
                  { value: 'milestone', label: t('mapModeMilestone') },
                  { value: 'index', label: t('mapModeIndex') },
                ]}
                data-testid="map-mode"
              />
            )}
          </Group>
        </Group>
        <Suspense fallback={<Skeleton height={240} />}>
          <MapCanvas
            file={fileOf(layer)}
            areas={canvasAreas}
            aspect={layer.kind === 'province' ? 4 / 3 : 2.4}
            label={t('mapLabel', { title: props.title })}
            onSelect={select}
            failed={t('mapLoadFailed')}
          />
        </Suspense>
        <MapLegend mode={mode} bins={bins} byPercent={byPercent} />
        <Text size="xs" c="gray.7">
          <Anchor
            href="https://github.com/cahyadsn/wilayah_boundaries"
            target="_blank"
            rel="noreferrer"
            size="xs"
          >
            {t('mapAttribution')}
          </Anchor>
        </Text>
        <Box>
          <MapTable
            areas={areas}
            followUp={followUp}
            index={index}
            followUpHeader={
              byPercent || layer.kind === 'provinces' ? t('mapFollowedUpHeader') : t('mapModeMilestone')
            }
            onSelect={props.onSelect}
            selectLabel={props.selectLabel}
          />
        </Box>
      </Stack>
    </Card>
  );
}
