import { ActionIcon, Anchor, Button, FileButton, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import { api, uploadFile } from '../../api/client';
import type { Evidence } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { assessmentKeys } from './api';

const accept =
  'application/pdf,image/png,image/jpeg,image/webp,image/gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function EvidenceSection(props: {
  assessmentId: string;
  orgCode: string;
  item: AssessmentItem;
  canChange: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [choosing, setChoosing] = useState(false);
  const base = `/assessments/${props.assessmentId}/items/${props.item.indicator}/evidence`;
  const refresh = () => qc.invalidateQueries({ queryKey: assessmentKeys.detail(props.assessmentId) });
  const locker = useQuery({
    queryKey: ['evidence', props.orgCode],
    queryFn: () => api<{ data: Evidence[] }>(`/orgs/${props.orgCode}/evidence`, { query: { pageSize: 200 } }),
    enabled: choosing,
  });
  const link = useMutation({
    mutationFn: (fileId: string) => api(base, { method: 'POST', body: { fileId } }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const unlink = useMutation({
    mutationFn: (fileId: string) => api(`${base}/${fileId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const upload = async (file: File | null) => {
    if (!file) return;
    setProgress(0);
    try {
      const res = await uploadFile<{ data: Evidence; duplicate: boolean }>(
        `/orgs/${props.orgCode}/evidence`,
        file,
        {
          onProgress: setProgress,
        },
      );
      await link.mutateAsync(res.data.id);
      notifications.show({ color: 'teal', message: res.duplicate ? t('duplicateFile') : t('uploaded') });
      qc.invalidateQueries({ queryKey: ['evidence', props.orgCode] });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setProgress(null);
    }
  };
  const linked = new Set(props.item.evidence.map((e) => e.id));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('evidence')}
      </Text>
      {props.item.evidence.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('noEvidence')}
        </Text>
      )}
      {props.item.evidence.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap">
          <Anchor href={`/api/v1/evidence/${e.id}/download`} size="sm" data-testid="evidence-link">
            {e.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatSize(e.size)}
          </Text>
          {props.canChange && (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`${t('unlink')} ${e.name}`}
              onClick={() => unlink.mutate(e.id)}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {props.canChange && (
        <Group gap="xs">
          <FileButton onChange={upload} accept={accept}>
            {(p) => (
              <Button
                {...p}
                size="xs"
                variant="light"
                loading={progress !== null}
                data-testid="upload-evidence"
              >
                {t('uploadEvidence')}
              </Button>
            )}
          </FileButton>
          {progress !== null && <Text size="xs">{Math.round(progress * 100)}%</Text>}
          {choosing ? (
            <Select
              size="xs"
              aria-label={t('linkEvidence')}
              placeholder={t('linkEvidence')}
              searchable
              data={(locker.data?.data ?? [])
                .filter((f) => !linked.has(f.id))
                .map((f) => ({ value: f.id, label: f.name }))}
              onChange={(v) => {
                if (v) link.mutate(v);
                setChoosing(false);
              }}
            />
          ) : (
            <Button size="xs" variant="subtle" onClick={() => setChoosing(true)}>
              {t('linkEvidence')}
            </Button>
          )}
        </Group>
      )}
      {props.canChange && (
        <Text size="xs" c="dimmed">
          {t('evidenceHint')}
        </Text>
      )}
    </Stack>
  );
}
