import { Group, Text } from '@mantine/core';
import { mapMilestones } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { type Bin, type MapMode, milestoneColours, noValueColour } from './palette';

// The map's legend as text with colour swatches (the canvas's colours, from palette.ts): readable
// by screen readers and at any zoom, unlike a legend drawn inside the canvas.

function Swatch({ colour, label }: { colour: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" component="li">
      <span
        aria-hidden
        style={{
          width: 14,
          height: 14,
          flex: 'none',
          background: colour,
          border: '1px solid #868e96',
          borderRadius: 2,
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

export function MapLegend({
  mode,
  bins,
  byPercent,
}: {
  mode: MapMode;
  bins: Bin[] | null;
  byPercent: boolean;
}) {
  const { t, locale } = useI18n();
  const num = (n: number) =>
    n.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: byPercent ? 0 : 2 });
  const range = (b: Bin) => {
    const unit = byPercent ? '%' : '';
    const span = b.to === null ? `≥ ${num(b.from)}${unit}` : `${num(b.from)}–${num(b.to)}${unit}`;
    return b.label ? `${b.label[locale]} (${span})` : span;
  };
  return (
    <div data-testid="map-legend">
      <Text size="xs" fw={600} id="map-legend-title">
        {t('mapLegend')}
      </Text>
      <Group
        component="ul"
        aria-labelledby="map-legend-title"
        gap="sm"
        wrap="wrap"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {bins
          ? [
              ...bins.map((b) => <Swatch key={b.from} colour={b.colour} label={range(b)} />),
              <Swatch
                key="none"
                colour={noValueColour}
                label={mode === 'index' ? t('mapNoIndex') : t('mapNoCohort')}
              />,
            ]
          : mapMilestones.map((m) => <Swatch key={m} colour={milestoneColours[m]} label={t(`ms_${m}`)} />)}
      </Group>
    </div>
  );
}
