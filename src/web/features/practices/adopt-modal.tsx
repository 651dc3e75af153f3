import { Anchor, Button, Checkbox, Group, Select, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { adoptionCreateSchema } from '../../../shared/contracts/adoptions';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { usePlans } from '../plans/api';
import { useAdopt } from './api';
import { readableDescription } from './badges';
import { FormModal } from './form-modal';
import { zodErrors } from './zod-form';

type Values = { orgCode: string; note: string; createItems: boolean; planId: string | null };

/** Adopt a practice for one of the user's bodies; opens the new replication afterwards. */
export function AdoptModal(props: {
  practice: { id: string; title: string };
  bodies: { code: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: { orgCode: props.bodies[0]?.code ?? '', note: '', createItems: true, planId: null },
    validate: (v) =>
      zodErrors(adoptionCreateSchema, {
        practiceId: props.practice.id,
        note: v.note,
        createItems: v.createItems,
        planId: v.planId ?? undefined,
      }),
  });
  const code = form.values.orgCode;
  const plans = usePlans(code, form.values.createItems);
  const adopt = useAdopt(code);
  // Already replicating this practice: the answer names the replication to open instead.
  const existing =
    adopt.error instanceof ApiError && adopt.error.code === 'ADOPTION_EXISTS'
      ? (adopt.error.details as { adoptionId?: string } | undefined)?.adoptionId
      : undefined;
  const submit = form.onSubmit((v) =>
    adopt.mutate(
      {
        practiceId: props.practice.id,
        note: v.note,
        createItems: v.createItems,
        planId: v.createItems ? (v.planId ?? undefined) : undefined,
      },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('adopted') });
          props.onClose();
          navigate(`/adoptions/${a.id}`);
        },
      },
    ),
  );
  return (
    <FormModal
      title={t('adoptTitle')}
      onClose={props.onClose}
      onSubmit={submit}
      lead={
        <Text size="sm" fw={600}>
          {props.practice.title}
        </Text>
      }
      alert={
        adopt.error && (
          <>
            {adopt.error.message}
            {existing && (
              <>
                {' '}
                <Anchor component={Link} to={`/adoptions/${existing}`} inherit onClick={props.onClose}>
                  {t('openAdoption')}
                </Anchor>
              </>
            )}
          </>
        )
      }
    >
      {props.bodies.length > 1 && (
        <Select
          label={t('adoptingBody')}
          data={props.bodies.map((b) => ({ value: b.code, label: b.name }))}
          allowDeselect={false}
          {...form.getInputProps('orgCode')}
        />
      )}
      <Textarea label={t('adoptNote')} autosize minRows={2} {...form.getInputProps('note')} />
      <Checkbox
        label={t('createItems')}
        description={t('createItemsHint')}
        styles={readableDescription}
        data-testid="create-items"
        {...form.getInputProps('createItems', { type: 'checkbox' })}
      />
      {form.values.createItems && (plans.data?.data.length ?? 0) > 0 && (
        <Select
          label={t('planLabel')}
          placeholder={t('planAuto')}
          clearable
          data={(plans.data?.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.period} · ${t(`plan_${p.status}`)}`,
          }))}
          {...form.getInputProps('planId')}
        />
      )}
      <Group justify="end">
        <Button variant="default" onClick={props.onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={adopt.isPending} data-testid="confirm-adopt">
          {t('adoptPractice')}
        </Button>
      </Group>
    </FormModal>
  );
}
