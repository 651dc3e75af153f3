import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SectionOf } from '../../../shared/contracts/home';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { SectionFrame } from './home-ui';

// The secretariat's pages, in the order its work usually goes.
const tasks: { to: string; label: MessageKey }[] = [
  { to: '/orgs', label: 'navDirectory' },
  { to: '/admin/users', label: 'navUsers' },
  { to: '/admin/frameworks', label: 'navFrameworks' },
  { to: '/official-results', label: 'navOfficialResults' },
  { to: '/programmes', label: 'navProgrammes' },
  { to: '/commitments', label: 'navCommitments' },
  { to: '/funnel', label: 'navFunnel' },
  { to: '/audit', label: 'navAudit' },
];

/** The platform admin's section: the platform's size, failed emails to look at, and the admin pages. */
export function AdminHome({ section: s }: { section: SectionOf<'platform_admin'> }) {
  const { t } = useI18n();
  return (
    <SectionFrame kind="platform_admin" org={s.org} attention={s.attention}>
      <Stack gap={6} data-testid="home-admin-figures">
        <Title order={4} size="h5">
          {t('appName')}
        </Title>
        <Text size="sm">{t('homeAdminFigures', { members: s.memberBodies, users: s.activeUsers })}</Text>
        {s.failedEmails > 0 ? (
          <Anchor component={Link} to="/admin/outbox" size="sm" fw={600} c="red.9">
            {t('homeFailedEmails', { count: s.failedEmails })}
          </Anchor>
        ) : (
          <Text size="sm" c="gray.7">
            {t('homeNoFailedEmails')}{' '}
            <Anchor component={Link} to="/admin/outbox" underline="always">
              {t('navOutbox')}
            </Anchor>
          </Text>
        )}
      </Stack>
      <Stack gap={6} data-testid="home-admin-tasks">
        <Title order={4} size="h5">
          {t('homeAdminTasks')}
        </Title>
        <List size="sm" spacing={4}>
          {tasks.map((task) => (
            <List.Item key={task.to}>
              <Anchor component={Link} to={task.to} size="sm">
                {t(task.label)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </SectionFrame>
  );
}
