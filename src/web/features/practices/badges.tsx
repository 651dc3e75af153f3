import { Badge } from '@mantine/core';
import type { AdoptionStage } from '../../../shared/contracts/adoptions';
import type { AssistanceStatus } from '../../../shared/contracts/assistance';
import type { PracticeType } from '../../../shared/contracts/practices';
import { useI18n } from '../../i18n/i18n';

// The coloured dot carries the colour; the text stays in the body colour so it keeps WCAG AA
// contrast (Mantine's light variants of teal, green and orange do not).
const stageColor: Record<AdoptionStage, string> = {
  interested: 'blue',
  agreed: 'indigo',
  adapting: 'violet',
  live: 'teal',
  measured: 'green',
  dropped: 'red',
};

export function StageBadge({ stage }: { stage: AdoptionStage }) {
  const { t } = useI18n();
  return (
    <Badge color={stageColor[stage]} variant="dot" c="dark.8" data-testid="stage-badge">
      {t(`stage_${stage}`)}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: PracticeType }) {
  const { t } = useI18n();
  return (
    <Badge color="cyan.9" variant="outline" c="cyan.9">
      {t(`ptype_${type}`)}
    </Badge>
  );
}

const assistanceColor: Record<AssistanceStatus, string> = {
  open: 'orange',
  in_progress: 'blue',
  resolved: 'teal',
  closed: 'dark',
};

export function AssistanceBadge({ status }: { status: AssistanceStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={assistanceColor[status]} variant="dot" c="dark.8">
      {t(`astatus_${status}`)}
    </Badge>
  );
}

/** Input hints in a darker grey than Mantine's "dimmed" (3.3:1), for WCAG AA contrast. */
export const readableDescription = { description: { color: 'var(--mantine-color-gray-7)' } };
