import { Anchor, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SectionOf } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { orgReportUrl } from '../orgs/api';
import { ActionItemLink, TodoBlock, URGENT } from './home-ui';

// Blocks about a body's progress that several roles' sections share: items assigned to me, the
// plan's progress, the follow-through milestones, the visit's deadline and the one-page report.

type Assigned = SectionOf<'operator'>['assigned'];
type Plan = SectionOf<'leader'>['plan'];
type Followup = SectionOf<'body_admin'>['followup'];
type Obligation = SectionOf<'body_admin'>['nextObligation'];

export function AssignedBlock({ code, assigned }: { code: string; assigned: Assigned }) {
  const { t } = useI18n();
  return (
    <TodoBlock
      title={t('homeAssigned')}
      count={assigned.open}
      testId="home-assigned"
      summary={
        assigned.open > 0 && (
          <Text size="sm" c={assigned.overdue > 0 ? 'red.9' : 'gray.7'}>
            {t('homeAssignedCounts', {
              overdue: assigned.overdue,
              soon: assigned.dueSoon,
              open: assigned.open,
            })}
          </Text>
        )
      }
      empty={{ text: t('homeAssignedEmpty'), next: { to: `/orgs/${code}/plans`, label: t('homeSeePlans') } }}
      more={{ to: `/orgs/${code}/plans`, shown: assigned.items.length }}
    >
      {assigned.items.map((i) => (
        <ActionItemLink key={i.id} item={i} />
      ))}
    </TodoBlock>
  );
}

export function PlanProgressBlock({ code, plan }: { code: string; plan: Plan }) {
  const { t } = useI18n();
  const done = plan && plan.itemCount > 0 ? Math.round((plan.doneCount / plan.itemCount) * 100) : 0;
  return (
    <Stack gap={6} data-testid="home-plan">
      <Title order={4} size="h5">
        {t('homePlanProgress')}
      </Title>
      {plan ? (
        <>
          <Anchor component={Link} to={`/plans/${plan.id}`} size="sm">
            {t('homePlanProgressItem', {
              period: plan.period,
              done: plan.doneCount,
              count: plan.itemCount,
              overdue: plan.overdueCount,
            })}
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <Progress value={done} w="100%" aria-label={t('homePlanProgress')} />
            <Text size="sm">{done}%</Text>
          </Group>
          <Text size="xs" c="gray.7">
            {t(`plan_${plan.status}`)}
          </Text>
        </>
      ) : (
        <Text size="sm" c="gray.7">
          {t('homeNoPlan')}{' '}
          <Anchor component={Link} to={`/orgs/${code}/plans`} underline="always">
            {t('homeSeePlans')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

export function MilestonesBlock({ code, followup }: { code: string; followup: Followup }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={6} data-testid="home-milestones">
      <Title order={4} size="h5">
        {t('homeMilestones')}
      </Title>
      {followup.referenceDate ? (
        <Text size="xs" c="gray.7">
          {t('homeMilestonesSince', { date: formatDate(followup.referenceDate, locale) })}
        </Text>
      ) : (
        <Text size="sm" c="gray.7">
          {t('homeNotJoined')}{' '}
          <Anchor component={Link} to="/visits" underline="always">
            {t('navVisits')}
          </Anchor>
        </Text>
      )}
      <List size="sm" spacing={2}>
        {followup.milestones.map((m) => (
          <List.Item key={m.milestone} data-testid={`milestone-${m.milestone}`}>
            <Text span size="sm" fw={m.date ? 600 : undefined}>
              {t(`stage_${m.milestone}`)}
            </Text>
            :{' '}
            {m.date
              ? t('homeMilestoneReached', { date: formatDate(m.date, locale) })
              : t('homeMilestoneOpen')}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={`/orgs/${code}`} size="sm">
        {t('journeyTitle')}
      </Anchor>
    </Stack>
  );
}

export function ObligationBlock({ obligation }: { obligation: Obligation }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={6} data-testid="home-obligation">
      <Title order={4} size="h5">
        {t('homeObligation')}
      </Title>
      {obligation ? (
        <Text size="sm">
          <Anchor component={Link} to={`/visits/${obligation.visitId}`} underline="always">
            {t('homeObligationItem', {
              date: formatDate(obligation.dueDate, locale),
              host: obligation.host.name,
            })}
          </Anchor>{' '}
          <Text span size="sm" fw={600} c={obligation.daysLeft < 0 ? 'red.9' : URGENT}>
            {obligation.daysLeft < 0
              ? t('homeDaysLate', { days: -obligation.daysLeft })
              : t('homeDaysLeft', { days: obligation.daysLeft })}
          </Text>
        </Text>
      ) : (
        <Text size="sm" c="gray.7">
          {t('homeNoObligation')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The one-page report (rapor) for a meeting, in the reader's language; a file the server makes,
 * so a plain link (not the app's router).
 */
export function ReportLink({ code }: { code: string }) {
  const { t, locale } = useI18n();
  return (
    <Anchor href={orgReportUrl(code, locale)} size="sm" fw={600} data-testid="home-report">
      {t('homeReport')}
    </Anchor>
  );
}
