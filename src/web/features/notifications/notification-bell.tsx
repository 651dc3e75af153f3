import { ActionIcon, Anchor, Button, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { useMarkRead, useNotifications } from './api';

/** Unread count in the header; the list links to each record and marks it read when opened. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const q = useNotifications();
  const mark = useMarkRead();
  const unread = q.data?.unread ?? 0;
  return (
    // The indicator wraps the popover, not its target: the target's child receives the popover's
    // aria-expanded/aria-controls, which are only allowed on the button itself.
    <Indicator label={unread} size={16} disabled={!unread} color="red">
      <Popover opened={open} onChange={setOpen} width={340} position="bottom-end" shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={`${t('notificationsTitle')}: ${t('unreadN', { count: unread })}`}
            onClick={() => setOpen((o) => !o)}
            data-testid="notification-bell"
          >
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('notificationsTitle')} · {t('unreadN', { count: unread })}
            </Text>
            <ScrollArea.Autosize mah={360}>
              <Stack gap={6}>
                {(q.data?.data ?? []).length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('noNotifications')}
                  </Text>
                )}
                {(q.data?.data ?? []).map((n) => (
                  <div key={n.id}>
                    <Anchor
                      component={Link}
                      to={n.link}
                      size="sm"
                      fw={n.read ? 400 : 700}
                      onClick={() => {
                        if (!n.read) mark.mutate([n.id]);
                        setOpen(false);
                      }}
                    >
                      {n.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt, locale)}
                    </Text>
                  </div>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {unread > 0 && (
              <Button size="xs" variant="subtle" onClick={() => mark.mutate(undefined)}>
                {t('markAllRead')}
              </Button>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
