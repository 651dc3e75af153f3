import { Anchor, Button, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { QuestionCreate, QuestionSubject } from '../../../shared/contracts/questions';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useYearFramework } from '../assessments/api';
import { usePractices } from '../practices/api';
import { useIndicatorName } from '../practices/use-indicator-name';
import { type OrgRef, useAskQuestion, useSimilarQuestions } from './api';

/** What the page the form opens from already knows (an indicator, a practice, a plan item). */
export type AskPreset = {
  frameworkId?: string;
  indicator?: number;
  practiceId?: string;
  planItemId?: string;
};

/**
 * The ask form. Answered public questions resembling the title are offered while it is typed,
 * so the answer is found before asking again. The server checks the subject and the asker.
 */
export function AskModal(props: {
  opened: boolean;
  onClose: () => void;
  askFor: OrgRef[];
  preset?: AskPreset;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const preset = props.preset ?? {};
  const [code, setCode] = useState(props.askFor[0]?.code ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [kind, setKind] = useState<QuestionSubject>(
    preset.planItemId ? 'plan_item' : preset.practiceId ? 'practice' : 'indicator',
  );
  // An indicator is a number of one framework: the preset's, else the current evaluation year's.
  const current = useYearFramework(preset.frameworkId ? null : new Date().getFullYear());
  const frameworkId = preset.frameworkId ?? current.data?.framework.id ?? '';
  const [indicator, setIndicator] = useState<string | null>(
    preset.indicator ? String(preset.indicator) : null,
  );
  const [practiceId, setPracticeId] = useState<string | null>(preset.practiceId ?? null);
  const { framework, name } = useIndicatorName(frameworkId || undefined);
  const practices = usePractices({ pageSize: 200 });
  const similar = useSimilarQuestions(title);
  const ask = useAskQuestion();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const subject: Partial<QuestionCreate> =
      kind === 'indicator'
        ? { frameworkId: frameworkId || undefined, indicator: indicator ? Number(indicator) : undefined }
        : kind === 'practice'
          ? { practiceId: practiceId ?? undefined }
          : { planItemId: preset.planItemId };
    ask.mutate(
      { code, body: { title, body, visibility, ...subject } as QuestionCreate },
      {
        onSuccess: (q) => {
          notifications.show({ color: 'teal', message: t('questionAsked') });
          props.onClose();
          navigate(`/questions/${q.id}`);
        },
        onError: (e) => {
          const details = e instanceof ApiError ? e.details : undefined;
          const issues = (details as { issues?: { field: string; message: string }[] } | undefined)?.issues;
          setErrors(
            Object.fromEntries((issues ?? []).map((i) => [i.field.replace(/^body\./, ''), i.message])),
          );
          notifications.show({ color: 'red', message: e.message });
        },
      },
    );
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('askQuestion')} size="lg">
      <Stack>
        {props.askFor.length > 1 && (
          <Select
            label={t('askFor')}
            data={props.askFor.map((o) => ({ value: o.code, label: o.name }))}
            value={code}
            onChange={(v) => setCode(v ?? code)}
            allowDeselect={false}
          />
        )}
        <TextInput
          label={t('questionTitle')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-testid="question-title"
        />
        {(similar.data ?? []).length > 0 && (
          <Stack gap={2} data-testid="similar-questions">
            <Text size="sm" fw={600}>
              {t('similarAnswered')}
            </Text>
            {similar.data!.map((q) => (
              <Anchor key={q.id} component={Link} to={`/questions/${q.id}`} size="sm" target="_blank">
                {q.title}
              </Anchor>
            ))}
          </Stack>
        )}
        <Textarea
          label={t('questionBody')}
          required
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <Radio.Group
          label={t('questionSubject')}
          value={kind}
          onChange={(v) => setKind(v as QuestionSubject)}
        >
          <Stack gap={4} mt={4}>
            <Radio value="indicator" label={t('subject_indicator')} />
            <Radio value="practice" label={t('subject_practice')} />
            {preset.planItemId && <Radio value="plan_item" label={t('subject_plan_item')} />}
          </Stack>
        </Radio.Group>
        {kind === 'indicator' && (
          <Select
            label={`${t('indicatorNumber')} (${frameworkId})`}
            searchable
            data={(framework.data?.indicators ?? []).map((i) => ({
              value: String(i.number),
              label: name(i.number),
            }))}
            value={indicator}
            onChange={setIndicator}
            error={errors.indicator}
          />
        )}
        {kind === 'practice' && (
          <Select
            label={t('practiceIdLabel')}
            searchable
            data={(practices.data?.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={practiceId}
            onChange={setPracticeId}
            error={errors.practiceId}
          />
        )}
        <Radio.Group
          label={t('questionVisibility')}
          description={t('visibilityHelp')}
          value={visibility}
          onChange={(v) => setVisibility(v as 'public' | 'private')}
        >
          <Stack gap={4} mt={4}>
            <Radio value="public" label={t('visibility_public')} />
            <Radio value="private" label={t('visibility_private')} />
          </Stack>
        </Radio.Group>
        <Button onClick={submit} loading={ask.isPending} disabled={!code} data-testid="ask-submit">
          {t('askQuestion')}
        </Button>
      </Stack>
    </Modal>
  );
}
