import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { IndexBlock } from '../../../shared/contracts/home';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';
import { formatIndex, indexNote } from '../supervision/areas';

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
 * The body's index beside its host's and its province's average (the figures the rapor and the
 * cockpits show: one definition), and its years per framework: a small table rather than a
 * chart, so the home page stays light on a slow connection and reads aloud.
 */
export function IndexSummary({ code, index }: { code: string; index: IndexBlock }) {
  const { t, locale } = useI18n();
  const { latest, official, self, host, province, trend } = index;
  const fmt = (n: number | null | undefined) => formatIndex(n ?? null, locale);
  const note = (i: NonNullable<IndexBlock['latest']>) =>
    t('homeIndexNote', { source: indexNote(i, t) ?? '', framework: i.framework[locale] });
  return (
    <Stack gap={6} data-testid="home-index">
      <Title order={4} size="h5">
        {t('homeIndex')}
      </Title>
      {!latest ? (
        <Text size="sm" c="gray.7">
          {t('homeIndexNone')}
        </Text>
      ) : (
        <>
          <Figure label={note(latest)} value={fmt(latest.index)} testId="index-latest" />
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
        </>
      )}
      {(host || province) && (
        <Group gap="lg" wrap="wrap">
          {host && (
            <Figure
              label={t('homeIndexHost', { name: host.name })}
              value={host.latest ? `${fmt(host.latest.index)} (${indexNote(host.latest, t)})` : '—'}
              testId="index-host"
            />
          )}
          {province && (
            <Figure
              label={t('homeIndexProvince', { name: province.name })}
              value={
                province.average === null
                  ? '—'
                  : `${fmt(province.average)} (${t('homeIndexProvinceCount', { count: province.count })})`
              }
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
                <Table.Th>{t('homeFramework')}</Table.Th>
                <Table.Th>{t('homeOfficialShort')}</Table.Th>
                <Table.Th>{t('homeSelfShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.map((p) => (
                <Table.Tr key={`${p.framework.en}:${p.year}`}>
                  <Table.Td>{p.year}</Table.Td>
                  <Table.Td>{p.framework[locale]}</Table.Td>
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
