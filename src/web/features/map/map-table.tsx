import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MapArea } from './choropleth-map';

// The map's text alternative: every area with the values the map colours it by, one row each,
// behind a disclosure so it does not push the page down for those who read the map.
export function MapTable(props: {
  areas: MapArea[];
  followUp: (a: MapArea) => string;
  index: (a: MapArea) => string;
  followUpHeader: string;
  onSelect?: (code: string) => void;
  selectLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <details data-testid="map-table">
      <summary>
        <Text span size="sm" fw={600}>
          {t('mapTable', { count: props.areas.length })}
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapRegion')}</Table.Th>
              <Table.Th>{props.followUpHeader}</Table.Th>
              <Table.Th>{t('mapModeIndex')}</Table.Th>
              {props.onSelect && <Table.Th>{props.selectLabel}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.areas.map((a) => (
              <Table.Tr key={a.code} data-code={a.code}>
                <Table.Td>
                  {a.href ? (
                    <Anchor component={Link} to={a.href} size="sm">
                      {a.name}
                    </Anchor>
                  ) : (
                    a.name
                  )}
                </Table.Td>
                <Table.Td>{props.followUp(a)}</Table.Td>
                <Table.Td>{props.index(a)}</Table.Td>
                {props.onSelect && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => props.onSelect?.(a.code)}
                      aria-label={`${props.selectLabel}: ${a.name}`}
                    >
                      {props.selectLabel}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}
