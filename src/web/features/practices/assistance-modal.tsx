import { Button, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { assistanceCreateSchema } from '../../../shared/contracts/assistance';
import { useI18n } from '../../i18n/i18n';
import { useRequestAssistance } from './api';
import { FormModal } from './form-modal';
import { zodErrors } from './zod-form';

/** Ask a host for technical assistance with a practice or one replication of it. */
export function AssistanceModal(props: {
  hostCode: string;
  practiceId?: string;
  adoptionId?: string;
  bodies: { code: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const form = useForm({
    initialValues: { orgCode: props.bodies[0]?.code ?? '', topic: '', description: '' },
    validate: (v) =>
      zodErrors(assistanceCreateSchema, {
        hostCode: props.hostCode,
        topic: v.topic,
        description: v.description,
      }),
  });
  const send = useRequestAssistance(form.values.orgCode);
  const submit = form.onSubmit((v) =>
    send.mutate(
      {
        hostCode: props.hostCode,
        practiceId: props.practiceId,
        adoptionId: props.adoptionId,
        topic: v.topic,
        description: v.description,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('assistanceSent') });
          props.onClose();
        },
      },
    ),
  );
  return (
    <FormModal
      title={t('requestAssistance')}
      onClose={props.onClose}
      onSubmit={submit}
      alert={send.error?.message}
    >
      {props.bodies.length > 1 && (
        <Select
          label={t('adoptingBody')}
          data={props.bodies.map((b) => ({ value: b.code, label: b.name }))}
          allowDeselect={false}
          {...form.getInputProps('orgCode')}
        />
      )}
      <TextInput label={t('assistanceTopic')} required {...form.getInputProps('topic')} />
      <Textarea
        label={t('assistanceDescription')}
        autosize
        minRows={3}
        {...form.getInputProps('description')}
      />
      <Group justify="end">
        <Button variant="default" onClick={props.onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={send.isPending}>
          {t('requestAssistance')}
        </Button>
      </Group>
    </FormModal>
  );
}
