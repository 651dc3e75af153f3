import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useQuestion } from '../features/questions/api';
import { QuestionStatusBadge, SubjectText } from '../features/questions/question-list';
import { QuestionThread } from '../features/questions/question-thread';
import { formatDateTime, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function QuestionPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const q = useQuestion(id);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  return (
    <Stack maw={860}>
      <Text size="sm">
        <Anchor component={Link} to="/questions">
          {t('questionsTitle')}
        </Anchor>
      </Text>
      <Group justify="space-between" align="start" wrap="nowrap">
        <Title order={2} data-testid="question-title-heading">
          {d.title}
        </Title>
        <QuestionStatusBadge status={d.status} />
      </Group>
      <Text size="xs" c="gray.7">
        {t('askedBy', { name: d.askedBy.name, org: d.org.name, date: formatDateTime(d.createdAt, locale) })} ·{' '}
        <SubjectText q={d} /> · {t(`visibility_${d.visibility}`)}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Text>
      <QuestionThread q={d} />
    </Stack>
  );
}
