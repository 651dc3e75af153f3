import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PracticeSummary } from '../../../shared/contracts/practices';
import { useI18n } from '../../i18n/i18n';
import { SampleBadge } from '../layout/ui';
import { TypeBadge } from './badges';

/** One practice in the catalogue: enough to decide whether to open it. */
export function PracticeCard({
  practice: p,
  indicatorName,
  headingOrder = 3,
}: {
  practice: PracticeSummary;
  indicatorName: (n: number) => string;
  headingOrder?: 3 | 4;
}) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" data-testid="practice-card" component="article">
      <Stack gap={6}>
        <Group gap={6}>
          <TypeBadge type={p.type} />
          {p.status !== 'published' && (
            <Text size="xs" fw={600} c="red.9">
              {t(`pstatus_${p.status}`)}
            </Text>
          )}
          <SampleBadge show={p.isSample} />
        </Group>
        <Title order={headingOrder} size="h4">
          <Anchor component={Link} to={`/practices/${p.id}`} inherit>
            {p.title}
          </Anchor>
        </Title>
        <Text size="sm" c="gray.7">
          {p.host.name}
        </Text>
        <Text size="sm" lineClamp={3}>
          {p.summary}
        </Text>
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {p.indicators.map((i) => (
            <Text key={i.indicator} size="xs" component="li">
              {indicatorName(i.indicator)} — <b>{t('levelN', { level: i.level })}</b>
            </Text>
          ))}
        </Stack>
        <Text size="xs" c="gray.7">
          {t('adoptionsCount', { count: p.adoptionCount })} · {t('liveCount', { count: p.liveCount })}
        </Text>
      </Stack>
    </Card>
  );
}
