import { Text } from '@mantine/core';
import type { SectionOf } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { roleLabel } from '../orgs/org-labels';
import { AssignedBlock, MilestonesBlock, ObligationBlock, ReportLink } from './body-blocks';
import { itemPath, SectionFrame, TodoBlock, TodoLink } from './home-ui';
import { IndexSummary } from './index-summary';
import { MentorAccessBlock } from './mentor-access-block';

/**
 * The body admin's section: what waits on the body (assessments to submit, plans to send to the
 * leader, invitations, items without owner or date, mentor access to answer), then where the body
 * stands (index and trend, follow-through milestones, the visit's deadline).
 */
export function BodyAdminHome({ section: s }: { section: SectionOf<'body_admin'> }) {
  const { t, locale } = useI18n();
  const code = s.org.code;
  const firstGap = s.planGaps.items[0];
  return (
    <SectionFrame kind="body_admin" org={s.org} attention={s.attention}>
      <TodoBlock
        title={t('homeToSubmit')}
        count={s.toSubmit.count}
        testId="home-to-submit"
        empty={{
          text: t('homeToSubmitEmpty'),
          next: { to: `/orgs/${code}/assessments`, label: t('homeSeeAssessments') },
        }}
      >
        {s.toSubmit.items.map((a) => (
          <TodoLink key={a.id} to={`/assessments/${a.id}`} detail={t(`status_${a.status}`)}>
            {t('homeToSubmitItem', { year: a.year, answered: a.answered, total: a.total })}
          </TodoLink>
        ))}
      </TodoBlock>
      {s.plansToSubmit.count > 0 && (
        <TodoBlock
          title={t('homePlansToSubmit')}
          count={s.plansToSubmit.count}
          testId="home-plans-to-submit"
          empty={{ text: '' }}
        >
          {s.plansToSubmit.items.map((p) => (
            <TodoLink key={p.id} to={`/plans/${p.id}`}>
              {t('homeDraftPlan', { period: p.period, count: p.itemCount })}
            </TodoLink>
          ))}
        </TodoBlock>
      )}
      <MentorAccessBlock code={code} access={s.mentorAccess} />
      <TodoBlock
        title={t('homePlanGaps')}
        count={s.planGaps.count}
        testId="home-plan-gaps"
        summary={
          s.planGaps.count > 0 && (
            <Text size="sm" c="gray.7">
              {t('homePlanGapsCounts', { noOwner: s.planGaps.noOwner, noDate: s.planGaps.noDate })}
            </Text>
          )
        }
        empty={{
          text: t('homePlanGapsEmpty'),
          next: { to: `/orgs/${code}/plans`, label: t('homeSeePlans') },
        }}
        more={firstGap && { to: `/plans/${firstGap.planId}`, shown: s.planGaps.items.length }}
      >
        {s.planGaps.items.map((i) => (
          <TodoLink
            key={i.id}
            to={itemPath(i)}
            testId="todo-item"
            detail={[i.noOwner && t('homeNoOwner'), i.noDate && t('homeNoDate')].filter(Boolean).join(' · ')}
          >
            {i.title}
          </TodoLink>
        ))}
      </TodoBlock>
      <TodoBlock
        title={t('homeInvitations')}
        count={s.invitations.count}
        testId="home-invitations"
        empty={{
          text: t('homeInvitationsEmpty'),
          next: { to: `/orgs/${code}`, label: t('homeInviteUsers') },
        }}
        more={{ to: `/orgs/${code}`, shown: s.invitations.items.length }}
      >
        {s.invitations.items.map((i) => (
          <TodoLink key={i.id} to={`/orgs/${code}`}>
            {t('homeInvitationItem', {
              email: i.email,
              role: t(roleLabel(i.role)),
              date: formatDate(i.expiresAt, locale),
            })}
          </TodoLink>
        ))}
      </TodoBlock>
      {s.assigned && s.assigned.open > 0 && <AssignedBlock code={code} assigned={s.assigned} />}
      <ObligationBlock obligation={s.nextObligation} />
      <IndexSummary code={code} index={s.index} />
      <MilestonesBlock code={code} followup={s.followup} />
      {s.abilities.downloadReport && <ReportLink code={code} />}
    </SectionFrame>
  );
}
