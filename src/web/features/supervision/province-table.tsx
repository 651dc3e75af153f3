import { Anchor, Button, Card, Table, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ProvinceRow } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { formatPercent } from '../followup/headline';
import { bodyHref, formatIndex } from './areas';

type Column = 'name' | 'bodies' | 'cohort' | 'followedUp' | 'followingPath' | 'improved' | 'averageIndex';
const value = (p: ProvinceRow, c: Column): number | string =>
  c === 'name'
    ? p.name
    : c === 'averageIndex'
      ? (p.averageIndex ?? -1)
      : c === 'followedUp'
        ? (p.followedUp.percent ?? -1)
        : c === 'followingPath' || c === 'improved'
          ? p[c].count
          : p[c];

/** One row per province, sortable by any column; each opens its body page or its kab/kota on the map. */
export function ProvinceTable({ rows, onDrill }: { rows: ProvinceRow[]; onDrill: (code: string) => void }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({ column: 'followedUp', desc: true });
  const sorted = useMemo(() => {
    const dir = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = value(a, sort.column);
      const y = value(b, sort.column);
      const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
      return c * dir || a.code.localeCompare(b.code);
    });
  }, [rows, sort]);
  const columns: { key: Column; label: string }[] = [
    { key: 'name', label: t('mapRegion') },
    { key: 'bodies', label: t('provinceTableBodies') },
    { key: 'cohort', label: t('provinceTableCohort') },
    { key: 'followedUp', label: t('head_followedUp') },
    { key: 'followingPath', label: t('head_followingPath') },
    { key: 'improved', label: t('head_improved') },
    { key: 'averageIndex', label: t('supAverageIndex') },
  ];
  const header = (c: { key: Column; label: string }) => (
    <Table.Th
      key={c.key}
      aria-sort={sort.column === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}
    >
      <UnstyledButton
        fz="sm"
        fw={700}
        onClick={() =>
          setSort((s) => ({ column: c.key, desc: s.column === c.key ? !s.desc : c.key !== 'name' }))
        }
        aria-label={t('provinceTableSort', { column: c.label })}
      >
        {c.label}
        {sort.column === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Card withBorder data-testid="province-table">
      <Title order={3} size="h5" mb="xs">
        {t('provinceTableTitle')}
      </Title>
      <Table.ScrollContainer minWidth={760} maxHeight={560}>
        <Table striped stickyHeader>
          <Table.Thead>
            <Table.Tr>
              {columns.map(header)}
              <Table.Th>{t('showRegencies')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((p) => (
              <Table.Tr key={p.code} data-code={p.code}>
                <Table.Td>
                  <Anchor component={Link} to={bodyHref(p.code)} size="sm">
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.bodies}</Table.Td>
                <Table.Td>{p.cohort}</Table.Td>
                <Table.Td>{formatPercent(p.followedUp.percent, locale)}</Table.Td>
                <Table.Td>{p.followingPath.count}</Table.Td>
                <Table.Td>{p.improved.count}</Table.Td>
                <Table.Td>
                  {formatIndex(p.averageIndex, locale)}
                  {p.indexed ? ` (${p.indexed})` : ''}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onDrill(p.code)}
                    aria-label={`${t('showRegencies')}: ${p.name}`}
                  >
                    {t('showRegencies')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
