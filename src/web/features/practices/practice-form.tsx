import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type Practice,
  type PracticeBody,
  type PracticeStatus,
  type PracticeType,
  practiceBodySchema,
  practiceCreateSchema,
  practiceStatuses,
  practiceTypes,
} from '../../../shared/contracts/practices';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useHostMentors, useSavePractice } from './api';
import { readableDescription } from './badges';
import { IndicatorPicker } from './indicator-picker';
import { LockerFilesField } from './locker-files-field';
import { serverFieldErrors, zodErrors } from './zod-form';

type Values = {
  hostCode: string;
  title: string;
  summary: string;
  problem: string;
  type: PracticeType;
  frameworkId: string;
  indicators: { indicator: number; level: number }[];
  withSource: boolean;
  sourceCode: { repoUrl: string; license: string; stack: string };
  prerequisites: string;
  effort: string;
  durationWeeks: number | string;
  contactUserIds: string[];
  fileIds: string[];
  status: PracticeStatus;
};

function fromPractice(p: Practice | undefined, hostCode: string): Values {
  return {
    hostCode: p?.host.code ?? hostCode,
    title: p?.title ?? '',
    summary: p?.summary ?? '',
    problem: p?.problem ?? '',
    type: p?.type ?? 'application',
    // A new practice: the indicator picker fills in the current evaluation year's framework.
    frameworkId: p?.frameworkId ?? '',
    indicators: p?.indicators ?? [{ indicator: 0, level: 3 }],
    withSource: !!p?.sourceCode,
    sourceCode: p?.sourceCode ?? { repoUrl: '', license: '', stack: '' },
    prerequisites: p?.prerequisites ?? '',
    effort: p?.effort ?? '',
    durationWeeks: p?.durationWeeks ?? '',
    contactUserIds: p?.contacts.map((c) => c.id) ?? [],
    fileIds: p?.files.map((f) => f.id) ?? [],
    status: p?.status ?? 'published',
  };
}

function toBody(v: Values, version: number | undefined): PracticeBody {
  return {
    title: v.title,
    summary: v.summary,
    problem: v.problem,
    type: v.type,
    frameworkId: v.frameworkId,
    indicators: v.indicators,
    sourceCode: v.withSource ? v.sourceCode : null,
    prerequisites: v.prerequisites,
    effort: v.effort,
    durationWeeks: v.durationWeeks === '' ? null : Number(v.durationWeeks),
    contactUserIds: v.contactUserIds,
    fileIds: v.fileIds,
    status: v.status,
    version,
  };
}

/** Create or edit a practice; validated with the contract's schema, a stale edit shows the 409. */
export function PracticeForm(props: {
  practice?: Practice;
  hosts: { code: string; name: string }[];
  onReload?: () => Promise<Practice | undefined>;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [version, setVersion] = useState(props.practice?.version);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The notice sits above the form; a long form would hide it below the fold.
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [conflict]);
  const editing = !!props.practice;
  const form = useForm<Values>({
    initialValues: fromPractice(props.practice, props.hosts[0]?.code ?? ''),
    validate: (v) =>
      editing
        ? zodErrors(practiceBodySchema, toBody(v, version))
        : zodErrors(practiceCreateSchema, { ...toBody(v, undefined), hostCode: v.hostCode }),
  });
  const mentors = useHostMentors(form.values.hostCode);
  const save = useSavePractice(props.practice?.id);
  const submit = form.onSubmit(
    (v) => {
      const body = editing ? toBody(v, version) : { ...toBody(v, undefined), hostCode: v.hostCode };
      save.mutate(body, {
        onSuccess: (p) => {
          notifications.show({
            color: 'teal',
            message: p.status === 'published' ? t('practicePublished') : t('practiceSaved'),
          });
          navigate(`/practices/${p.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict(true);
          else form.setErrors(serverFieldErrors(e));
        },
      });
    },
    () => {
      notifications.show({ color: 'red', message: t('fixErrors') });
      // Bring the first marked field into view and focus it.
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>(
          'form [data-error="true"], form [aria-invalid="true"]',
        );
        first?.scrollIntoView({ block: 'center' });
        first?.focus({ preventScroll: true });
      });
    },
  );
  const reload = async () => {
    const latest = await props.onReload?.();
    if (!latest) return;
    form.setValues(fromPractice(latest, latest.host.code));
    setVersion(latest.version);
    setConflict(false);
    save.reset();
  };
  const contactOptions = new Map(
    (props.practice?.contacts ?? []).map((c) => [c.id, `${c.name} (${c.email})`]),
  );
  for (const u of mentors.data ?? []) contactOptions.set(u.userId, `${u.name} (${u.email})`);
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={880}>
        {conflict && (
          <Alert
            color="orange"
            title={t('practiceConflictTitle')}
            role="alert"
            data-testid="practice-conflict"
          >
            <Stack gap="xs" align="start">
              {t('practiceConflictText')}
              <Button size="xs" variant="white" color="orange" onClick={reload}>
                {t('loadLatest')}
              </Button>
            </Stack>
          </Alert>
        )}
        {save.error && !conflict && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {!editing && props.hosts.length > 1 && (
          <Select
            label={t('practiceHostBody')}
            required
            allowDeselect={false}
            data={props.hosts.map((h) => ({ value: h.code, label: h.name }))}
            {...form.getInputProps('hostCode')}
          />
        )}
        <TextInput label={t('titleLabel')} required {...form.getInputProps('title')} />
        <Select
          label={t('practiceType')}
          required
          allowDeselect={false}
          data={practiceTypes.map((v) => ({ value: v, label: t(`ptype_${v}`) }))}
          {...form.getInputProps('type')}
        />
        <Textarea
          label={t('summaryLabel')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('summary')}
        />
        <Textarea label={t('problemLabel')} autosize minRows={3} {...form.getInputProps('problem')} />
        <IndicatorPicker form={form} />
        <Checkbox label={t('hasSourceCode')} {...form.getInputProps('withSource', { type: 'checkbox' })} />
        {form.values.withSource && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('repoUrl')}
              type="url"
              required
              {...form.getInputProps('sourceCode.repoUrl')}
            />
            <TextInput
              label={t('licence')}
              description={t('licenceHint')}
              styles={readableDescription}
              required
              {...form.getInputProps('sourceCode.license')}
            />
            <TextInput label={t('stack')} {...form.getInputProps('sourceCode.stack')} />
          </SimpleGrid>
        )}
        <Textarea label={t('prerequisites')} autosize minRows={2} {...form.getInputProps('prerequisites')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('effort')} {...form.getInputProps('effort')} />
          <NumberInput
            label={t('durationWeeks')}
            min={1}
            max={520}
            {...form.getInputProps('durationWeeks')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('contactMentors')}
          searchable
          data={[...contactOptions].map(([value, label]) => ({ value, label }))}
          {...form.getInputProps('contactUserIds')}
        />
        {form.values.hostCode && (
          <LockerFilesField
            orgCode={form.values.hostCode}
            label={t('lockerFiles')}
            known={props.practice?.files}
            value={form.values.fileIds}
            onChange={(ids) => form.setFieldValue('fileIds', ids)}
            error={form.errors.fileIds as string | undefined}
          />
        )}
        <Radio.Group label={t('publishStatus')} {...form.getInputProps('status')}>
          <Group mt={4}>
            {practiceStatuses
              .filter((s) => s !== 'archived' || editing)
              .map((s) => (
                <Radio key={s} value={s} label={t(`pstatus_${s}`)} />
              ))}
          </Group>
        </Radio.Group>
        <Group justify="end">
          <Button variant="default" onClick={() => navigate(-1)}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-practice">
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
