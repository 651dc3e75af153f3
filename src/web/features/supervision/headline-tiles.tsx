import { List, SimpleGrid, Text } from '@mantine/core';
import type { NationalOverview } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { FigureTile, formatPercent } from '../followup/headline';
import { formatIndex } from './areas';

type Headline = NationalOverview['headline'] & { notJoined?: number };

/** The headline: who joined, the share that followed up, how many follow the host's path and improved, the average index. */
export function HeadlineTiles({ h }: { h: Headline }) {
  const { t, locale } = useI18n();
  const of = (count: number) => t('supOfCohort', { count, cohort: h.cohort });
  const tiles = [
    {
      key: 'cohort',
      label: t('supCohort'),
      main: String(h.cohort),
      sub:
        h.notJoined === undefined ? t('supCohortSubNational') : t('supCohortSub', { notJoined: h.notJoined }),
    },
    {
      key: 'followedUp',
      label: t('head_followedUp'),
      main: formatPercent(h.followedUp.percent, locale),
      sub: of(h.followedUp.count),
    },
    {
      key: 'followingPath',
      label: t('head_followingPath'),
      main: String(h.followingPath.count),
      sub: `${formatPercent(h.followingPath.percent, locale)} · ${of(h.followingPath.count)}`,
    },
    {
      key: 'improved',
      label: t('head_improved'),
      main: String(h.improved.count),
      sub: `${formatPercent(h.improved.percent, locale)} · ${of(h.improved.count)}`,
    },
    {
      key: 'averageIndex',
      label: t('supAverageIndex'),
      main: formatIndex(h.averageIndex, locale),
      sub: [t('supAverageIndexSub', { count: h.indexed }), h.indexFramework?.[locale]]
        .filter(Boolean)
        .join(' · '),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="supervision-headline">
      {tiles.map((x) => (
        <FigureTile
          key={x.key}
          padding="sm"
          size={26}
          data-testid={`sup-tile-${x.key}`}
          label={x.label}
          main={x.main}
          sub={x.sub}
        />
      ))}
    </SimpleGrid>
  );
}

/** What each figure means, as the server words it. */
export function Definitions({ definitions }: { definitions: Record<string, { id: string; en: string }> }) {
  const { t, locale } = useI18n();
  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          {t('supDefinitions')}
        </Text>
      </summary>
      <List size="sm" spacing={4} mt="xs">
        {Object.entries(definitions).map(([k, d]) => (
          <List.Item key={k}>{d[locale]}</List.Item>
        ))}
      </List>
    </details>
  );
}
