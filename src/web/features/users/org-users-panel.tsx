import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Role } from '../../../shared/contracts/common';
import type { OrgUser } from '../../../shared/contracts/users';
import { ApiError } from '../../api/client';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../layout/ui';
import { roleLabel } from '../orgs/org-labels';
import {
  useChangeRole,
  useInvite,
  useOrgInvitations,
  useOrgUsers,
  useRemoveMembership,
  useRevokeInvitation,
} from './api';
import { confirmThen } from './confirm';

export function OrgUsersPanel({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const users = useOrgUsers(code);
  const manage = users.data?.abilities.manage ?? false;
  const invitations = useOrgInvitations(code, manage);
  // The roles offered are the server's answer (orgs.policy grantableRoles), never a copy of the rule.
  const roleOptions = (users.data?.abilities.grantableRoles ?? []).map((r) => ({
    value: r,
    label: t(roleLabel(r)),
  }));
  const onError = (err: Error) => notifications.show({ color: 'red', message: err.message });

  const changeRole = useChangeRole(code);
  const remove = useRemoveMembership(code);
  const revoke = useRevokeInvitation(code);
  const form = useForm<{ email: string; role: Role }>({ initialValues: { email: '', role: 'operator' } });
  const invite = useInvite(code);
  const submitInvite = (v: { email: string; role: Role }) =>
    invite.mutate(v, {
      onSuccess: (res) => {
        notifications.show({ color: 'green', message: t('inviteSent', { email: v.email }) });
        if (res.delivery === 'stored') notifications.show({ color: 'orange', message: t('inviteStored') });
        form.reset();
      },
      onError: (err) => (err instanceof ApiError ? form.setErrors(err.fieldErrors()) : undefined),
    });

  const confirmRemove = (u: OrgUser) =>
    confirmThen(
      t,
      { title: t('delete'), text: t('removeUserConfirm', { role: t(roleLabel(u.role)), name: u.name }) },
      () => remove.mutate(u.membershipId, { onError }),
    );

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('users')}
      </Title>
      {users.isPending && <Loading />}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => users.refetch()} />}
      {users.data && users.data.data.length === 0 && <EmptyState />}
      {users.data && users.data.data.length > 0 && (
        <TableScroll>
          <Table data-testid="org-users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('email')}</Table.Th>
                <Table.Th>{t('role')}</Table.Th>
                <Table.Th>{t('lastLogin')}</Table.Th>
                {manage && <Table.Th aria-label={t('edit')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.data.map((u) => (
                <Table.Tr key={u.membershipId}>
                  <Table.Td>
                    <Group gap={4}>
                      {u.name}
                      {!u.isActive && (
                        <Badge size="xs" color="gray">
                          {t('inactive')}
                        </Badge>
                      )}
                      <SampleBadge show={u.isSample} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    {manage && roleOptions.some((r) => r.value === u.role) ? (
                      <Select
                        size="xs"
                        aria-label={`${t('changeRole')}: ${u.name}`}
                        value={u.role}
                        data={roleOptions}
                        onChange={(role) =>
                          role &&
                          role !== u.role &&
                          changeRole.mutate(
                            { id: u.membershipId, role: role as Role },
                            {
                              onSuccess: () => notifications.show({ color: 'green', message: t('saved') }),
                              onError,
                            },
                          )
                        }
                        w={220}
                      />
                    ) : (
                      t(roleLabel(u.role))
                    )}
                  </Table.Td>
                  <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('never')}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('delete')}: ${u.name}`}
                        onClick={() => confirmRemove(u)}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {manage && (
        <Card withBorder>
          <Title order={4} size="h5" mb="sm">
            {t('invite')}
          </Title>
          <form onSubmit={form.onSubmit(submitInvite)} noValidate>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('email')}
                type="email"
                required
                {...form.getInputProps('email')}
                style={{ flex: '1 1 220px' }}
              />
              <Select label={t('role')} data={roleOptions} {...form.getInputProps('role')} w={240} />
              <Button type="submit" loading={invite.isPending}>
                {t('invite')}
              </Button>
            </Group>
            {invite.error &&
              !(invite.error instanceof ApiError && invite.error.code === 'VALIDATION_FAILED') && (
                <Alert color="red" mt="sm">
                  {invite.error.message}
                </Alert>
              )}
          </form>
          {invitations.data && invitations.data.length > 0 && (
            <Stack gap="xs" mt="md">
              <Text fw={600} size="sm">
                {t('pendingInvitations')}
              </Text>
              {invitations.data.map((i) => (
                <Group key={i.id} justify="space-between" wrap="wrap">
                  <Text size="sm">
                    {i.email} · {t(roleLabel(i.role))} · {t('expires')} {formatDateTime(i.expiresAt, locale)}
                  </Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      confirmThen(
                        t,
                        { title: t('revoke'), text: t('revokeConfirm', { email: i.email }), danger: false },
                        () => revoke.mutate(i.id, { onError }),
                      )
                    }
                  >
                    {t('revoke')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
