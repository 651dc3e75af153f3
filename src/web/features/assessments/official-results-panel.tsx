import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { OfficialResult } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice, Loading, SampleBadge } from '../layout/ui';

const domainCodes = ['D1', 'D2', 'D3', 'D4'];

/** Official results of one body; national supervisors enter and delete them here. */
export function OfficialResultsPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = ['official-results', code];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ data: OfficialResult[]; abilities: { manage: boolean } }>(`/orgs/${code}/official-results`),
  });
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<{
    year: number | string;
    index: number | string;
    source: string;
    domains: Record<string, number | string>;
  }>({
    year: new Date().getFullYear() - 1,
    index: '',
    source: '',
    domains: {},
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['history', code] });
  };
  const save = useMutation({
    mutationFn: () => {
      const domains = Object.fromEntries(Object.entries(form.domains).filter(([, v]) => v !== ''));
      return api(`/orgs/${code}/official-results/${form.year}`, {
        method: 'PUT',
        body: { index: form.index === '' ? null : form.index, domains, source: form.source },
      });
    },
    onSuccess: () => {
      setOpen(false);
      setErrors({});
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', message: e.message });
    },
  });
  const remove = useMutation({
    mutationFn: (year: number) => api(`/orgs/${code}/official-results/${year}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const manage = q.data.abilities.manage;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('officialResults')}</Text>
          {manage && (
            <Button size="xs" variant="light" onClick={() => setOpen(true)}>
              {t('enterOfficial')}
            </Button>
          )}
        </Group>
        {q.data.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noOfficial')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table fz="sm" data-testid="official-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('year')}</Table.Th>
                  <Table.Th>{t('index')}</Table.Th>
                  <Table.Th>{t('predicate')}</Table.Th>
                  <Table.Th>{t('source')}</Table.Th>
                  {manage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td>{r.index.toFixed(2)}</Table.Td>
                    <Table.Td>{r.predicate}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{r.source || '—'}</Text>
                      {r.isReference && (
                        <Badge size="xs" variant="light">
                          {t('reference')}
                        </Badge>
                      )}
                      <SampleBadge show={r.isSample} />
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('delete')} ${r.year}`}
                          onClick={() =>
                            modals.openConfirmModal({
                              title: t('delete'),
                              children: <Text size="sm">{t('confirmDeleteOfficial', { year: r.year })}</Text>,
                              labels: { confirm: t('delete'), cancel: t('cancel') },
                              confirmProps: { color: 'red' },
                              onConfirm: () => remove.mutate(r.year),
                            })
                          }
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('enterOfficial')}>
        <Stack>
          <Text size="xs" c="dimmed">
            {t('officialIndexHint')}
          </Text>
          <NumberInput
            label={t('year')}
            value={form.year}
            min={2018}
            onChange={(v) => setForm({ ...form, year: v })}
            error={errors.year}
          />
          <NumberInput
            label={t('index')}
            value={form.index}
            min={1}
            max={5}
            step={0.01}
            decimalScale={2}
            onChange={(v) => setForm({ ...form, index: v })}
            error={errors.index}
          />
          <Group grow>
            {domainCodes.map((d) => (
              <NumberInput
                key={d}
                label={d}
                min={1}
                max={5}
                step={0.01}
                decimalScale={2}
                value={form.domains[d] ?? ''}
                onChange={(v) => setForm({ ...form, domains: { ...form.domains, [d]: v } })}
                error={errors[d]}
              />
            ))}
          </Group>
          <TextInput
            label={t('source')}
            value={form.source}
            maxLength={500}
            onChange={(e) => setForm({ ...form, source: e.currentTarget.value })}
          />
          <Group justify="end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
