import { Button, FileButton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Evidence } from '../../../shared/contracts/evidence';
import { useI18n } from '../../i18n/i18n';
import { useUploadEvidence } from '../evidence/api';

export const documentAccept =
  'application/pdf,image/png,image/jpeg,image/webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/**
 * Pick a document and upload it into a body's evidence locker, showing the percentage while it
 * goes and a notice when it is in (or why not). The locker's list refreshes before `onUploaded`.
 */
export function LockerUploadButton(props: {
  orgCode: string;
  label: string;
  testId: string;
  onUploaded: (file: Evidence) => void;
}) {
  const { t } = useI18n();
  const upload = useUploadEvidence(props.orgCode);
  const [progress, setProgress] = useState<number | null>(null);
  const start = (file: File | null) => {
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: (res) => {
          props.onUploaded(res.data);
          notifications.show({ color: 'teal', message: t('fileAttached', { name: res.data.name }) });
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
        onSettled: () => setProgress(null),
      },
    );
  };
  return (
    <>
      <FileButton onChange={start} accept={documentAccept}>
        {(p) => (
          <Button {...p} size="xs" variant="light" loading={progress !== null} data-testid={props.testId}>
            {props.label}
          </Button>
        )}
      </FileButton>
      {progress !== null && <Text size="xs">{Math.round(progress * 100)}%</Text>}
    </>
  );
}
