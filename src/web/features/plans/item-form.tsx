import {
  Anchor,
  Button,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { itemStatuses } from '../../../shared/contracts/plans';
import { ApiError, api, uploadFile } from '../../api/client';
import type { ActionItem } from '../../api/types';
import { formatDateTime, useI18n } from '../../i18n/i18n';

const formatTargets = (t: { indicator: number; level: number }[]) =>
  t.map((x) => `${x.indicator}:${x.level}`).join('; ');
function parseTargets(text: string) {
  return text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [i, l] = p.split(':').map((x) => Number(x.trim()));
      return { indicator: i ?? 0, level: l ?? 0 };
    });
}

type History = {
  changes: { changes: Record<string, { from: unknown; to: unknown }>; user: string | null; at: string }[];
  comments: { id: string; body: string; author: string | null; createdAt: string }[];
};

/** Add an item (draft plans) or change one; structural fields only while the plan is a draft. */
export function ItemForm(props: {
  planId: string;
  orgCode: string;
  item?: ActionItem;
  structural: boolean;
  canVerify: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const i = props.item;
  const [form, setForm] = useState({
    title: i?.title ?? '',
    description: i?.description ?? '',
    targets: formatTargets(i?.targets ?? []),
    ownerUnit: i?.ownerUnit ?? '',
    assigneeId: i?.assignee?.id ?? null,
    startDate: i?.startDate ?? '',
    dueDate: i?.dueDate ?? '',
    status: i?.status ?? 'planned',
    blockedReason: i?.blockedReason ?? '',
    progress: i?.progress ?? 0,
  });
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assignees = useQuery({
    queryKey: ['assignees', props.planId],
    queryFn: () =>
      api<{ data: { id: string; name: string; email: string }[] }>(`/plans/${props.planId}/assignees`),
  });
  const history = useQuery({
    queryKey: ['item-history', i?.id],
    queryFn: () => api<{ data: History }>(`/plans/${props.planId}/items/${i!.id}/history`),
    enabled: !!i,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['plan', props.planId] });
  const save = useMutation({
    mutationFn: () => {
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
      const body = props.structural ? { ...structural, ...execution } : execution;
      return i
        ? api(`/plans/${props.planId}/items/${i.id}`, {
            method: 'PATCH',
            body: { ...body, version: i.version },
          })
        : api(`/plans/${props.planId}/items`, { method: 'POST', body });
    },
    onSuccess: () => {
      refresh();
      props.onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        notifications.show({ color: 'orange', message: t('itemConflict') });
        refresh();
        props.onClose();
        return;
      }
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', message: e.message });
    },
  });
  const addComment = useMutation({
    mutationFn: () =>
      api(`/plans/${props.planId}/items/${i!.id}/comments`, { method: 'POST', body: { body: comment } }),
    onSuccess: () => {
      setComment('');
      history.refetch();
      refresh();
    },
  });
  const [uploading, setUploading] = useState(false);
  const attach = async (file: File | null) => {
    if (!file || !i) return;
    setUploading(true);
    try {
      const up = await uploadFile<{ data: { id: string } }>(`/orgs/${props.orgCode}/evidence`, file);
      await api(`/plans/${props.planId}/items/${i.id}/evidence`, {
        method: 'POST',
        body: { fileId: up.data.id },
      });
      notifications.show({ color: 'teal', message: t('uploaded') });
      refresh();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setUploading(false);
    }
  };
  const statuses = itemStatuses.filter(
    (s) => s !== 'verified' || props.canVerify || i?.status === 'verified',
  );
  return (
    <Modal opened onClose={props.onClose} title={i ? t('editItem') : t('addItem')} size="lg">
      <Stack>
        <TextInput
          label={t('itemTitle')}
          required
          disabled={!props.structural}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label={t('description')}
          disabled={!props.structural}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('targetsLabel')}
            description={t('targetsHint')}
            disabled={!props.structural}
            value={form.targets}
            onChange={(e) => setForm({ ...form, targets: e.currentTarget.value })}
            error={errors.targets}
          />
          <TextInput
            label={t('ownerUnit')}
            disabled={!props.structural}
            value={form.ownerUnit}
            onChange={(e) => setForm({ ...form, ownerUnit: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('startDate')}
            disabled={!props.structural}
            value={form.startDate}
            onChange={(e) => setForm({ ...form, startDate: e.currentTarget.value })}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label={t('dueDate')}
            disabled={!props.structural}
            value={form.dueDate}
            onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })}
            error={errors.dueDate}
          />
          <Select
            label={t('assignee')}
            clearable
            searchable
            data={(assignees.data?.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
            value={form.assigneeId}
            onChange={(v) => setForm({ ...form, assigneeId: v })}
            error={errors.assigneeId}
          />
          <Select
            label={t('status')}
            data={statuses.map((s) => ({ value: s, label: t(`item_${s}`) }))}
            value={form.status}
            onChange={(v) => v && setForm({ ...form, status: v as typeof form.status })}
            allowDeselect={false}
          />
          <NumberInput
            label={t('progress')}
            min={0}
            max={100}
            suffix="%"
            value={form.progress}
            onChange={(v) => setForm({ ...form, progress: Number(v) || 0 })}
          />
          {form.status === 'blocked' && (
            <TextInput
              label={t('blockedReason')}
              required
              value={form.blockedReason}
              onChange={(e) => setForm({ ...form, blockedReason: e.currentTarget.value })}
              error={errors.blockedReason}
            />
          )}
        </SimpleGrid>
        {i && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('evidence')}
            </Text>
            {i.evidence.map((e) => (
              <Anchor
                key={e.id}
                href={`/api/v1/evidence/${e.id}/download`}
                size="sm"
                data-testid="item-evidence"
              >
                {e.name}
              </Anchor>
            ))}
            <FileButton onChange={attach} accept="application/pdf,image/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx">
              {(p) => (
                <Button
                  {...p}
                  size="xs"
                  variant="light"
                  w="fit-content"
                  loading={uploading}
                  data-testid="item-upload"
                >
                  {t('uploadEvidence')}
                </Button>
              )}
            </FileButton>
          </Stack>
        )}
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="save-item">
            {t('save')}
          </Button>
        </Group>
        {i && history.data && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('comments')}
            </Text>
            {history.data.data.comments.map((c) => (
              <Text key={c.id} size="sm">
                <b>{c.author ?? '—'}</b> · {formatDateTime(c.createdAt, locale)}: {c.body}
              </Text>
            ))}
            <Group gap="xs" align="end">
              <TextInput
                style={{ flex: 1 }}
                size="xs"
                aria-label={t('addComment')}
                placeholder={t('addComment')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
              <Button size="xs" disabled={!comment.trim()} onClick={() => addComment.mutate()}>
                {t('send')}
              </Button>
            </Group>
            <Text fw={600} size="sm" mt="sm">
              {t('changeHistory')}
            </Text>
            <Table fz="xs">
              <Table.Tbody>
                {history.data.data.changes.map((h) => (
                  <Table.Tr key={h.at}>
                    <Table.Td>{formatDateTime(h.at, locale)}</Table.Td>
                    <Table.Td>{h.user ?? '—'}</Table.Td>
                    <Table.Td>
                      {Object.entries(h.changes)
                        .map(([k, v]) => `${k}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`)
                        .join('; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
