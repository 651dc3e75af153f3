import { Badge } from '@mantine/core';
import type { ItemStatus, PlanStatus } from '../../../shared/contracts/plans';
import { useI18n } from '../../i18n/i18n';

const planColors: Record<PlanStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal' };
const itemColors: Record<ItemStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  blocked: 'red',
  done: 'teal',
  verified: 'green',
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={planColors[status]} variant="light" data-testid="plan-status">
      {t(`plan_${status}`)}
    </Badge>
  );
}

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={itemColors[status]} data-testid="item-status">
      {t(`item_${status}`)}
    </Badge>
  );
}
