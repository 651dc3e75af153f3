import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ActionItem } from '../../../shared/contracts/plans';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { useAddComment, useItemHistory } from './api';

/** An item's comments (with a box for those who may comment) and its field-by-field history. */
export function ItemActivity(props: { planId: string; item: ActionItem }) {
  const { t, locale } = useI18n();
  const [comment, setComment] = useState('');
  const history = useItemHistory(props.planId, props.item.id);
  const addComment = useAddComment(props.planId, props.item.id);
  if (!history.data) return null;
  const send = () =>
    addComment.mutate(comment, {
      onSuccess: () => setComment(''),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('comments')}
      </Text>
      {history.data.comments.map((c) => (
        <Text key={c.id} size="sm">
          <b>{c.author ?? '—'}</b> · {formatDateTime(c.createdAt, locale)}: {c.body}
        </Text>
      ))}
      {props.item.abilities.comment && (
        <Group gap="xs" align="end">
          <TextInput
            style={{ flex: 1 }}
            size="xs"
            aria-label={t('addComment')}
            placeholder={t('addComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Button size="xs" disabled={!comment.trim()} loading={addComment.isPending} onClick={send}>
            {t('send')}
          </Button>
        </Group>
      )}
      <Text fw={600} size="sm" mt="sm">
        {t('changeHistory')}
      </Text>
      <Table fz="xs">
        <Table.Tbody>
          {history.data.changes.map((h) => (
            <Table.Tr key={h.at}>
              <Table.Td>{formatDateTime(h.at, locale)}</Table.Td>
              <Table.Td>{h.user ?? '—'}</Table.Td>
              <Table.Td>
                {Object.entries(h.changes)
                  .map(([k, v]) => `${k}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`)
                  .join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
