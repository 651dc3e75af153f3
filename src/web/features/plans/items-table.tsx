import { Anchor, Badge, Checkbox, Progress, Table, Text } from '@mantine/core';
import type { ActionItem } from '../../../shared/contracts/plans';
import { formatDate, useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';
import { ItemStatusBadge } from './status-badges';

/** The plan's items, with a selection for bulk changes; a title opens the item. */
export function ItemsTable(props: {
  items: ActionItem[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  onOpen: (item: ActionItem) => void;
}) {
  const { t, locale } = useI18n();
  const { items, selected, onSelect } = props;
  return (
    <TableScroll>
      <Table striped data-testid="plan-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>
              <Checkbox
                aria-label={t('all')}
                checked={selected.length > 0 && selected.length === items.length}
                onChange={(e) => onSelect(e.currentTarget.checked ? items.map((i) => i.id) : [])}
              />
            </Table.Th>
            <Table.Th>{t('itemTitle')}</Table.Th>
            <Table.Th>{t('assignee')}</Table.Th>
            <Table.Th>{t('dueDate')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th>{t('progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Checkbox
                  aria-label={i.title}
                  checked={selected.includes(i.id)}
                  onChange={(e) =>
                    onSelect(
                      e.currentTarget.checked ? [...selected, i.id] : selected.filter((x) => x !== i.id),
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => props.onOpen(i)} size="sm" ta="left">
                  {i.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {i.targets.map((x) => `${x.indicator}→${x.level}`).join(', ')} · {t(`source_${i.source}`)}
                  {i.ownerUnit ? ` · ${i.ownerUnit}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{i.assignee?.name ?? '—'}</Table.Td>
              <Table.Td>
                {i.dueDate ? formatDate(i.dueDate, locale) : '—'}{' '}
                {i.overdue && (
                  <Badge color="red" size="xs">
                    {t('overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <ItemStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <Progress value={i.progress} w={80} aria-label={`${t('progress')} ${i.progress}%`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
