import { modals } from '@mantine/modals';
import type { useI18n } from '../../i18n/i18n';

type T = ReturnType<typeof useI18n>['t'];

/**
 * Asks before a step that removes or disables something; the confirm button is red unless told
 * otherwise. One shape for the account screens' confirmations.
 */
export function confirmThen(
  t: T,
  ask: { title: string; text: string; confirm?: string; danger?: boolean },
  onConfirm: () => void,
) {
  modals.openConfirmModal({
    title: ask.title,
    children: ask.text,
    labels: { confirm: ask.confirm ?? t('confirm'), cancel: t('cancel') },
    confirmProps: ask.danger === false ? undefined : { color: 'red' },
    onConfirm,
  });
}
