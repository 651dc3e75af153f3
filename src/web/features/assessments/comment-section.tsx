import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { useAddComment } from './api';

export function CommentSection(props: { assessmentId: string; item: AssessmentItem; canComment: boolean }) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const add = useAddComment(props.assessmentId, props.item.indicator);
  const send = () =>
    add.mutate(body, {
      onSuccess: () => setBody(''),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  if (!props.item.comments.length && !props.canComment) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('comments')}
      </Text>
      {props.item.comments.map((c) => (
        <Paper key={c.id} withBorder p="xs" data-testid="comment">
          <Text size="xs" c="dimmed">
            {c.author ?? '—'} · {formatDateTime(c.createdAt, locale)} · {t('round', { round: c.round })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Paper>
      ))}
      {props.canComment && (
        <Group align="end" gap="xs">
          <Textarea
            style={{ flex: 1 }}
            size="xs"
            autosize
            minRows={1}
            aria-label={t('addComment')}
            placeholder={t('commentPlaceholder')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button size="xs" disabled={!body.trim()} loading={add.isPending} onClick={send}>
            {t('send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
