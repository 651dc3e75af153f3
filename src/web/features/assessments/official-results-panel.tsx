import { ActionIcon, Button, Card, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../layout/ui';
import { useDeleteOfficialResult, useOfficialResults, useSaveOfficialResult } from '../results/api';
import { OfficialResultsTable } from './official-results-table';

const domainCodes = ['D1', 'D2', 'D3', 'D4'];

/** Official results of one body; national supervisors enter and delete them here. */
export function OfficialResultsPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const q = useOfficialResults(code);
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
  const saveResult = useSaveOfficialResult(code);
  const removeResult = useDeleteOfficialResult(code);
  const showError = (e: Error) => notifications.show({ color: 'red', message: e.message });
  const save = () => {
    const domains = Object.fromEntries(Object.entries(form.domains).filter(([, v]) => v !== ''));
    saveResult.mutate(
      { year: form.year, index: form.index === '' ? null : form.index, domains, source: form.source },
      {
        onSuccess: () => {
          setOpen(false);
          setErrors({});
        },
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          showError(e);
        },
      },
    );
  };
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
          <OfficialResultsTable
            rows={q.data.data}
            testId="official-results"
            action={
              manage
                ? (r) => (
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
                          onConfirm: () => removeResult.mutate(r.year, { onError: showError }),
                        })
                      }
                    >
                      ×
                    </ActionIcon>
                  )
                : undefined
            }
          />
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
            <Button loading={saveResult.isPending} onClick={save}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
