import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Visit } from '../../../shared/contracts/visits';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useYearFramework } from '../assessments/api';
import { useFramework } from '../assessments/use-framework';
import { OrgPicker } from '../orgs/org-picker';
import { useProgrammes, useSaveVisit } from './api';

type Delegate = { name: string; position: string; role: string };
type Form = {
  hostCode: string | null;
  visitorCode: string | null;
  programmeId: string | null;
  startDate: string;
  endDate: string;
  delegates: Delegate[];
  indicators: string[];
  notes: string;
};

const fromVisit = (v?: Visit): Form => ({
  hostCode: v?.host.code ?? '32.11',
  visitorCode: v?.visitor.code ?? null,
  programmeId: v?.programme?.id ?? null,
  startDate: v?.startDate ?? '',
  endDate: v?.endDate ?? '',
  delegates: v?.delegates.map(({ name, position, role }) => ({ name, position, role })) ?? [],
  indicators: v?.indicators.map(String) ?? [],
  notes: v?.notes ?? '',
});

/** Record a new visit, or edit one (host and visitor are then fixed). */
export function VisitForm(props: {
  opened: boolean;
  onClose: () => void;
  visit?: Visit;
  defaultVisitor?: string;
  onSaved?: (v: Visit) => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<Form>(() => ({
    ...fromVisit(props.visit),
    visitorCode: props.visit?.visitor.code ?? props.defaultVisitor ?? null,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The studied indicators are those of the framework the visit's evaluation year uses.
  const year = /^\d{4}-/.test(form.startDate) ? Number(form.startDate.slice(0, 4)) : new Date().getFullYear();
  const yearFramework = useYearFramework(year);
  const fw = useFramework(
    props.visit && !form.startDate ? props.visit.frameworkId : yearFramework.data?.framework.id,
  );
  const programmes = useProgrammes();
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const save = useSaveVisit(props.visit?.id);
  const submit = () =>
    save.mutate(
      { ...form, indicators: form.indicators.map(Number) },
      {
        onSuccess: (v) => {
          notifications.show({ color: 'teal', message: t('visitSaved') });
          setErrors({});
          props.onSaved?.(v);
          props.onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          notifications.show({ color: 'red', message: e.message });
        },
      },
    );
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.visit ? t('editVisit') : t('recordVisit')}
      size="lg"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgPicker
            label={t('hostOrg')}
            hostsOnly
            required
            value={form.hostCode}
            initialLabel={props.visit ? props.visit.host.name : 'Kabupaten Sumedang (32.11)'}
            onChange={(v) => set({ hostCode: v })}
            error={errors.hostCode}
            disabled={!!props.visit}
          />
          <OrgPicker
            label={t('visitorOrg')}
            required
            value={form.visitorCode}
            initialLabel={props.visit?.visitor.name}
            onChange={(v) => set({ visitorCode: v })}
            error={errors.visitorCode}
            disabled={!!props.visit}
          />
          <TextInput
            type="date"
            label={t('startDate')}
            required
            value={form.startDate}
            onChange={(e) => set({ startDate: e.currentTarget.value })}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label={t('endDate')}
            required
            value={form.endDate}
            onChange={(e) => set({ endDate: e.currentTarget.value })}
            error={errors.endDate}
          />
        </SimpleGrid>
        <Select
          label={t('programme')}
          clearable
          placeholder={t('noProgramme')}
          data={(programmes.data?.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={form.programmeId}
          onChange={(v) => set({ programmeId: v })}
          error={errors.programmeId}
        />
        <MultiSelect
          label={t('indicatorsStudied')}
          searchable
          data={(fw.data?.indicators ?? []).map((i) => ({
            value: String(i.number),
            label: `${i.number}. ${locale === 'en' ? i.name.en : i.name.id}`,
          }))}
          value={form.indicators}
          onChange={(v) => set({ indicators: v })}
          description={
            fw.data &&
            t('frameworkOfIndex', { framework: locale === 'en' ? fw.data.name.en : fw.data.name.id })
          }
          error={errors.indicators}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('delegation')}
          </Text>
          {form.delegates.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Group key={i} gap="xs" align="end" wrap="nowrap">
              {(['name', 'position', 'role'] as const).map((k) => (
                <TextInput
                  key={k}
                  style={{ flex: 1 }}
                  size="xs"
                  label={t(
                    k === 'name' ? 'delegateName' : k === 'position' ? 'delegatePosition' : 'delegateRole',
                  )}
                  value={d[k]}
                  onChange={(e) => {
                    const next = [...form.delegates];
                    next[i] = { ...d, [k]: e.currentTarget.value };
                    set({ delegates: next });
                  }}
                />
              ))}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('remove')} ${d.name}`}
                onClick={() => set({ delegates: form.delegates.filter((_, j) => j !== i) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {errors.delegates && (
            <Text size="xs" c="red">
              {errors.delegates}
            </Text>
          )}
          <Button
            size="xs"
            variant="subtle"
            w="fit-content"
            onClick={() => set({ delegates: [...form.delegates, { name: '', position: '', role: '' }] })}
          >
            {t('addDelegate')}
          </Button>
        </Stack>
        <Textarea
          label={t('notes')}
          autosize
          minRows={2}
          maxLength={10_000}
          value={form.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
        />
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit} data-testid="save-visit">
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
