import { Button, FileButton, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Evidence } from '../../../shared/contracts/evidence';
import { uploadFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { evidenceKeys, useEvidenceLocker } from '../evidence/api';

export const documentAccept =
  'application/pdf,image/png,image/jpeg,image/webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/** Choose files from a body's evidence locker, or upload a new one into it (then it is chosen). */
export function LockerFilesField(props: {
  orgCode: string;
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  known?: { id: string; name: string }[];
  error?: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const locker = useEvidenceLocker(props.orgCode);
  const [progress, setProgress] = useState<number | null>(null);
  const names = new Map<string, string>();
  for (const f of props.known ?? []) names.set(f.id, f.name);
  for (const f of locker.data?.data ?? []) names.set(f.id, f.name);
  const canUpload = locker.data?.abilities?.upload ?? false;
  const upload = async (file: File | null) => {
    if (!file) return;
    setProgress(0);
    try {
      const res = await uploadFile<{ data: Evidence; duplicate: boolean }>(
        `/orgs/${encodeURIComponent(props.orgCode)}/evidence`,
        file,
        { onProgress: setProgress },
      );
      await qc.invalidateQueries({ queryKey: evidenceKeys.locker(props.orgCode) });
      names.set(res.data.id, res.data.name);
      if (!props.value.includes(res.data.id)) props.onChange([...props.value, res.data.id]);
      notifications.show({ color: 'teal', message: t('fileAttached', { name: res.data.name }) });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Stack gap={4}>
      <MultiSelect
        label={props.label}
        searchable
        clearable
        data={[...names].map(([value, label]) => ({ value, label }))}
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        nothingFoundMessage="—"
      />
      {canUpload ? (
        <Group gap="xs">
          <FileButton onChange={upload} accept={documentAccept}>
            {(p) => (
              <Button
                {...p}
                size="xs"
                variant="light"
                loading={progress !== null}
                data-testid="upload-practice-file"
              >
                {t('uploadToLocker')}
              </Button>
            )}
          </FileButton>
          {progress !== null && <Text size="xs">{Math.round(progress * 100)}%</Text>}
        </Group>
      ) : (
        locker.isSuccess && (
          <Text size="xs" c="gray.7">
            {t('uploadNotAllowed')}
          </Text>
        )
      )}
    </Stack>
  );
}
