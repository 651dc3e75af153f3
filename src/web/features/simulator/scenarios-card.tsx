import { ActionIcon, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Scenario } from '../../../shared/contracts/results';
import { useI18n } from '../../i18n/i18n';
import { EmptyState } from '../layout/ui';
import { useDeleteScenario, useSaveScenario, useScenarios } from '../results/api';
import type { Levels } from './level-grid';

/** Saved what-ifs of a body: its members save the levels and target; author or admin deletes. */
export function ScenariosCard(props: {
  code: string;
  frameworkId: string;
  levels: Levels;
  target: string;
  onLoad: (s: Scenario) => void;
}) {
  const { t } = useI18n();
  const scenarios = useScenarios(props.code, props.frameworkId);
  const saveScenario = useSaveScenario(props.code);
  const remove = useDeleteScenario(props.code);
  const [name, setName] = useState('');
  const save = () =>
    saveScenario.mutate(
      { frameworkId: props.frameworkId, name, levels: props.levels, target: props.target || null },
      {
        onSuccess: () => {
          setName('');
          notifications.show({ color: 'teal', message: t('saved') });
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
      },
    );
  const confirmDelete = (s: Scenario) =>
    modals.openConfirmModal({
      title: t('delete'),
      children: <Text size="sm">{s.name}</Text>,
      labels: { confirm: t('delete'), cancel: t('cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(s.id),
    });

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('scenarios')}
        </Text>
        {scenarios.data?.abilities.create && (
          <Group gap="xs" align="end">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={t('scenarioName')}
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button size="xs" disabled={!name.trim()} loading={saveScenario.isPending} onClick={save}>
              {t('saveScenario')}
            </Button>
          </Group>
        )}
        {scenarios.data?.data.length === 0 && <EmptyState>{t('noScenarios')}</EmptyState>}
        {scenarios.data?.data.map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {s.name}
              {s.target ? ` → ${s.target}` : ''}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" variant="subtle" onClick={() => props.onLoad(s)}>
                {t('load')}
              </Button>
              {s.abilities.delete && (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`${t('delete')} ${s.name}`}
                  onClick={() => confirmDelete(s)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
