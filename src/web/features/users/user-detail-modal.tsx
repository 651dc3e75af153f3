import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../layout/ui';
import { roleLabel } from '../orgs/org-labels';

type UserDetail = {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  isSample: boolean;
  memberships: Me['memberships'];
};
const allRoles = [
  'platform_admin',
  'national_supervisor',
  'province_supervisor',
  'body_admin',
  'leader',
  'operator',
  'viewer',
  'mentor',
];

export function UserDetailModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const user = useQuery({
    queryKey: ['user', userId],
    queryFn: async () => (await api<{ data: UserDetail }>(`/users/${userId}`)).data,
    enabled: Boolean(userId),
  });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['user', userId] });
    qc.invalidateQueries({ queryKey: ['users'] });
  };
  const onError = (err: Error) => notifications.show({ color: 'red', message: err.message });
  const setActive = useMutation({
    mutationFn: (isActive: boolean) => api(`/users/${userId}`, { method: 'PATCH', body: { isActive } }),
    onSuccess: refresh,
    onError,
  });
  const removeRole = useMutation({
    mutationFn: (membershipId: string) =>
      api(`/users/${userId}/memberships/${membershipId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError,
  });
  const form = useForm({ initialValues: { orgCode: '', role: 'viewer' } });
  const addRole = useMutation({
    mutationFn: (v: { orgCode: string; role: string }) =>
      api(`/users/${userId}/memberships`, { method: 'POST', body: { ...v, orgCode: v.orgCode.trim() } }),
    onSuccess: () => {
      form.reset();
      refresh();
    },
    onError: (err) => (err instanceof ApiError ? form.setErrors(err.fieldErrors()) : undefined),
  });
  const u = user.data;

  return (
    <Modal opened={Boolean(userId)} onClose={onClose} title={u?.name ?? ''} size="lg">
      {user.isPending && <Loading />}
      {user.isError && <ErrorNotice error={user.error} />}
      {u && (
        <Stack>
          <Group justify="space-between">
            <Text size="sm">{u.email}</Text>
            <Group gap="xs">
              <Badge color={u.isActive ? 'green' : 'gray'}>{u.isActive ? t('active') : t('disabled')}</Badge>
              <Button
                size="xs"
                variant="light"
                color={u.isActive ? 'red' : 'green'}
                loading={setActive.isPending}
                onClick={() =>
                  u.isActive
                    ? modals.openConfirmModal({
                        title: t('disable'),
                        children: t('disableConfirm', { name: u.name }),
                        labels: { confirm: t('confirm'), cancel: t('cancel') },
                        confirmProps: { color: 'red' },
                        onConfirm: () => setActive.mutate(false),
                      })
                    : setActive.mutate(true)
                }
              >
                {u.isActive ? t('disable') : t('enable')}
              </Button>
            </Group>
          </Group>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('body')}</Table.Th>
                <Table.Th>{t('role')}</Table.Th>
                <Table.Th aria-label={t('delete')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {u.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {m.org.code} {m.org.name}
                  </Table.Td>
                  <Table.Td>{t(roleLabel(m.role))}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('delete')}: ${m.org.name}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: t('delete'),
                          children: t('removeUserConfirm', { role: t(roleLabel(m.role)), name: u.name }),
                          labels: { confirm: t('confirm'), cancel: t('cancel') },
                          confirmProps: { color: 'red' },
                          onConfirm: () => removeRole.mutate(m.id),
                        })
                      }
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <form onSubmit={form.onSubmit((v) => addRole.mutate(v))} noValidate>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('bodyCode')}
                placeholder="32.11"
                required
                {...form.getInputProps('orgCode')}
                w={140}
              />
              <Select
                label={t('role')}
                data={allRoles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
                {...form.getInputProps('role')}
                w={240}
              />
              <Button type="submit" loading={addRole.isPending}>
                {t('addRole')}
              </Button>
            </Group>
            {addRole.error && (
              <Alert color="red" mt="sm">
                {addRole.error.message}
              </Alert>
            )}
          </form>
        </Stack>
      )}
    </Modal>
  );
}
