import type { SectionOf } from '../../../shared/contracts/home';
import { PlanProgressBlock } from './body-blocks';
import { SectionFrame } from './home-ui';
import { IndexSummary } from './index-summary';

/** A viewer reads: where the body stands (index beside host and province) and how its plan goes. */
export function ViewerHome({ section: s }: { section: SectionOf<'viewer'> }) {
  return (
    <SectionFrame kind="viewer" org={s.org} attention={s.attention}>
      <IndexSummary code={s.org.code} index={s.index} />
      <PlanProgressBlock code={s.org.code} plan={s.plan} />
    </SectionFrame>
  );
}
