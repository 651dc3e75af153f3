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
import { notifications } from '@mantine/notifications';
import { type Role, roles } from '../../../shared/contracts/common';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../layout/ui';
import { roleLabel } from '../orgs/org-labels';
import { useAddUserMembership, useRemoveUserMembership, useSetUserActive, useUser } from './api';
import { confirmThen } from './confirm';

export function UserDetailModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const user = useUser(userId);
  const onError = (err: Error) => notifications.show({ color: 'red', message: err.message });
  const setActive = useSetUserActive(userId);
  const removeRole = useRemoveUserMembership(userId);
  const form = useForm<{ orgCode: string; role: Role }>({ initialValues: { orgCode: '', role: 'viewer' } });
  const addRole = useAddUserMembership(userId);
  const submit = (v: { orgCode: string; role: Role }) =>
    addRole.mutate(
      { ...v, orgCode: v.orgCode.trim() },
      {
        onSuccess: () => form.reset(),
        onError: (err) => (err instanceof ApiError ? form.setErrors(err.fieldErrors()) : undefined),
      },
    );
  const u = user.data?.data;
  const abilities = user.data?.abilities;

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
              {/* Nobody disables their own account: the server says so in abilities.disable. */}
              {(u.isActive ? abilities?.disable : abilities?.update) && (
                <Button
                  size="xs"
                  variant="light"
                  color={u.isActive ? 'red' : 'green'}
                  loading={setActive.isPending}
                  onClick={() =>
                    u.isActive
                      ? confirmThen(
                          t,
                          { title: t('disable'), text: t('disableConfirm', { name: u.name }) },
                          () => setActive.mutate(false, { onError }),
                        )
                      : setActive.mutate(true, { onError })
                  }
                >
                  {u.isActive ? t('disable') : t('enable')}
                </Button>
              )}
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
                    {abilities?.removeMembership && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('delete')}: ${m.org.name}`}
                        onClick={() =>
                          confirmThen(
                            t,
                            {
                              title: t('delete'),
                              text: t('removeUserConfirm', { role: t(roleLabel(m.role)), name: u.name }),
                            },
                            () => removeRole.mutate(m.id, { onError }),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {abilities?.addMembership && (
            <form onSubmit={form.onSubmit(submit)} noValidate>
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
                  data={roles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
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
          )}
        </Stack>
      )}
    </Modal>
  );
}
