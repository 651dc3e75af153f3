import type { SectionOf } from '../../../shared/contracts/home';
import { useI18n } from '../../i18n/i18n';
import { AssignedBlock } from './body-blocks';
import { SectionFrame, TodoBlock, TodoLink } from './home-ui';

/**
 * The operator's section: indicators the reviewer returned (each opens on the indicator to rework),
 * the plan items assigned to them, and the drafts of the body to finish.
 */
export function OperatorHome({ section: s }: { section: SectionOf<'operator'> }) {
  const { t } = useI18n();
  const code = s.org.code;
  const draft = s.drafts.items.find((d) => d.kind === 'assessment');
  const assessments = `/orgs/${code}/assessments`;
  const continueTo = draft ? `/assessments/${draft.id}` : assessments;
  const firstReturned = s.returned.items[0];
  return (
    <SectionFrame kind="operator" org={s.org} attention={s.attention}>
      <TodoBlock
        title={t('homeReturned')}
        count={s.returned.count}
        testId="home-returned"
        empty={{ text: t('homeReturnedEmpty'), next: { to: continueTo, label: t('homeContinueAssessment') } }}
        more={
          firstReturned && {
            to: `/assessments/${firstReturned.assessmentId}`,
            shown: s.returned.items.length,
          }
        }
      >
        {s.returned.items.map((r) => (
          <TodoLink
            key={`${r.assessmentId}-${r.indicator}`}
            to={`/assessments/${r.assessmentId}?indicator=${r.indicator}`}
            detail={r.comment}
          >
            {t('homeReturnedItem', { indicator: r.indicator, year: r.year })}
          </TodoLink>
        ))}
      </TodoBlock>
      <AssignedBlock code={code} assigned={s.assigned} />
      <TodoBlock
        title={t('homeDrafts')}
        count={s.drafts.count}
        testId="home-drafts"
        empty={{ text: t('homeDraftsEmpty'), next: { to: assessments, label: t('homeStartAssessment') } }}
      >
        {s.drafts.items.map((d) =>
          d.kind === 'assessment' ? (
            <TodoLink key={d.id} to={`/assessments/${d.id}`}>
              {t('homeDraftAssessment', { year: d.year, answered: d.answered, total: d.total })}
            </TodoLink>
          ) : (
            <TodoLink key={d.id} to={`/plans/${d.id}`}>
              {t('homeDraftPlan', { period: d.period, count: d.itemCount })}
            </TodoLink>
          ),
        )}
      </TodoBlock>
    </SectionFrame>
  );
}
