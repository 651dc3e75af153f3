import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useCatalogueAbilities, usePractice } from '../features/practices/api';
import { PracticeForm } from '../features/practices/practice-form';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function PracticeFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const q = usePractice(id);
  const { publishIn: hosts, pending } = useCatalogueAbilities();
  const header = (
    <div>
      <Text size="sm">
        <Anchor component={Link} to={id ? `/practices/${id}` : '/practices'}>
          {id && q.data ? q.data.title : t('practicesTitle')}
        </Anchor>
      </Text>
      <Title order={2}>{id ? t('editPracticeTitle') : t('newPracticeTitle')}</Title>
      <Text size="sm" c="gray.7" maw={720}>
        {t('practiceFormIntro')}
      </Text>
    </div>
  );
  if (id) {
    if (q.isPending) return <Loading />;
    if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
    if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
    if (!q.data.abilities.update) return <NotFoundPage />;
    return (
      <Stack>
        {header}
        <PracticeForm
          key={q.data.id}
          practice={q.data}
          hosts={[q.data.host]}
          onReload={() => q.refetch().then((r) => r.data)}
        />
      </Stack>
    );
  }
  if (pending) return <Loading />;
  return (
    <Stack>
      {header}
      {hosts.length === 0 ? <Alert color="orange">{t('noHostRole')}</Alert> : <PracticeForm hosts={hosts} />}
    </Stack>
  );
}
