import { Button, FileButton, Text } from '@mantine/core';

/** What the locker accepts (the server judges by content; this only filters the file picker). */
export const evidenceAccept =
  'application/pdf,image/png,image/jpeg,image/webp,image/gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/** The one upload button of the evidence locker, with the upload's progress when known. */
export function UploadButton(props: {
  label: string;
  onFile: (file: File) => void;
  loading: boolean;
  progress?: number | null;
  testId: string;
  accept?: string;
}) {
  return (
    <>
      <FileButton onChange={(f) => f && props.onFile(f)} accept={props.accept ?? evidenceAccept}>
        {(p) => (
          <Button
            {...p}
            size="xs"
            variant="light"
            w="fit-content"
            loading={props.loading}
            data-testid={props.testId}
          >
            {props.label}
          </Button>
        )}
      </FileButton>
      {props.progress != null && <Text size="xs">{Math.round(props.progress * 100)}%</Text>}
    </>
  );
}
