import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Answer, Question } from '../../../shared/contracts/questions';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { EmptyState } from '../layout/ui';
import { LockerFilesField } from '../practices/locker-files-field';
import { questionFileUrl, useAcceptAnswer, useDeleteAnswer, useEditAnswer, usePostAnswer } from './api';

const fail = (e: Error) => notifications.show({ color: 'red', message: e.message });

/** The answer form: text and documents from the locker of the body the actor answers for. */
function AnswerForm(props: {
  orgCode: string;
  initial?: Answer;
  pending: boolean;
  onSubmit: (v: { body: string; fileIds: string[] }, reset: () => void) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [fileIds, setFileIds] = useState<string[]>(props.initial?.files.map((f) => f.id) ?? []);
  const reset = () => {
    setBody('');
    setFileIds([]);
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('yourAnswer')}
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        data-testid="answer-body"
      />
      <LockerFilesField
        orgCode={props.orgCode}
        label={t('answerFiles')}
        value={fileIds}
        onChange={setFileIds}
        known={props.initial?.files}
      />
      <Group gap="xs">
        <Button
          onClick={() => props.onSubmit({ body, fileIds }, reset)}
          loading={props.pending}
          disabled={!body.trim()}
        >
          {props.initial ? t('save') : t('postAnswer')}
        </Button>
        {props.onCancel && (
          <Button variant="default" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function AnswerCard({ q, a }: { q: Question; a: Answer }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const edit = useEditAnswer(q.id);
  const remove = useDeleteAnswer(q.id);
  const accept = useAcceptAnswer(q.id);
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t('deleteAnswer'),
      children: <Text size="sm">{t('deleteAnswerConfirm')}</Text>,
      labels: { confirm: t('delete'), cancel: t('cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(a.id, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('answerDeleted') }),
          onError: fail,
        }),
    });
  return (
    <Card withBorder padding="sm" data-testid="answer-card" bg={a.accepted ? 'teal.0' : undefined}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {a.author.name} · {a.org.name}
        </Text>
        <Group gap={4}>
          {a.accepted && <Badge color="teal">{t('answerAccepted')}</Badge>}
          {a.fromAsker && <Badge variant="light">{t('clarification')}</Badge>}
        </Group>
      </Group>
      <Text size="xs" c="gray.7">
        {formatDateTime(a.createdAt, locale)}
        {a.editedAt ? ` · ${t('editedAt', { date: formatDateTime(a.editedAt, locale) })}` : ''}
      </Text>
      {editing ? (
        <AnswerForm
          orgCode={a.org.code}
          initial={a}
          pending={edit.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            edit.mutate({ answerId: a.id, body }, { onSuccess: () => setEditing(false), onError: fail })
          }
        />
      ) : (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {a.body}
        </Text>
      )}
      {a.files.length > 0 && (
        <Stack gap={0} mt={4}>
          {a.files.map((f) => (
            <Anchor key={f.id} href={questionFileUrl(q.id, f.id)} size="sm">
              {f.name}
            </Anchor>
          ))}
        </Stack>
      )}
      <Group gap="xs" mt="xs">
        {q.abilities.accept && !a.fromAsker && !a.accepted && (
          <Button
            size="xs"
            variant="light"
            color="teal"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(a.id, {
                onSuccess: () => notifications.show({ color: 'teal', message: t('acceptedNotice') }),
                onError: fail,
              })
            }
            data-testid="accept-answer"
          >
            {t('acceptAnswer')}
          </Button>
        )}
        {a.abilities.edit && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('editAnswer')}
          </Button>
        )}
        {a.abilities.delete && (
          <Button size="xs" variant="subtle" color="red" onClick={confirmDelete}>
            {t('deleteAnswer')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The answers of a question, and the form to add one when the actor may. */
export function QuestionThread({ q }: { q: Question }) {
  const { t } = useI18n();
  const post = usePostAnswer(q.id);
  return (
    <Stack gap="sm">
      <Title order={3}>{t('answersTitle')}</Title>
      {q.answers.length === 0 && <EmptyState>{t('noAnswersYet')}</EmptyState>}
      {q.answers.map((a) => (
        <AnswerCard key={a.id} q={q} a={a} />
      ))}
      {q.abilities.answer && q.answerAs && (
        <AnswerForm
          orgCode={q.answerAs.code}
          pending={post.isPending}
          onSubmit={(body, reset) =>
            post.mutate(body, {
              onSuccess: () => {
                reset();
                notifications.show({ color: 'teal', message: t('answerPosted') });
              },
              onError: fail,
            })
          }
        />
      )}
    </Stack>
  );
}
