import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ProvinceBody } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { EmptyState } from '../layout/ui';
import { bodyHref } from './areas';

/** Bodies that stalled, longest idle first, each with why and its next milestone. */
export function StalledList({ bodies, stallDays }: { bodies: ProvinceBody[]; stallDays: number }) {
  const { t } = useI18n();
  const stalled = bodies
    .filter((b) => b.stalled)
    .sort((a, b) => (b.idleDays ?? 0) - (a.idleDays ?? 0) || a.code.localeCompare(b.code));
  const why = (b: ProvinceBody) =>
    [
      b.idleDays !== null && b.idleDays >= stallDays && b.next
        ? t('stalledIdle', { days: b.idleDays })
        : null,
      b.overdueItems ? t('stalledOverdue', { count: b.overdueItems }) : null,
      b.missedObligations ? t('stalledMissed', { count: b.missedObligations }) : null,
      b.next ? t('stalledNext', { milestone: t(`ms_${b.next}`) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Card withBorder data-testid="stalled-bodies">
      <Title order={3} size="h5" mb="xs">
        {t('supStalledTitle')} ({stalled.length})
      </Title>
      {stalled.length === 0 ? (
        <EmptyState>{t('stalledNone')}</EmptyState>
      ) : (
        <List spacing={6} size="sm">
          {stalled.map((b) => (
            <List.Item key={b.code} data-code={b.code}>
              <Anchor component={Link} to={bodyHref(b.code)} size="sm" fw={600}>
                {b.name}
              </Anchor>
              <Text size="xs" c="gray.7">
                {why(b)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
