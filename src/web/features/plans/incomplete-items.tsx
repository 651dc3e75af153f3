import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { PlanSummary } from '../../../shared/contracts/plans';
import { useI18n } from '../../i18n/i18n';

export type Missing = 'owner' | 'dueDate';

/** The `missing` filter of a plan page's address (links from elsewhere may open it filtered). */
export const toMissing = (v: string | null): Missing | undefined =>
  v === 'owner' || v === 'dueDate' ? v : undefined;

/**
 * Open items nobody owns or without a due date, counted by the server, each count a filter that
 * lists exactly those items; shown until every item is complete.
 */
export function IncompleteItemsAlert(props: {
  plan: PlanSummary;
  missing: Missing | undefined;
  onMissing: (m: Missing | undefined) => void;
}) {
  const { t } = useI18n();
  const { missingOwnerCount: owner, missingDueDateCount: due } = props.plan;
  if (owner + due === 0 && !props.missing) return null;
  const line = (m: Missing, count: number, text: string) =>
    count > 0 && (
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{text}</Text>
        {props.missing !== m && (
          <Button size="compact-sm" variant="default" onClick={() => props.onMissing(m)}>
            {t('showTheseItems')}
          </Button>
        )}
      </Group>
    );
  return (
    // The title in the text colour: orange on the light orange ground is below AA contrast.
    <Alert
      color="orange"
      title={t('incompleteTitle')}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      data-testid="incomplete-items"
    >
      <Stack gap={4}>
        {line('owner', owner, t('missingOwnerN', { count: owner }))}
        {line('dueDate', due, t('missingDueDateN', { count: due }))}
        {props.missing && (
          <Group>
            <Button size="compact-sm" variant="default" onClick={() => props.onMissing(undefined)}>
              {t('showAllItems')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Asks the leader to confirm the approval; when items are incomplete the question names the
 * counts, and confirming is the acknowledgement the server asks for.
 */
export function useConfirmApprove() {
  const { t } = useI18n();
  return (plan: PlanSummary, approve: (acknowledgeIncomplete: boolean) => void) => {
    const owner = plan.missingOwnerCount;
    const due = plan.missingDueDateCount;
    const incomplete = owner + due > 0;
    modals.openConfirmModal({
      title: t('approvePlan'),
      children: (
        <Text size="sm" data-testid="approve-question">
          {incomplete ? t('confirmApproveIncomplete', { owner, due }) : t('confirmApprove')}
        </Text>
      ),
      labels: { confirm: incomplete ? t('approveAnyway') : t('confirm'), cancel: t('cancel') },
      confirmProps: { color: incomplete ? 'orange' : 'teal' },
      onConfirm: () => approve(incomplete),
    });
  };
}
