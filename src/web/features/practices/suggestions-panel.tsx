import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../layout/ui';
import { AdoptModal } from './adopt-modal';
import { type Suggestion, useSuggestions } from './api';
import { StageBadge, TypeBadge } from './badges';
import { useIndicatorName } from './use-indicator-name';

/** Published practices ranked by the index gain they could bring to this body's gaps. */
export function SuggestionsPanel({
  org,
  canAdopt,
}: {
  org: { code: string; name: string };
  canAdopt: boolean;
}) {
  const { t, locale } = useI18n();
  const q = useSuggestions(org.code);
  const { name } = useIndicatorName(q.data?.frameworkId);
  const [adopting, setAdopting] = useState<Suggestion | null>(null);
  const gain = (g: number) =>
    g.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
  return (
    <Card withBorder component="section" data-testid="suggestions">
      <Title order={3} size="h4" mb={4}>
        {t('suggestionsTitle')}
      </Title>
      {q.data?.basis && (
        <Text size="xs" c="gray.7" mb="sm" data-testid="suggestion-basis">
          {t(`basis_${q.data.basis.source}`, { year: q.data.basis.year ?? '' })}
        </Text>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.data.length === 0 ? (
        <EmptyState>{t('suggestionsNone')}</EmptyState>
      ) : (
        <Stack gap="sm">
          {q.data.data.map((s) => (
            <Card key={s.practice.id} withBorder padding="sm" component="article">
              <Group justify="space-between" align="start" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 260px' }}>
                  <Group gap={6}>
                    <Badge color="indigo.8" variant="filled">
                      {t('gainN', { gain: gain(s.gain) })}
                    </Badge>
                    <TypeBadge type={s.practice.type} />
                    <SampleBadge show={s.practice.isSample} />
                  </Group>
                  <Title order={4} size="h5">
                    <Anchor component={Link} to={`/practices/${s.practice.id}`} inherit>
                      {s.practice.title}
                    </Anchor>
                  </Title>
                  <Text size="xs" c="gray.7">
                    {s.practice.host.name}
                  </Text>
                  {s.indicators
                    .filter((i) => i.gain > 0)
                    .map((i) => (
                      <Text key={i.indicator} size="xs">
                        {name(i.indicator)}: {i.bodyLevel} → {i.practiceLevel}
                      </Text>
                    ))}
                </Stack>
                {s.adoption ? (
                  <Anchor component={Link} to={`/adoptions/${s.adoption.id}`}>
                    <StageBadge stage={s.adoption.stage} />
                  </Anchor>
                ) : (
                  canAdopt && (
                    <Button size="xs" onClick={() => setAdopting(s)} data-testid="adopt-suggestion">
                      {t('adoptPractice')}
                    </Button>
                  )
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {adopting && (
        <AdoptModal practice={adopting.practice} bodies={[org]} onClose={() => setAdopting(null)} />
      )}
    </Card>
  );
}
