import { Card, type CardProps, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { Funnel } from '../../../shared/contracts/followup';
import type { Figure } from '../../../shared/followup/measure';
import { useI18n } from '../../i18n/i18n';

export const formatPercent = (p: number | null, locale: string) =>
  p === null ? '—' : `${p.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID')}%`;

/**
 * One figure as a tile: what it counts, the number, and what it is counted of. The follow-up
 * page, the supervisors' cockpits and the public portal show their figures alike.
 */
export function FigureTile({
  label,
  main,
  sub,
  size = 28,
  valueTestId = 'tile-value',
  ...card
}: CardProps & {
  label: string;
  main: string;
  sub: string;
  size?: number;
  valueTestId?: string;
  'data-testid'?: string;
}) {
  return (
    <Card withBorder {...card}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text fz={size} fw={700} data-testid={valueTestId}>
        {main}
      </Text>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </Card>
  );
}

/** The three headline figures and the cohort they are counted of; each opens its drill-down. */
export function HeadlineTiles({
  f,
  chosen,
  onChoose,
}: {
  f: Funnel;
  chosen: Figure | null;
  onChoose: (x: Figure) => void;
}) {
  const { t, locale } = useI18n();
  const pct = (p: number | null) => formatPercent(p, locale);
  const tiles: { figure: Figure; label: string; main: string; sub: string }[] = [
    {
      figure: 'cohort',
      label: t('cohortTile'),
      main: String(f.cohort.count),
      sub: f.scope.kind === 'national' ? t('scope_national') : f.scope.name,
    },
    ...(['followedUp', 'followingPath', 'improved'] as const).map((k) => ({
      figure: k as Figure,
      label: t(`head_${k}`),
      main: pct(f.headline[k].percent),
      sub: `${f.headline[k].count} ${t('cohortOf', { count: f.cohort.count })}`,
    })),
  ];
  if (f.cohort.notJoined !== null)
    tiles.push({
      figure: 'notJoined',
      label: t('notJoinedTile'),
      main: String(f.cohort.notJoined),
      sub: 'kab/kota',
    });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: tiles.length }} data-testid="headline">
      {tiles.map((x) => (
        <UnstyledButton
          key={x.figure}
          onClick={() => onChoose(x.figure)}
          aria-pressed={chosen === x.figure}
          data-testid={`tile-${x.figure}`}
        >
          <FigureTile
            h="100%"
            bg={chosen === x.figure ? 'var(--mantine-color-blue-light)' : undefined}
            label={x.label}
            main={x.main}
            sub={x.sub}
          />
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
