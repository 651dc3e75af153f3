import { Badge } from '@mantine/core';
import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import { useI18n } from '../../i18n/i18n';

const colors: Record<AssessmentStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'violet',
  returned: 'orange',
  resubmitted: 'blue',
  accepted: 'teal',
};

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={colors[status]} variant="light" data-testid="assessment-status">
      {t(`status_${status}`)}
    </Badge>
  );
}
