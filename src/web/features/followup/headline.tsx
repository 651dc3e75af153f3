import { Card, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { Funnel } from '../../../shared/contracts/followup';
import type { Figure } from '../../../shared/followup/measure';
import { useI18n } from '../../i18n/i18n';

export const formatPercent = (p: number | null, locale: string) =>
  p === null ? '—' : `${p.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID')}%`;

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
          <Card withBorder h="100%" bg={chosen === x.figure ? 'var(--mantine-color-blue-light)' : undefined}>
            <Text size="sm" fw={600}>
              {x.label}
            </Text>
            <Text fz={28} fw={700} data-testid="tile-value">
              {x.main}
            </Text>
            <Text size="xs" c="dimmed">
              {x.sub}
            </Text>
          </Card>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
