import { Badge } from '@mantine/core';
import type { Visit } from '../../../shared/contracts/visits';
import { formatDate, useI18n } from '../../i18n/i18n';

/**
 * A visit's follow-up due date and status. Only the visit's own page marks it with a test id: the
 * list shows one per row, and while the visit page's chunk loads the list is still on screen.
 */
export function ObligationBadge({
  obligation,
  testId,
}: {
  obligation: Visit['obligation'];
  testId?: string;
}) {
  const { t, locale } = useI18n();
  if (!obligation) return null;
  const color = { open: 'blue', met: 'teal', missed: 'red' }[obligation.status];
  return (
    <Badge color={color} variant="light" data-testid={testId}>
      {formatDate(obligation.dueDate, locale)} · {t(`obligation_${obligation.status}`)}
    </Badge>
  );
}
