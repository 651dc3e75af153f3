import { Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Assistance } from '../../../shared/contracts/assistance';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { useHostMentors, useUpdateAssistance } from './api';
import { AssistanceBadge } from './badges';

/** One request for technical assistance; the host's staff assign, respond and resolve here. */
export function AssistanceCard({ a, showOrg }: { a: Assistance; showOrg?: boolean }) {
  const { t, locale } = useI18n();
  const [response, setResponse] = useState('');
  const mentors = useHostMentors(a.abilities.update ? a.host.code : undefined);
  const update = useUpdateAssistance();
  const open = a.status === 'open' || a.status === 'in_progress';
  const patch = (body: Parameters<typeof update.mutate>[0]['body']) =>
    update.mutate(
      { id: a.id, body },
      {
        onSuccess: () => {
          setResponse('');
          notifications.show({ color: 'teal', message: t('assistanceUpdated') });
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
      },
    );
  return (
    <Card withBorder data-testid="assistance-card">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{a.topic}</Text>
          <AssistanceBadge status={a.status} />
        </Group>
        <Text size="xs" c="gray.7">
          {showOrg ? `${t('requestedBy', { org: a.org.name })} · ` : ''}
          {formatDateTime(a.createdAt, locale)}
          {a.practice ? ' · ' : ''}
          {a.practice && (
            <Link to={`/practices/${a.practice.id}`} style={{ color: 'inherit' }}>
              {a.practice.title}
            </Link>
          )}
          {a.firstResponseHours !== null
            ? ` · ${t('waitingHours', { hours: Math.round(a.firstResponseHours) })}`
            : ''}
        </Text>
        {a.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Text>
        )}
        {!(a.abilities.update && open) && (
          <Text size="sm">
            {t('assignedMentor')}: {a.assignedMentor?.name ?? t('unassigned')}
          </Text>
        )}
        {a.response && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <b>{t('response')}:</b> {a.response}
          </Text>
        )}
        {a.abilities.update && open && (
          <Stack gap="xs" mt="xs">
            <Select
              label={t('assignedMentor')}
              size="xs"
              clearable
              allowDeselect={false}
              data={(mentors.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              value={a.assignedMentor?.id ?? null}
              onChange={(v) => patch({ assignedMentorId: v })}
              maw={320}
            />
            <Textarea
              label={t('response')}
              size="xs"
              autosize
              minRows={2}
              value={response}
              onChange={(e) => setResponse(e.currentTarget.value)}
            />
            <Group gap="xs">
              <Button
                size="xs"
                disabled={!response.trim()}
                loading={update.isPending}
                onClick={() => patch({ response, status: 'in_progress' })}
              >
                {t('sendResponse')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('markResolved'),
                    children: <Text size="sm">{t('confirmResolve')}</Text>,
                    labels: { confirm: t('markResolved'), cancel: t('cancel') },
                    onConfirm: () => patch({ status: 'resolved', ...(response.trim() ? { response } : {}) }),
                  })
                }
              >
                {t('markResolved')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
