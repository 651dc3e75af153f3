import { Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { useEvidenceLocker } from '../evidence/api';
import { LockerUploadButton } from './locker-upload-button';

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
  const locker = useEvidenceLocker(props.orgCode);
  const names = new Map<string, string>();
  for (const f of props.known ?? []) names.set(f.id, f.name);
  for (const f of locker.data?.data ?? []) names.set(f.id, f.name);
  const canUpload = locker.data?.abilities?.upload ?? false;
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
          <LockerUploadButton
            orgCode={props.orgCode}
            label={t('uploadToLocker')}
            testId="upload-practice-file"
            onUploaded={(file) => {
              if (!props.value.includes(file.id)) props.onChange([...props.value, file.id]);
            }}
          />
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
