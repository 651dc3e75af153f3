import { Badge, Group, Pagination as MPagination, Table, type TableProps, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Pagination } from '../../../shared/contracts/common';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from './error-notice';
import { Loading } from './loading';
import { TableScroll } from './table-scroll';

// The loading and error notices have their own modules, which the app's first script loads
// without this one's tables and pager; pages import them from here.
export { ErrorNotice, Loading };

export function SampleBadge({ show }: { show: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    // Readable at AA through the theme's colours (theme-colors.ts), like every light badge.
    <Badge color="orange" variant="light" size="sm" title={t('sampleBanner')}>
      {t('sampleData')}
    </Badge>
  );
}

export function Pager({ pagination, onPage }: { pagination: Pagination; onPage: (p: number) => void }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="gray.7">
        {t('pageOf', {
          page: pagination.page,
          count: Math.max(pagination.pageCount, 1),
          total: pagination.total,
        })}
      </Text>
      {pagination.pageCount > 1 && (
        <MPagination
          total={pagination.pageCount}
          value={pagination.page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? t('previous') : control === 'next' ? t('next') : control,
          })}
        />
      )}
    </Group>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Text c="gray.7" ta="center" py="lg">
      {children ?? t('nothingFound')}
    </Text>
  );
}

/**
 * A striped table from its column heads and its rows: the list pages differ only in those, so
 * the head row is written once here. Other table props (data-testid, highlightOnHover) pass through.
 */
export function DataTable({ head, children, ...props }: TableProps & { head: ReactNode[] }) {
  return (
    <Table striped {...props}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            // The heads are a fixed list per table, never reordered, so the position is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed column order
            <Table.Th key={i}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/** An unpaged list: the empty sentence when there are no rows, else the rows in a box that scrolls sideways on phones. */
export function ListOrEmpty({
  count,
  empty,
  children,
}: {
  count: number;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (count === 0) return <EmptyState>{empty}</EmptyState>;
  return <TableScroll>{children}</TableScroll>;
}

type PagedData = { data: unknown[]; pagination: Pagination };

/**
 * The states of a paged list query in one place: loading, error with retry, the rows (in a
 * horizontally scrollable box for phones), an empty state and the pager. With `empty`, an empty
 * list shows only that sentence (no table head); with `notFound`, a 404 shows that instead of an error.
 */
export function PagedQuery<T extends PagedData>({
  query,
  onPage,
  empty,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  onPage: (page: number) => void;
  empty?: ReactNode;
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (notFound && query.error instanceof ApiError && query.error.status === 404) return notFound;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => query.refetch()} />;
  const none = query.data.data.length === 0;
  return (
    <>
      {none && empty ? null : <TableScroll>{children(query.data)}</TableScroll>}
      {none && <EmptyState>{empty}</EmptyState>}
      {none && empty ? null : <Pager pagination={query.data.pagination} onPage={onPage} />}
    </>
  );
}
