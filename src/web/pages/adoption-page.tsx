import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AdoptionStage } from '../../shared/contracts/adoptions';
import { ApiError } from '../api/client';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { AdoptionTimeline } from '../features/practices/adoption-timeline';
import { useAdoption, useAssistanceRequests } from '../features/practices/api';
import { AssistanceCard } from '../features/practices/assistance-card';
import { AssistanceModal } from '../features/practices/assistance-modal';
import { StageBadge, TypeBadge } from '../features/practices/badges';
import { TransitionModal } from '../features/practices/transition-modal';
import { useIndicatorName } from '../features/practices/use-indicator-name';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function AdoptionPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const q = useAdoption(id);
  const [moving, setMoving] = useState<AdoptionStage | null>(null);
  const [asking, setAsking] = useState(false);
  const assistance = useAssistanceRequests({ org: q.data?.org.code }, !!q.data);
  const { name } = useIndicatorName(q.data?.practice.frameworkId);
  if (q.isPending) return <Loading />;
  // A malformed id in the address (400) is, for the person reading it, a page that does not exist.
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const a = q.data;
  const requests = (assistance.data?.data ?? []).filter((r) => r.adoptionId === a.id);
  const since = [...a.transitions].sort((x, y) => y.at.localeCompare(x.at))[0]?.at ?? a.updatedAt;
  return (
    <Stack>
      <div>
        <Text size="sm">
          <Anchor component={Link} to={`/orgs/${a.org.code}/adoptions`}>
            {a.org.name} · {t('orgAdoptionsTitle')}
          </Anchor>
        </Text>
        <Title order={2}>{t('adoptionTitle', { title: a.practice.title })}</Title>
        <Group gap="xs" mt={4}>
          <StageBadge stage={a.stage} />
          <TypeBadge type={a.practice.type} />
          <SampleBadge show={a.isSample} />
          <Text size="sm">
            {t('adoptionOf', { org: a.org.name, host: a.host.name })} ·{' '}
            <Anchor component={Link} to={`/practices/${a.practice.id}`} size="sm">
              {a.practice.title}
            </Anchor>
          </Text>
        </Group>
        <Text size="xs" c="gray.7" mt={2}>
          {t('stageSince')}: {formatDate(since, locale)}
        </Text>
      </div>
      <Alert color={a.stage === 'dropped' ? 'orange' : 'blue'} variant="light">
        <Stack gap="xs">
          <Text size="sm" data-testid="adoption-next">
            {t(`adoptionNext_${a.stage}`)}
          </Text>
          {(a.abilities.moves.length > 0 || a.abilities.requestAssistance) && (
            <Group gap="xs">
              {a.abilities.moves.map((s) => (
                <Button
                  key={s}
                  variant={s === 'dropped' ? 'default' : 'filled'}
                  c={s === 'dropped' ? 'red.9' : undefined}
                  onClick={() => setMoving(s)}
                  data-testid={`move-${s}`}
                >
                  {t(`move_${s}`)}
                </Button>
              ))}
              {a.abilities.requestAssistance && (
                <Button variant="default" onClick={() => setAsking(true)}>
                  {t('requestAssistance')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Alert>
      <Card withBorder component="section">
        <Title order={3} size="h4" mb="sm">
          {t('timeline')}
        </Title>
        <AdoptionTimeline a={a} indicatorName={name} />
      </Card>
      <section>
        <Title order={3} size="h4" mb="sm">
          {t('assistanceTitle')}
        </Title>
        {assistance.isPending ? (
          <Loading />
        ) : assistance.isError ? (
          <ErrorNotice error={assistance.error} onRetry={() => assistance.refetch()} />
        ) : requests.length === 0 ? (
          <EmptyState>{t('assistanceNone')}</EmptyState>
        ) : (
          <Stack>
            {requests.map((r) => (
              <AssistanceCard key={r.id} a={r} />
            ))}
          </Stack>
        )}
      </section>
      {moving && <TransitionModal adoption={a} stage={moving} onClose={() => setMoving(null)} />}
      {asking && (
        <AssistanceModal
          hostCode={a.host.code}
          practiceId={a.practice.id}
          adoptionId={a.id}
          bodies={[a.org]}
          onClose={() => setAsking(false)}
        />
      )}
    </Stack>
  );
}
