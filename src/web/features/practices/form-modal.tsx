import { Alert, Modal, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * A dialog holding one form, as the ledger's dialogs share it: the title, an optional lead line,
 * the server's refusal (when there is one) above the fields, then the fields.
 */
export function FormModal(props: {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The server's answer when it refused the form (shown as an alert). */
  alert?: ReactNode;
  lead?: ReactNode;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('close') }}
      title={props.title}
      size={props.size}
    >
      <form onSubmit={props.onSubmit} noValidate>
        <Stack>
          {props.lead}
          {props.alert ? (
            <Alert color="red" role="alert">
              {props.alert}
            </Alert>
          ) : null}
          {props.children}
        </Stack>
      </form>
    </Modal>
  );
}
