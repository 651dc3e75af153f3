import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PagedQuery, SampleBadge } from '../features/layout/ui';
import { useProgrammes, useVisits } from '../features/visits/api';
import { ObligationBadge } from '../features/visits/obligation-badge';
import { VisitForm } from '../features/visits/visit-form';
import { formatDate, useI18n } from '../i18n/i18n';

export default function VisitsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const filters = {
    q: params.get('q') ?? '',
    programme: params.get('programme') ?? '',
    org: params.get('org') ?? '',
    page: Number(params.get('page') ?? '1'),
  };
  const [q] = useDebouncedValue(filters.q, 300);
  const set = (patch: Partial<Record<keyof typeof filters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query = { ...filters, q, pageSize: 25 };
  const list = useVisits(query);
  const programmes = useProgrammes();
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('visitsTitle')}</Title>
          <Text size="sm" c="dimmed" maw={680}>
            {t('visitsIntro')}
          </Text>
        </div>
        <Button onClick={() => setRecording(true)} data-testid="record-visit">
          {t('recordVisit')}
        </Button>
      </Group>
      <Group>
        <TextInput
          label={t('search')}
          value={filters.q}
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
          <Table striped data-testid="visit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dates')}</Table.Th>
                <Table.Th>{t('visitorOrg')}</Table.Th>
                <Table.Th>{t('hostOrg')}</Table.Th>
                <Table.Th>{t('programme')}</Table.Th>
                <Table.Th>{t('followUpDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                  <Table.Td>{v.host.name}</Table.Td>
                  <Table.Td>{v.programme?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <ObligationBadge obligation={v.obligation} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
