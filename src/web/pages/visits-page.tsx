import { Anchor, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, PagedQuery, SampleBadge } from '../features/layout/ui';
import { useUrlFilters } from '../features/layout/url-filters';
import { useProgrammes, useVisits } from '../features/visits/api';
import { MentorAccessBadge } from '../features/visits/mentor-access';
import { ObligationBadge } from '../features/visits/obligation-badge';
import { VisitForm } from '../features/visits/visit-form';
import { formatDate, useI18n } from '../i18n/i18n';

export default function VisitsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { get, set, q, page } = useUrlFilters();
  const [recording, setRecording] = useState(false);
  const filters = { programme: get('programme'), org: get('org') };
  const list = useVisits({ ...filters, q, page, pageSize: 25 });
  const programmes = useProgrammes();
  return (
    <Stack>
      <PageHeader
        title={t('visitsTitle')}
        help={t('visitsIntro')}
        helpWidth={680}
        actions={
          list.data?.abilities.record && (
            <Button onClick={() => setRecording(true)} data-testid="record-visit">
              {t('recordVisit')}
            </Button>
          )
        }
      />
      <Group>
        <TextInput
          label={t('search')}
          value={get('q')}
          onChange={(e) => set({ q: e.currentTarget.value })}
          w={260}
        />
        <Select
          label={t('programme')}
          clearable
          data={(programmes.data?.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={filters.programme || null}
          onChange={(v) => set({ programme: v ?? '' })}
          w={260}
        />
      </Group>
      <PagedQuery query={list} onPage={(p) => set({ page: String(p) })}>
        {(data) => (
          <DataTable
            data-testid="visit-table"
            head={[t('dates'), t('visitorOrg'), t('hostOrg'), t('programme'), t('followUpDue')]}
          >
            {data.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/visits/${v.id}`}>
                    {formatDate(v.startDate, locale)}
                    {v.endDate !== v.startDate ? ` – ${formatDate(v.endDate, locale)}` : ''}
                  </Anchor>
                  <SampleBadge show={v.isSample} />
                </Table.Td>
                <Table.Td>{v.visitor.name}</Table.Td>
                <Table.Td>
                  {v.host.name}{' '}
                  {(v.mentorAccess === 'pending' || v.mentorAccess === 'declined') && (
                    <MentorAccessBadge access={v.mentorAccess} />
                  )}
                </Table.Td>
                <Table.Td>{v.programme?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <ObligationBadge obligation={v.obligation} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </PagedQuery>
      {recording && (
        <VisitForm
          opened
          onClose={() => setRecording(false)}
          defaultVisitor={filters.org || undefined}
          onSaved={(v) => navigate(`/visits/${v.id}`)}
        />
      )}
    </Stack>
  );
}
