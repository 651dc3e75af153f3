import { Anchor, Badge, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type MapMilestone, mapMilestones, type ProvinceBody } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { formatPercent } from '../followup/headline';
import { bodyHref, formatIndex, indexNote } from './areas';

type SortKey = 'index' | 'milestone';

// Furthest along first; hosts teach rather than follow, so they come after the learners.
const journeyRank = (m: MapMilestone) => (m === 'host' ? -1 : mapMilestones.indexOf(m));

/** Every body of the province, ranked by its latest index or by how far it went on the journey. */
export function LeagueTable({ bodies }: { bodies: ProvinceBody[] }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<SortKey>('index');
  const rows = useMemo(() => {
    const byIndex = (a: ProvinceBody, b: ProvinceBody) => (b.latest?.index ?? -1) - (a.latest?.index ?? -1);
    const byJourney = (a: ProvinceBody, b: ProvinceBody) =>
      journeyRank(b.milestone) - journeyRank(a.milestone);
    return [...bodies].sort(
      (a, b) =>
        (sort === 'index' ? byIndex(a, b) || byJourney(a, b) : byJourney(a, b) || byIndex(a, b)) ||
        a.code.localeCompare(b.code),
    );
  }, [bodies, sort]);
  return (
    <Card withBorder data-testid="league-table">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h5">
          {t('leagueTitle')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('leagueSortBy')}
          value={sort}
          onChange={(v) => setSort(v as SortKey)}
          data={[
            { value: 'index', label: t('mapModeIndex') },
            { value: 'milestone', label: t('mapModeMilestone') },
          ]}
          data-testid="league-sort"
        />
      </Group>
      <Table.ScrollContainer minWidth={560} maxHeight={480}>
        <Table striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leagueRank')}</Table.Th>
              <Table.Th>{t('leagueBody')}</Table.Th>
              <Table.Th aria-sort={sort === 'milestone' ? 'descending' : undefined}>
                {t('mapModeMilestone')}
              </Table.Th>
              <Table.Th aria-sort={sort === 'index' ? 'descending' : undefined}>{t('mapModeIndex')}</Table.Th>
              <Table.Th>{t('leaguePath')}</Table.Th>
              <Table.Th>{t('leagueStalled')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b, i) => (
              <Table.Tr key={b.code} data-code={b.code}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={bodyHref(b.code)} size="sm">
                    {b.name}
                  </Anchor>
                  {b.type === 'province' && (
                    <Text size="xs" c="gray.7">
                      {t('provinceGovernment')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`ms_${b.milestone}`)}</Table.Td>
                <Table.Td>
                  {b.latest ? (
                    <>
                      {formatIndex(b.latest.index, locale)}{' '}
                      <Text span size="xs" c="gray.7">
                        ({indexNote(b.latest, t)})
                      </Text>
                    </>
                  ) : (
                    t('mapNoIndex')
                  )}
                </Table.Td>
                <Table.Td>{formatPercent(b.pathProgressPercent, locale)}</Table.Td>
                <Table.Td>
                  {b.stalled ? (
                    <Badge color="red" variant="light" c="#a51111" size="sm">
                      {t('leagueStalled')}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
