import { Accordion, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PublicSummary } from '../../../shared/contracts/public';
import { formatDate, useI18n } from '../../i18n/i18n';
import { FigureTile, formatPercent } from '../followup/headline';

/**
 * The national headline for anyone: the bodies that learned, and of them the share that followed
 * up, follows the host's path and improved its official index — with how each is counted.
 */
export function NationalFigures({ summary, asOf }: { summary: PublicSummary; asOf: string }) {
  const { t, locale } = useI18n();
  const of = (count: number) => t('portalOfCohort', { count, cohort: summary.cohort });
  const tiles = [
    { key: 'cohort', label: t('portalLearned'), main: String(summary.cohort), sub: t('portalLearnedSub') },
    ...(['followedUp', 'followingPath', 'improved'] as const).map((k) => ({
      key: k,
      label: t(`head_${k}`),
      main: formatPercent(summary.headline[k].percent, locale),
      sub: of(summary.headline[k].count),
    })),
  ];
  const explained = ['cohort', 'followedUp', 'followingPath', 'improved'] as const;
  return (
    <Stack gap="sm" component="section" aria-labelledby="national-figures">
      <Title order={3} id="national-figures">
        {t('portalFiguresTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="national-figures">
        {tiles.map((x) => (
          <FigureTile
            key={x.key}
            data-testid={`figure-${x.key}`}
            valueTestId="figure-value"
            label={x.label}
            main={x.main}
            sub={x.sub}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" c="gray.7">
        {t('portalAsOf', { date: formatDate(asOf, locale) })}{' '}
        {t('portalHostsPractices', { hosts: summary.hosts, practices: summary.publishedPractices })}
      </Text>
      <Accordion variant="contained">
        <Accordion.Item value="definitions">
          <Accordion.Control>{t('definitionsTitle')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              {explained.map((k) => (
                <Text key={k} size="sm">
                  {summary.definitions[k]?.[locale]}
                </Text>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
