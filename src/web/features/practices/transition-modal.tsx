import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import {
  type Adoption,
  type AdoptionStage,
  adoptionTransitionBodies,
} from '../../../shared/contracts/adoptions';
import { useI18n } from '../../i18n/i18n';
import { type TransitionBody, useMoveAdoption, usePractice } from './api';
import { readableDescription } from './badges';
import { FormModal } from './form-modal';
import { LockerUpload } from './locker-upload';
import { useIndicatorName } from './use-indicator-name';
import { serverFieldErrors, zodErrors } from './zod-form';

type Values = {
  note: string;
  mouNumber: string;
  pksNumber: string;
  parties: string[];
  signedOn: string;
  startsOn: string;
  expiresOn: string;
  fileId: string;
  url: string;
  levels: { indicator: number; before: number; after: number }[];
  reason: string;
};

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The body each move records (only the fields that move needs). */
function bodyFor(stage: AdoptionStage, v: Values): TransitionBody<AdoptionStage> {
  switch (stage) {
    case 'agreed':
      return {
        note: v.note,
        agreement: {
          mouNumber: opt(v.mouNumber),
          pksNumber: opt(v.pksNumber),
          parties: v.parties,
          signedOn: v.signedOn,
          startsOn: opt(v.startsOn),
          expiresOn: opt(v.expiresOn),
          fileId: opt(v.fileId),
        },
      };
    case 'live':
      return { note: v.note, url: opt(v.url), fileId: opt(v.fileId) };
    case 'measured':
      return { note: v.note, levels: v.levels };
    case 'dropped':
      return { note: v.note, reason: v.reason };
    default:
      return { note: v.note };
  }
}

// Server and schema paths ("agreement.mouNumber", "body.url") mapped onto the flat form fields.
const flatten = (errors: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [k.replace(/^body\./, '').replace(/^agreement\./, ''), m]),
  );

const levelOptions = ['1', '2', '3', '4', '5'];

/** One move of a replication: a form for what that move records, confirmed when irreversible. */
export function TransitionModal({
  adoption,
  stage,
  onClose,
}: {
  adoption: Adoption;
  stage: AdoptionStage;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const practice = usePractice(stage === 'measured' ? adoption.practice.id : undefined);
  const { name } = useIndicatorName(practice.data?.frameworkId);
  const form = useForm<Values>({
    initialValues: {
      note: '',
      mouNumber: '',
      pksNumber: '',
      parties: [adoption.org.name, adoption.host.name],
      signedOn: '',
      startsOn: '',
      expiresOn: '',
      fileId: '',
      url: '',
      levels: [],
      reason: '',
    },
    validate: (v) => {
      const errors = flatten(zodErrors(adoptionTransitionBodies[stage], bodyFor(stage, v)));
      if (stage === 'measured' && v.levels.some((l) => l.before < 1 || l.after < 1))
        return { ...errors, levels: t('levelsRequired') };
      return errors;
    },
  });
  const indicators = practice.data?.indicators;
  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill once, when the practice arrives
  useEffect(() => {
    if (stage === 'measured' && indicators && form.values.levels.length === 0) {
      form.setFieldValue(
        'levels',
        // Nothing is pre-filled: a measured result must be what the body actually entered.
        indicators.map((i) => ({ indicator: i.indicator, before: 0, after: 0 })),
      );
    }
  }, [indicators]);
  const move = useMoveAdoption(adoption.id);
  const send = (v: Values) =>
    move.mutate(
      { stage, body: bodyFor(stage, v) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('moved', { stage: t(`stage_${stage}`) }) });
          onClose();
        },
        onError: (e) => form.setErrors(flatten(serverFieldErrors(e))),
      },
    );
  const submit = form.onSubmit((v) => {
    // Dropping ends the replication: ask once more before recording it.
    if (stage !== 'dropped') return send(v);
    modals.openConfirmModal({
      title: t('move_dropped'),
      children: <Text size="sm">{t('confirmDrop')}</Text>,
      labels: { confirm: t('move_dropped'), cancel: t('cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => send(v),
    });
  });
  const code = adoption.org.code;
  return (
    <FormModal
      title={t(`move_${stage}`)}
      onClose={onClose}
      onSubmit={submit}
      alert={move.error?.message}
      size="lg"
    >
      {stage === 'agreed' && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mouNumber')} {...form.getInputProps('mouNumber')} />
            <TextInput label={t('pksNumber')} {...form.getInputProps('pksNumber')} />
          </SimpleGrid>
          <TagsInput
            label={t('parties')}
            description={t('partiesHint')}
            styles={readableDescription}
            required
            {...form.getInputProps('parties')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('agreementSignedOn')}
              required
              {...form.getInputProps('signedOn')}
            />
            <TextInput type="date" label={t('startsOn')} {...form.getInputProps('startsOn')} />
            <TextInput type="date" label={t('expiresOn')} {...form.getInputProps('expiresOn')} />
          </SimpleGrid>
          <LockerUpload
            orgCode={code}
            label={t('signedDocument')}
            button={t('uploadSigned')}
            value={form.values.fileId}
            onChange={(id) => form.setFieldValue('fileId', id)}
            error={form.errors.fileId as string | undefined}
          />
        </>
      )}
      {stage === 'live' && (
        <>
          <TextInput type="url" label={t('liveUrl')} {...form.getInputProps('url')} />
          <LockerUpload
            orgCode={code}
            label={t('liveEvidence')}
            button={t('uploadLiveEvidence')}
            value={form.values.fileId}
            onChange={(id) => form.setFieldValue('fileId', id)}
            error={form.errors.fileId as string | undefined}
          />
        </>
      )}
      {stage === 'measured' &&
        form.values.levels.map((l, idx) => (
          <Stack key={l.indicator} gap={4}>
            <Text size="sm" fw={600}>
              {name(l.indicator)}
            </Text>
            <Group gap="xs">
              {(['before', 'after'] as const).map((k) => (
                <Select
                  key={k}
                  label={k === 'before' ? t('levelBefore') : t('levelAfter')}
                  data={levelOptions}
                  allowDeselect={false}
                  required
                  placeholder="—"
                  value={l[k] >= 1 ? String(l[k]) : null}
                  onChange={(v) => form.setFieldValue(`levels.${idx}.${k}`, Number(v ?? 0))}
                  w={130}
                />
              ))}
            </Group>
          </Stack>
        ))}
      {stage === 'measured' && form.errors.levels && (
        <Text size="sm" c="red.8" role="alert">
          {form.errors.levels}
        </Text>
      )}
      {stage === 'dropped' && (
        <Textarea
          label={t('droppedReason')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
      )}
      <Textarea label={t('notes')} autosize minRows={2} {...form.getInputProps('note')} />
      <Group justify="end">
        <Button variant="default" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button
          type="submit"
          color={stage === 'dropped' ? 'red' : undefined}
          loading={move.isPending}
          data-testid="save-move"
        >
          {t(`move_${stage}`)}
        </Button>
      </Group>
    </FormModal>
  );
}
