import { Card, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';
import { ErrorNotice, Loading } from '../layout/ui';
import { useCalibration } from '../results/api';
import { FrameworkLabel } from './framework-label';

/** The body's self-assessment of a year against its official result, on one framework. */
export function CalibrationPanel({
  code,
  year,
  framework,
}: {
  code: string;
  year: number;
  framework: string;
}) {
  const { t, locale } = useI18n();
  const q = useCalibration(code, year, framework);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data.data;
  return (
    <Card withBorder data-testid="calibration">
      <Stack gap="xs">
        <Text fw={600}>
          {t('calibration')} {c.year}
        </Text>
        <FrameworkLabel id={c.framework.id} />
        {!c.official ? (
          <Text size="sm" c="dimmed">
            {t('noOfficial')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t('selfAssessment')}: <b>{c.self?.index?.toFixed(2) ?? '—'}</b> · {t('official')}:{' '}
              <b>{c.official.index.toFixed(2)}</b> · {t('difference')}:{' '}
              <b>{c.difference === null ? '—' : (c.difference > 0 ? '+' : '') + c.difference.toFixed(2)}</b>
            </Text>
            {c.official.detail !== 'levels' ? (
              <Text size="sm" c="dimmed">
                {t('onlyTotal')}
              </Text>
            ) : (
              <TableScroll>
                <Table fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('indicator')}</Table.Th>
                      <Table.Th>{t('selfAssessment')}</Table.Th>
                      <Table.Th>{t('official')}</Table.Th>
                      <Table.Th>{t('difference')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.indicators.map((i) => (
                      <Table.Tr
                        key={i.indicator}
                        bg={i.difference ? (i.difference > 0 ? 'orange.0' : 'blue.0') : undefined}
                      >
                        <Table.Td>
                          {i.indicator}. {locale === 'en' ? i.nameEn : i.name}
                        </Table.Td>
                        <Table.Td>{i.self ?? '—'}</Table.Td>
                        <Table.Td>{i.official ?? '—'}</Table.Td>
                        <Table.Td>
                          {i.difference === null ? '—' : (i.difference > 0 ? '+' : '') + i.difference}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
