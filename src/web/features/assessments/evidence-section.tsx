import { ActionIcon, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import { useI18n } from '../../i18n/i18n';
import {
  downloadUrl,
  indicatorEvidencePath,
  useEvidenceLinks,
  useEvidenceLocker,
  useUploadEvidence,
} from '../evidence/api';
import { UploadButton } from '../evidence/upload-button';
import { assessmentKeys } from './api';

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
  const refresh = () => qc.invalidateQueries({ queryKey: assessmentKeys.detail(props.assessmentId) });
  const locker = useEvidenceLocker(props.orgCode, choosing);
  const uploader = useUploadEvidence(props.orgCode);
  const { link, unlink } = useEvidenceLinks(
    indicatorEvidencePath(props.assessmentId, props.item.indicator),
    refresh,
  );
  const showError = (e: Error) => notifications.show({ color: 'red', message: e.message });
  const upload = async (file: File) => {
    setProgress(0);
    try {
      const res = await uploader.mutateAsync({ file, onProgress: setProgress });
      await link.mutateAsync(res.data.id);
      notifications.show({ color: 'teal', message: res.duplicate ? t('duplicateFile') : t('uploaded') });
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
          <Anchor href={downloadUrl(e.id)} size="sm" data-testid="evidence-link">
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
              onClick={() => unlink.mutate(e.id, { onError: showError })}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {props.canChange && (
        <Group gap="xs">
          <UploadButton
            label={t('uploadEvidence')}
            onFile={upload}
            loading={progress !== null}
            progress={progress}
            testId="upload-evidence"
          />
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
                if (v) link.mutate(v, { onError: showError });
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
