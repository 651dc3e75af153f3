import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PublicProvince } from '../../../shared/contracts/public';
import { useI18n } from '../../i18n/i18n';
import { formatPercent } from '../followup/headline';
import { TableScroll } from '../layout/table-scroll';
import { DataTable } from '../layout/ui';

/** Each province's figures (the same as its follow-up scope); a province opens its bodies. */
export function ProvinceTable({ provinces }: { provinces: PublicProvince[] }) {
  const { t, locale } = useI18n();
  const pct = (p: number | null) => formatPercent(p, locale);
  return (
    <Stack gap="xs" component="section" aria-labelledby="province-figures">
      <Title order={3} id="province-figures">
        {t('portalProvincesTitle')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('portalProvincesHint')}
      </Text>
      <TableScroll>
        <DataTable
          miw={640}
          data-testid="province-table"
          head={[
            t('province'),
            t('portalKabKota'),
            t('portalCohortCol'),
            t('head_followedUp'),
            t('head_followingPath'),
            t('head_improved'),
          ]}
        >
          {provinces.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>
                <Anchor component={Link} to={`/public/bodies?province=${p.code}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.kabKota}</Table.Td>
              <Table.Td>{p.cohort}</Table.Td>
              <Table.Td>{pct(p.followedUp.percent)}</Table.Td>
              <Table.Td>{pct(p.followingPath.percent)}</Table.Td>
              <Table.Td>{pct(p.improved.percent)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </TableScroll>
    </Stack>
  );
}
