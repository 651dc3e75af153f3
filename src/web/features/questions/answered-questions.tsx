import { Anchor, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/use-auth';
import { EmptyState, ErrorNotice, Loading } from '../layout/ui';
import { type QuestionFilters, useQuestions } from './api';
import { QuestionList } from './question-list';

/**
 * "Pertanyaan yang sudah terjawab" on an indicator's or a practice's page: the knowledge base's
 * answers on that subject, so the next body reads them before asking (signed-in users only).
 */
export function AnsweredQuestions({
  filter,
}: {
  filter: Pick<QuestionFilters, 'frameworkId' | 'indicator' | 'practiceId'>;
}) {
  const { t } = useI18n();
  const me = useMe();
  const list = useQuestions({ ...filter, knowledge: 'true', pageSize: 5 }, !!me.data);
  if (!me.data) return null;
  const more = new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return (
    <Stack gap="xs" data-testid="answered-questions">
      <Group justify="space-between">
        <Title order={3}>{t('answeredQuestionsTitle')}</Title>
        <Anchor component={Link} to={`/questions?${more}`} size="sm">
          {t('openQuestions')}
        </Anchor>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.data.length ? (
        <QuestionList items={list.data.data} />
      ) : (
        <EmptyState>{t('noAnsweredQuestions')}</EmptyState>
      )}
    </Stack>
  );
}
