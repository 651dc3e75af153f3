import '@mantine/notifications/styles.layer.css';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';

/**
 * Confirmations (modals.openConfirmModal) and toasts (notifications.show), which pages open through
 * Mantine's global API, render here. Loaded beside the page by the shells (app-shell.tsx): the
 * first dialog a user can open comes after the page has shown.
 */
export default function Overlays() {
  return (
    <>
      <ModalsProvider />
      <Notifications position="top-right" />
    </>
  );
}
