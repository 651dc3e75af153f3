import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { QuestionStatus } from '../../shared/contracts/questions';
import { useFrameworkName } from '../features/assessments/framework-labels';
import { PagedQuery } from '../features/layout/ui';
import { useUrlFilters } from '../features/layout/url-filters';
import { useQuestions } from '../features/questions/api';
import { AskModal } from '../features/questions/ask-modal';
import { QuestionList } from '../features/questions/question-list';
import { useI18n } from '../i18n/i18n';

/** Tanya pendamping: the knowledge base (default) and every question the user may see. */
export default function QuestionsPage() {
  const { t } = useI18n();
  const frameworkName = useFrameworkName();
  const f = useUrlFilters();
  const [asking, setAsking] = useState(false);
  const knowledge = f.get('view') !== 'all';
  const indicator = Number(f.get('indicator')) || undefined;
  const list = useQuestions({
    knowledge: knowledge ? 'true' : undefined,
    q: f.q || undefined,
    status: (f.get('status') || undefined) as QuestionStatus | undefined,
    frameworkId: f.get('frameworkId') || undefined,
    indicator,
    practiceId: f.get('practiceId') || undefined,
    page: f.page,
  });
  const askFor = list.data?.askFor ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('questionsTitle')}</Title>
          <Text size="sm" c="gray.7" maw={760}>
            {t('questionsIntro')}
          </Text>
        </div>
        {askFor.length > 0 && (
          <Button onClick={() => setAsking(true)} data-testid="ask-question">
            {t('askQuestion')}
          </Button>
        )}
      </Group>
      <Group align="end">
        <SegmentedControl
          value={knowledge ? 'knowledge' : 'all'}
          onChange={(v) => f.set({ view: v === 'all' ? 'all' : '' })}
          data={[
            { value: 'knowledge', label: t('knowledgeTab') },
            { value: 'all', label: t('allQuestionsTab') },
          ]}
        />
        <TextInput
          label={t('searchQuestions')}
          value={f.get('q')}
          onChange={(e) => f.set({ q: e.currentTarget.value })}
          miw={260}
        />
        {!knowledge && (
          <Select
            label={t('questionStatusFilter')}
            clearable
            value={f.get('status') || null}
            onChange={(v) => f.set({ status: v ?? '' })}
            data={(['open', 'answered', 'accepted'] as const).map((s) => ({
              value: s,
              label: t(`qstatus_${s}`),
            }))}
          />
        )}
      </Group>
      {indicator !== undefined && (
        <Title order={3}>
          {t('answeredQuestionsTitle')} —{' '}
          {t('subjectIndicatorLabel', {
            number: indicator,
            framework: f.get('frameworkId') ? frameworkName(f.get('frameworkId')) : '—',
          })}
        </Title>
      )}
      <PagedQuery
        query={list}
        onPage={(p) => f.set({ page: String(p) })}
        empty={knowledge ? t('noKnowledge') : t('noQuestions')}
      >
        {(res) => <QuestionList items={res.data} />}
      </PagedQuery>
      {asking && (
        <AskModal
          opened
          onClose={() => setAsking(false)}
          askFor={askFor}
          preset={{
            frameworkId: f.get('frameworkId') || undefined,
            indicator,
            practiceId: f.get('practiceId') || undefined,
          }}
        />
      )}
    </Stack>
  );
}
