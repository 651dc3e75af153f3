import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ChangeEvent, useState } from 'react';
import {
  type ActionItem,
  type ItemStatus,
  itemStatuses,
  type PlanAbilities,
  type Target,
} from '../../../shared/contracts/plans';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { toItemStatus, useAssignees, useSaveItem } from './api';
import { ItemActivity } from './item-activity';
import { ItemEvidence } from './item-evidence';

const formatTargets = (t: Target[]) => t.map((x) => `${x.indicator}:${x.level}`).join('; ');
function parseTargets(text: string): Target[] {
  return text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [i, l] = p.split(':').map((x) => Number(x.trim()));
      return { indicator: i ?? 0, level: l ?? 0 };
    });
}

function initialForm(i: ActionItem | undefined) {
  return {
    title: i?.title ?? '',
    description: i?.description ?? '',
    targets: formatTargets(i?.targets ?? []),
    ownerUnit: i?.ownerUnit ?? '',
    assigneeId: i?.assignee?.id ?? null,
    startDate: i?.startDate ?? '',
    dueDate: i?.dueDate ?? '',
    status: i?.status ?? ('planned' satisfies ItemStatus),
    blockedReason: i?.blockedReason ?? '',
    progress: i?.progress ?? 0,
  };
}
type Form = ReturnType<typeof initialForm>;
type TextField = 'title' | 'targets' | 'ownerUnit' | 'startDate' | 'dueDate' | 'blockedReason';

/**
 * Adds an item or changes one. What may change comes from the server: an item's own abilities
 * (`edit` every field, `update` execution fields, `verify`), or for a new item the plan's.
 */
export function ItemForm(props: {
  planId: string;
  orgCode: string;
  item?: ActionItem;
  planAbilities: PlanAbilities;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const i = props.item;
  const can = i?.abilities ?? {
    edit: props.planAbilities.editItems,
    update: props.planAbilities.editItems,
    verify: props.planAbilities.verify,
  };
  const [form, setForm] = useState<Form>(() => initialForm(i));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assignees = useAssignees(props.planId);
  const save = useSaveItem(props.planId, i);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  /** A text input's shared props; every field but the execution ones needs `edit`. */
  const text = (k: TextField, label: string, extra: { type?: string; description?: string } = {}) => ({
    label,
    ...extra,
    disabled: k === 'blockedReason' ? !can.update && !can.edit : !can.edit,
    value: form[k] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
    error: errors[k],
  });
  const submit = () => {
    const execution = {
      status: form.status,
      progress: Number(form.progress),
      blockedReason: form.status === 'blocked' ? form.blockedReason : null,
      assigneeId: form.assigneeId,
    };
    const structural = {
      title: form.title,
      description: form.description,
      targets: parseTargets(form.targets),
      ownerUnit: form.ownerUnit,
      startDate: form.startDate || null,
      dueDate: form.dueDate || null,
    };
    save.mutate(can.edit ? { ...structural, ...execution } : execution, {
      onSuccess: props.onClose,
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          notifications.show({ color: 'orange', message: t('itemConflict') });
          props.onClose();
          return;
        }
        if (e instanceof ApiError) setErrors(e.fieldErrors());
        notifications.show({ color: 'red', message: e.message });
      },
    });
  };
  // A reviewer who may only verify (a mentor, the province) gets the status choice and nothing else;
  // someone who may change nothing sees the item read-only, without a save button.
  const updates = can.edit || can.update;
  const statuses = updates
    ? itemStatuses.filter((s) => s !== 'verified' || can.verify || i?.status === 'verified')
    : itemStatuses.filter((s) => s === form.status || s === i?.status || (can.verify && s === 'verified'));
  const executionLocked = !updates && !can.verify;
  return (
    <Modal opened onClose={props.onClose} title={i ? t('editItem') : t('addItem')} size="lg">
      <Stack>
        <TextInput {...text('title', t('itemTitle'))} required />
        <Textarea
          label={t('description')}
          disabled={!can.edit}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('targets', t('targetsLabel'), { description: t('targetsHint') })} />
          <TextInput {...text('ownerUnit', t('ownerUnit'))} />
          <TextInput {...text('startDate', t('startDate'), { type: 'date' })} />
          <TextInput {...text('dueDate', t('dueDate'), { type: 'date' })} />
          <Select
            label={t('assignee')}
            clearable
            searchable
            disabled={!updates}
            data={(assignees.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
            value={form.assigneeId}
            onChange={(v) => set('assigneeId', v)}
            error={errors.assigneeId}
          />
          <Select
            label={t('status')}
            disabled={executionLocked}
            data={statuses.map((s) => ({ value: s, label: t(`item_${s}`) }))}
            value={form.status}
            onChange={(v) => set('status', toItemStatus(v) ?? form.status)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('progress')}
            disabled={!updates}
            min={0}
            max={100}
            suffix="%"
            value={form.progress}
            onChange={(v) => set('progress', Number(v) || 0)}
          />
          {form.status === 'blocked' && <TextInput {...text('blockedReason', t('blockedReason'))} required />}
        </SimpleGrid>
        {i && <ItemEvidence planId={props.planId} orgCode={props.orgCode} item={i} />}
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          {!executionLocked && (
            <Button loading={save.isPending} onClick={submit} data-testid="save-item">
              {t('save')}
            </Button>
          )}
        </Group>
        {i && <ItemActivity planId={props.planId} item={i} />}
      </Stack>
    </Modal>
  );
}
