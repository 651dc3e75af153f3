import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { IndexBlock } from '../../../shared/contracts/home';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/**
 * The body's SPBE index beside its host's and its province's, and its trend by year: a small
 * table rather than a chart, so the home page stays light on a slow connection and reads aloud.
 */
export function IndexSummary({ code, index }: { code: string; index: IndexBlock }) {
  const { t } = useI18n();
  const { official, self, host, province, trend } = index;
  return (
    <Stack gap={6} data-testid="home-index">
      <Title order={4} size="h5">
        {t('homeIndex')}
      </Title>
      {!official && !self ? (
        <Text size="sm" c="gray.7">
          {t('homeIndexNone')}
        </Text>
      ) : (
        <Group gap="lg" wrap="wrap">
          {official && (
            <Figure
              label={t('homeIndexOfficial', { year: official.year })}
              value={`${fmt(official.index)} ${official.predicate}`}
              testId="index-official"
            />
          )}
          {self && (
            <Figure
              label={t('homeIndexSelf', { year: self.year })}
              value={`${fmt(self.index)} · ${t(`status_${self.status}`)}`}
              testId="index-self"
            />
          )}
        </Group>
      )}
      {(host || province) && (
        <Group gap="lg" wrap="wrap">
          {host && (
            <Figure
              label={t('homeIndexHost', { name: host.name })}
              value={host.official ? `${fmt(host.official.index)} (${host.official.year})` : '—'}
              testId="index-host"
            />
          )}
          {province && (
            <Figure
              label={t('homeIndexProvince', { name: province.name })}
              value={province.official ? `${fmt(province.official.index)} (${province.official.year})` : '—'}
              testId="index-province"
            />
          )}
        </Group>
      )}
      {trend.length > 0 && (
        <TableScroll>
          <Table fz="sm" withTableBorder={false} data-testid="index-trend" captionSide="top">
            <Table.Caption ta="left">{t('homeTrend')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('homeYear')}</Table.Th>
                <Table.Th>{t('homeOfficialShort')}</Table.Th>
                <Table.Th>{t('homeSelfShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.map((p) => (
                <Table.Tr key={p.year}>
                  <Table.Td>{p.year}</Table.Td>
                  <Table.Td>{fmt(p.official)}</Table.Td>
                  <Table.Td>{fmt(p.self)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Anchor component={Link} to={`/orgs/${code}/compare`} size="sm">
        {t('homeCompare')}
      </Anchor>
    </Stack>
  );
}
