import { Alert, Badge, Code, Spoiler, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { RequireAbility } from '../features/auth/require-ability';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, PagedQuery } from '../features/layout/ui';
import { useOutbox } from '../features/notifications/api';
import { formatDateTime, useI18n } from '../i18n/i18n';

function OutboxPageContent() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const list = useOutbox(page);
  return (
    <Stack>
      <PageHeader title={t('outboxTitle')} />
      {list.data && (
        <Alert color={list.data.smtp ? 'blue' : 'orange'} variant="light">
          {list.data.smtp ? t('outboxHelpSmtp') : t('outboxHelpNoSmtp')}
        </Alert>
      )}
      <PagedQuery query={list} onPage={setPage}>
        {(data) => (
          <DataTable data-testid="outbox-table" head={[t('when'), t('recipient'), t('subject'), t('status')]}>
            {data.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt, locale)}</Table.Td>
                <Table.Td>{m.to}</Table.Td>
                <Table.Td>
                  <Spoiler maxHeight={24} showLabel="+" hideLabel="−">
                    {m.subject}
                    {/* Wrapped, not scrolled: a scrolling box inside a cell would need its own tab stop. */}
                    <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {m.text}
                    </Code>
                  </Spoiler>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'gray'}
                    title={m.error ?? ''}
                  >
                    {t(`outbox_${m.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedQuery>
    </Stack>
  );
}

export default function OutboxPage() {
  return (
    <RequireAbility ability="readOutbox">
      <OutboxPageContent />
    </RequireAbility>
  );
}
