import { Alert, Button, Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { addableOrgTypes } from '../../../shared/contracts/common';
import type { OrgDetail } from '../../../shared/contracts/orgs';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { confirmThen } from '../users/confirm';
import { useCreateOrg, useDeleteOrg, useUpdateOrg } from './api';
import { orgTypeLabel } from './org-labels';

type OrgFields = {
  code: string;
  name: string;
  type: string;
  isMember: boolean;
  memberSince: string;
  isHost: boolean;
};

function MembershipFields({ form }: { form: ReturnType<typeof useForm<OrgFields>> }) {
  const { t } = useI18n();
  return (
    <>
      <Checkbox label={t('isMember')} {...form.getInputProps('isMember', { type: 'checkbox' })} />
      {form.values.isMember && (
        <TextInput type="date" label={t('memberSince')} {...form.getInputProps('memberSince')} />
      )}
      <Checkbox label={t('isHost')} {...form.getInputProps('isHost', { type: 'checkbox' })} />
    </>
  );
}

export function CreateOrgButton() {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const form = useForm<OrgFields>({
    initialValues: { code: '', name: '', type: 'ministry', isMember: false, memberSince: '', isHost: false },
  });
  const create = useCreateOrg();
  const submit = (v: OrgFields) =>
    create.mutate(
      {
        ...v,
        code: v.code.trim().toUpperCase(),
        memberSince: v.isMember && v.memberSince ? v.memberSince : null,
      },
      {
        onSuccess: (res) => {
          close();
          navigate(`/orgs/${res.data.code}`);
        },
        onError: (err) => err instanceof ApiError && form.setErrors(err.fieldErrors()),
      },
    );
  return (
    <>
      <Button size="sm" onClick={open}>
        {t('addBody')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('addBody')}>
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            {create.error && <Alert color="red">{create.error.message}</Alert>}
            <TextInput label={t('code')} placeholder="KOMDIGI" required {...form.getInputProps('code')} />
            <TextInput label={t('name')} required {...form.getInputProps('name')} />
            <Select
              label={t('type')}
              data={addableOrgTypes.map((v) => ({
                value: v,
                label: t(orgTypeLabel[v]!),
              }))}
              {...form.getInputProps('type')}
            />
            <MembershipFields form={form} />
            <Button type="submit" loading={create.isPending}>
              {t('save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function EditOrgButtons({ org }: { org: OrgDetail['data'] }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const form = useForm<OrgFields>({
    initialValues: {
      code: org.code,
      name: org.name,
      type: org.type,
      isMember: org.isMember,
      memberSince: org.memberSince ?? '',
      isHost: org.isHost,
    },
  });
  const update = useUpdateOrg(org.code);
  const submit = (v: OrgFields) =>
    update.mutate(
      {
        ...(org.isReference ? {} : { name: v.name }),
        isMember: v.isMember,
        memberSince: v.isMember && v.memberSince ? v.memberSince : null,
        isHost: v.isHost,
      },
      {
        onSuccess: () => {
          notifications.show({ message: t('saved'), color: 'green' });
          close();
        },
        onError: (err) => err instanceof ApiError && form.setErrors(err.fieldErrors()),
      },
    );
  const remove = useDeleteOrg(org.code);
  const removeNow = () =>
    remove.mutate(undefined, {
      onSuccess: () => navigate('/orgs', { replace: true }),
      onError: (err) => notifications.show({ color: 'red', message: err.message }),
    });
  const confirmDelete = () =>
    confirmThen(
      t,
      { title: t('deleteBody'), text: t('deleteBodyConfirm', { name: org.name }), confirm: t('delete') },
      removeNow,
    );
  return (
    <>
      <Button size="xs" variant="default" onClick={open}>
        {t('editBody')}
      </Button>
      {!org.isReference && (
        <Button size="xs" color="red" variant="light" onClick={confirmDelete} loading={remove.isPending}>
          {t('deleteBody')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={t('editBody')}>
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            {update.error && <Alert color="red">{update.error.message}</Alert>}
            <TextInput label={t('name')} disabled={org.isReference} {...form.getInputProps('name')} />
            <MembershipFields form={form} />
            <Button type="submit" loading={update.isPending}>
              {t('save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
