import { Anchor, Badge, Button, Card, Group, List, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { MentorAccessDecision, Visit, VisitAbilities } from '../../../shared/contracts/visits';
import { formatDate, useI18n } from '../../i18n/i18n';
import { useDecideVisitAccess, useVisits } from './api';

const color = { pending: 'yellow', active: 'teal', declined: 'gray' } as const;

/** The state of the access a visit gives the host's mentors over the visiting body. */
export function MentorAccessBadge({ access, testId }: { access: Visit['mentorAccess']; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={access ? color[access] : 'gray'} variant="light" data-testid={testId}>
      {t(access ? `access_${access}` : 'access_none')}
    </Badge>
  );
}

/**
 * The visit page's card of the mentor access: its state for everyone who sees the visit, and the
 * answer buttons for those the API allows (the visiting body's admin or leader, its supervisors).
 */
export function MentorAccessCard({ visit, abilities }: { visit: Visit; abilities: VisitAbilities }) {
  const { t } = useI18n();
  const decide = useDecideVisitAccess(visit.id);
  const names = { host: visit.host.name, visitor: visit.visitor.name };
  const access = visit.mentorAccess;
  const withdrawing = access === 'active';
  const run = (decision: MentorAccessDecision) =>
    decide.mutate(decision, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          message: t(
            decision === 'confirm' ? 'accessConfirmed' : withdrawing ? 'accessWithdrawn' : 'accessDeclined',
          ),
        }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  const canConfirm = abilities.decideAccess && (access === 'pending' || access === 'declined');
  const canDecline = abilities.decideAccess && (access === 'pending' || access === 'active');
  return (
    <Card withBorder data-testid="mentor-access">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{t('mentorAccess')}</Text>
          <MentorAccessBadge access={access} testId="mentor-access-status" />
        </Group>
        <Group gap="xs">
          {canConfirm && (
            <Button
              size="xs"
              loading={decide.isPending}
              // Confirming opens a body's data to another body's mentors: asked once more, like a decline.
              onClick={() =>
                modals.openConfirmModal({
                  title: t('confirmAccess'),
                  children: <Text size="sm">{t('confirmConfirmAccess', names)}</Text>,
                  labels: { confirm: t('confirmAccess'), cancel: t('cancel') },
                  onConfirm: () => run('confirm'),
                })
              }
              data-testid="confirm-access"
            >
              {t('confirmAccess')}
            </Button>
          )}
          {canDecline && (
            <Button
              size="xs"
              color="red"
              variant="light"
              data-testid="decline-access"
              disabled={decide.isPending}
              onClick={() =>
                modals.openConfirmModal({
                  title: t(withdrawing ? 'withdrawAccess' : 'declineAccess'),
                  children: (
                    <Text size="sm">
                      {t(withdrawing ? 'confirmWithdrawAccess' : 'confirmDeclineAccess', names)}
                    </Text>
                  ),
                  labels: {
                    confirm: t(withdrawing ? 'withdrawAccess' : 'declineAccess'),
                    cancel: t('cancel'),
                  },
                  confirmProps: { color: 'red' },
                  onConfirm: () => run('decline'),
                })
              }
            >
              {t(withdrawing ? 'withdrawAccess' : 'declineAccess')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t(access === 'active' ? 'mentorAccessHelpActive' : 'mentorAccessHelp', names)}
      </Text>
    </Card>
  );
}

/**
 * On a body's page, for those who may answer (the org's `decideMentorAccess`): the hosts whose
 * mentors wait for this body's answer, each linked to its visit, where the answer is given.
 * Shows nothing when none wait.
 */
export function PendingMentorAccessPanel({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const q = useVisits({ org: code, access: 'pending', pageSize: 100 });
  // One request per host (the grant is per pair): the latest visit stands for it.
  const waiting = (q.data?.data ?? []).filter(
    (v, i, all) => v.visitor.code === code && all.findIndex((w) => w.host.code === v.host.code) === i,
  );
  if (!waiting.length) return null;
  return (
    <Card withBorder data-testid="pending-mentor-access">
      <Text fw={600} size="sm">
        {t('pendingAccessTitle')}
      </Text>
      <List size="sm">
        {waiting.map((v) => (
          <List.Item key={v.id}>
            {t('pendingAccessRow', { host: v.host.name, date: formatDate(v.startDate, locale) })} ·{' '}
            <Anchor component={Link} to={`/visits/${v.id}`}>
              {t('reviewRequest')}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
