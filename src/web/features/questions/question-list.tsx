import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { QuestionStatus, QuestionSummary } from '../../../shared/contracts/questions';
import { formatDate, useI18n } from '../../i18n/i18n';

const statusColor: Record<QuestionStatus, string> = { open: 'gray', answered: 'blue', accepted: 'teal' };

export function QuestionStatusBadge({ status }: { status: QuestionStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`qstatus_${status}`)}
    </Badge>
  );
}

/** Questions as cards: title, asking body, subject and, in the knowledge base, the accepted answer. */
export function QuestionList({ items }: { items: QuestionSummary[] }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs" data-testid="question-list">
      {items.map((q) => (
        <Card key={q.id} withBorder padding="sm">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="start">
            <Anchor component={Link} to={`/questions/${q.id}`} fw={600}>
              {q.title}
            </Anchor>
            <QuestionStatusBadge status={q.status} />
          </Group>
          <Text size="xs" c="gray.7">
            {q.org.name} · {formatDate(q.createdAt, locale)} · <SubjectText q={q} /> ·{' '}
            {t('answersCount', { count: q.answerCount })}
            {q.visibility === 'private' ? ` · ${t('visibility_private')}` : ''}
          </Text>
          {q.acceptedExcerpt && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {q.acceptedExcerpt}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

export function SubjectText({ q }: { q: Pick<QuestionSummary, 'subject'> }) {
  const { t } = useI18n();
  const s = q.subject;
  if (s.kind === 'indicator')
    return <>{t('subjectIndicatorLabel', { number: s.indicator ?? '', framework: s.frameworkId ?? '' })}</>;
  if (s.kind === 'practice' && s.practice)
    return (
      <Anchor component={Link} to={`/practices/${s.practice.id}`} inherit>
        {s.practice.title}
      </Anchor>
    );
  if (s.kind === 'plan_item' && s.planItem)
    return (
      <Anchor component={Link} to={`/plans/${s.planItem.planId}`} inherit>
        {s.planItem.title}
      </Anchor>
    );
  return <>{t(`subject_${s.kind}`)}</>;
}
