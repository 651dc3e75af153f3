import { Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AssessmentDetail, TransitionAction } from '../../../shared/contracts/assessments';
import type { Framework } from '../../../shared/framework/framework-schema';
import { findIndicator } from '../../../shared/framework/score';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { type TransitionBody, useTransition } from './api';

type Action = TransitionAction;

export function WorkflowBar({ detail, framework }: { detail: AssessmentDetail; framework: Framework }) {
  const { t, locale } = useI18n();
  const id = detail.data.id;
  const transition = useTransition(id);
  const [returning, setReturning] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const onError = (e: Error) => {
    const missing =
      e instanceof ApiError && e.code === 'ASSESSMENT_INCOMPLETE'
        ? (e.details as { missing: { levels: number[]; serviceNames: number[]; repeatedServices: number[] } })
            .missing
        : null;
    const empty = missing && (missing.levels.length || missing.serviceNames.length);
    notifications.show({
      color: 'red',
      message: missing
        ? [
            empty
              ? t('incomplete', { levels: missing.levels.length, services: missing.serviceNames.length })
              : '',
            missing.repeatedServices.length
              ? t('incompleteRepeated', { indicators: missing.repeatedServices.join(', ') })
              : '',
          ]
            .filter(Boolean)
            .join(' ')
        : e.message,
    });
  };
  const run = {
    isPending: transition.isPending,
    mutate: (v: { action: Action; body?: TransitionBody }) =>
      transition.mutate(v, {
        onSuccess: () => {
          setReturning(false);
          setChosen([]);
          setTexts({});
        },
        onError,
      }),
  };
  const confirm = (action: Action, text: string) =>
    modals.openConfirmModal({
      title: t('workflow'),
      children: <Text size="sm">{text}</Text>,
      labels: { confirm: t('confirm'), cancel: t('cancel') },
      onConfirm: () => run.mutate({ action }),
    });
  const a = detail.abilities;
  const name = (n: number) => {
    const ind = findIndicator(framework, n);
    return `${n}. ${ind ? (locale === 'en' ? ind.name.en : ind.name.id) : ''}`;
  };
  return (
    <>
      <Group gap="xs">
        {a.submit && (
          <Button onClick={() => confirm('submit', t('confirmSubmit'))} loading={run.isPending}>
            {t('submit')}
          </Button>
        )}
        {a.resubmit && (
          <Button onClick={() => confirm('resubmit', t('confirmSubmit'))} loading={run.isPending}>
            {t('resubmit')}
          </Button>
        )}
        {a.startReview && (
          <Button
            variant="light"
            onClick={() => run.mutate({ action: 'start-review' })}
            loading={run.isPending}
          >
            {t('startReview')}
          </Button>
        )}
        {a.return && (
          <Button variant="light" color="orange" onClick={() => setReturning(true)}>
            {t('returnForRework')}
          </Button>
        )}
        {a.accept && (
          <Button color="teal" onClick={() => confirm('accept', t('confirmAccept'))} loading={run.isPending}>
            {t('accept')}
          </Button>
        )}
      </Group>
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('returnForRework')} size="lg">
        <Stack>
          <Text size="sm">{t('returnIntro')}</Text>
          <MultiSelect
            label={t('chooseIndicators')}
            searchable
            data={framework.indicators.map((i) => ({ value: String(i.number), label: name(i.number) }))}
            value={chosen}
            onChange={setChosen}
          />
          {chosen.map((n) => (
            <Textarea
              key={n}
              label={name(Number(n))}
              required
              autosize
              minRows={2}
              value={texts[n] ?? ''}
              onChange={(e) => setTexts({ ...texts, [n]: e.currentTarget.value })}
            />
          ))}
          <Group justify="end">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="orange"
              disabled={!chosen.length || chosen.some((n) => !texts[n]?.trim())}
              loading={run.isPending}
              onClick={() =>
                run.mutate({
                  action: 'return',
                  body: { comments: chosen.map((n) => ({ indicator: Number(n), body: texts[n]!.trim() })) },
                })
              }
            >
              {t('returnForRework')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
