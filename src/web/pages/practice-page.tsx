import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../features/auth/use-auth';
import { ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { AdoptModal } from '../features/practices/adopt-modal';
import { useCatalogueAbilities, usePractice } from '../features/practices/api';
import { AssistanceModal } from '../features/practices/assistance-modal';
import { TypeBadge } from '../features/practices/badges';
import { PracticeSections } from '../features/practices/practice-sections';
import { useIndicatorName } from '../features/practices/use-indicator-name';
import { AnsweredQuestions } from '../features/questions/answered-questions';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function PracticePage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe().data;
  const q = usePractice(id);
  const bodies = useCatalogueAbilities().adoptFor;
  const [dialog, setDialog] = useState<'adopt' | 'assist' | null>(null);
  const { name } = useIndicatorName(q.data?.frameworkId);
  if (q.isPending) return <Loading />;
  // A malformed id in the address (400) is, for the person reading it, a page that does not exist.
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const p = q.data;
  const canAdopt = p.abilities.adopt && bodies.length > 0;
  const next = canAdopt
    ? t('practiceNextAdopt')
    : p.abilities.update
      ? t('practiceNextHost')
      : !me
        ? t('practiceNextSignIn')
        : null;
  return (
    <Stack>
      <div>
        <Text size="sm">
          <Anchor component={Link} to="/practices">
            {t('practicesTitle')}
          </Anchor>
        </Text>
        <Title order={2} data-testid="practice-title">
          {p.title}
        </Title>
        <Group gap="xs" mt={4}>
          <TypeBadge type={p.type} />
          {p.status !== 'published' && (
            <Text size="sm" fw={600} c="red.9">
              {t(`pstatus_${p.status}`)}
            </Text>
          )}
          <SampleBadge show={p.isSample} />
          <Text size="sm">
            {me ? (
              <Anchor component={Link} to={`/orgs/${p.host.code}`} inherit>
                {p.host.name}
              </Anchor>
            ) : (
              p.host.name
            )}
            {p.publishedAt ? ` · ${t('publishedOn', { date: formatDate(p.publishedAt, locale) })}` : ''}
            {` · ${t('adoptionsCount', { count: p.adoptionCount })} · ${t('liveCount', { count: p.liveCount })}`}
          </Text>
        </Group>
      </div>
      {next && (
        <Alert color="blue" variant="light">
          <Stack gap="xs">
            <Text size="sm">{next}</Text>
            <Group gap="xs">
              {canAdopt && (
                <Button onClick={() => setDialog('adopt')} data-testid="adopt-practice">
                  {t('adoptPractice')}
                </Button>
              )}
              {canAdopt && (
                <Button variant="default" onClick={() => setDialog('assist')}>
                  {t('requestAssistance')}
                </Button>
              )}
              {p.abilities.update && (
                <Button
                  variant="default"
                  component={Link}
                  to={`/practices/${p.id}/edit`}
                  data-testid="edit-practice"
                >
                  {t('editPractice')}
                </Button>
              )}
              {!me && (
                <Button
                  component={Link}
                  to={`/login?next=${encodeURIComponent(location.pathname)}`}
                  variant="default"
                >
                  {t('signIn')}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      )}
      <PracticeSections p={p} indicatorName={name} />
      <AnsweredQuestions filter={{ practiceId: p.id }} />
      {dialog === 'adopt' && <AdoptModal practice={p} bodies={bodies} onClose={() => setDialog(null)} />}
      {dialog === 'assist' && (
        <AssistanceModal
          hostCode={p.host.code}
          practiceId={p.id}
          bodies={bodies}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
