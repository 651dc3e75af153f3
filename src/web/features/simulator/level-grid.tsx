import { Card, NativeSelect, Table, Text } from '@mantine/core';
import type { Framework } from '../../../shared/framework/framework-schema';
import { useI18n } from '../../i18n/i18n';
import { leafGroups } from '../assessments/use-framework';

export type Levels = Record<string, number>;

/** One level picker per indicator, grouped as the framework groups them. */
export function LevelGrid(props: {
  framework: Framework;
  levels: Levels;
  onChange: (levels: Levels) => void;
}) {
  const { t, locale } = useI18n();
  const { levels } = props;
  const setLevel = (n: number, v: string) => {
    const next = { ...levels };
    if (v) next[String(n)] = Number(v);
    else delete next[String(n)];
    props.onChange(next);
  };
  return leafGroups(props.framework).map((g) => (
    <Card withBorder key={g.group.code} p="xs">
      <Text size="sm" fw={600}>
        {g.group.code} {locale === 'en' ? g.group.name.en : g.group.name.id}
      </Text>
      <Table fz="xs" verticalSpacing={2}>
        <Table.Tbody>
          {g.indicators.map((ind) => (
            <Table.Tr key={ind.number}>
              <Table.Td>
                {ind.number}. {locale === 'en' ? ind.name.en : ind.name.id}
              </Table.Td>
              <Table.Td w={80}>
                <NativeSelect
                  size="xs"
                  aria-label={`${t('level')} ${ind.number}`}
                  data-testid={`sim-level-${ind.number}`}
                  value={levels[String(ind.number)] ? String(levels[String(ind.number)]) : ''}
                  data={[{ value: '', label: '–' }, ...[1, 2, 3, 4, 5].map((l) => String(l))]}
                  onChange={(e) => setLevel(ind.number, e.currentTarget.value)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  ));
}
