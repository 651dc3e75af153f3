import { Anchor, Button, FileButton, Group, Input, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Evidence } from '../../../shared/contracts/evidence';
import { uploadFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { documentAccept } from './locker-files-field';

/** Upload one document into a body's evidence locker and keep its id (an MoU, proof that it runs). */
export function LockerUpload(props: {
  orgCode: string;
  label: string;
  button: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [name, setName] = useState('');
  const upload = async (file: File | null) => {
    if (!file) return;
    setProgress(0);
    try {
      const res = await uploadFile<{ data: Evidence }>(
        `/orgs/${encodeURIComponent(props.orgCode)}/evidence`,
        file,
        {
          onProgress: setProgress,
        },
      );
      setName(res.data.name);
      props.onChange(res.data.id);
      notifications.show({ color: 'teal', message: t('fileAttached', { name: res.data.name }) });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Group gap="xs" mt={4}>
        <FileButton onChange={upload} accept={documentAccept}>
          {(p) => (
            <Button
              {...p}
              size="xs"
              variant="light"
              loading={progress !== null}
              data-testid="upload-move-file"
            >
              {props.button}
            </Button>
          )}
        </FileButton>
        {progress !== null && <Text size="xs">{Math.round(progress * 100)}%</Text>}
        {props.value && name && (
          <Anchor href={`/api/v1/evidence/${props.value}/download`} size="sm" data-testid="move-file">
            {name}
          </Anchor>
        )}
      </Group>
    </Input.Wrapper>
  );
}
