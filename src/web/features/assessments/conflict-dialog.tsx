import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { useI18n } from '../../i18n/i18n';

export type Draft = { level: number | null; justification: string; serviceName: string | null };
export type Conflict = { yours: Draft; current: Draft & { version: number; updatedBy: string | null } };

/**
 * Someone saved the indicator after this editor started: both versions side by side, and the
 * editor chooses (keeping theirs, or saving theirs over the current version). Nothing is lost.
 */
export function openConflictDialog(
  c: Conflict,
  chosenService: boolean,
  t: ReturnType<typeof useI18n>['t'],
  choose: { keepMine: () => void; keepTheirs: () => void },
) {
  const show = (d: Draft) => (
    <Stack gap={2}>
      <Text size="sm">
        {t('level')}: {d.level ?? t('levelNotSet')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {d.justification || '—'}
      </Text>
      {chosenService && <Text size="sm">{d.serviceName ?? '—'}</Text>}
    </Stack>
  );
  modals.openConfirmModal({
    title: t('conflictTitle'),
    size: 'lg',
    children: (
      <Stack data-testid="conflict-dialog">
        <Text size="sm">{t('conflictText', { name: c.current.updatedBy ?? '—' })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder>
            <Text fw={600} size="sm">
              {t('theirVersion')}
            </Text>
            {show(c.current)}
          </Card>
          <Card withBorder>
            <Text fw={600} size="sm">
              {t('yourVersion')}
            </Text>
            {show(c.yours)}
          </Card>
        </SimpleGrid>
      </Stack>
    ),
    labels: { confirm: t('keepMine'), cancel: t('keepTheirs') },
    onConfirm: choose.keepMine,
    onCancel: choose.keepTheirs,
  });
}
