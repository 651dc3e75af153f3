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
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { Invitation, OrgUser } from '../../api/types';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/use-auth';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../layout/ui';
import { roleLabel } from '../orgs/org-labels';

/** Roles that can be given in this body; the server enforces the same rule (roleGrantProblem). */
function grantableRoles(platformAdmin: boolean, isHost: boolean, orgType: string): string[] {
  const roles = ['body_admin', 'leader', 'operator', 'viewer'];
  if (isHost) roles.push('mentor');
  if (platformAdmin) {
    if (orgType === 'province') roles.push('province_supervisor');
    if (orgType === 'ministry' || orgType === 'agency') roles.push('national_supervisor');
    roles.push('platform_admin');
  }
  return roles;
}

export function OrgUsersPanel({ code, isHost, orgType }: { code: string; isHost: boolean; orgType: string }) {
  const { t, locale } = useI18n();
  const me = useMe().data!;
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['org', code, 'users'],
    queryFn: () => api<{ data: OrgUser[]; abilities: { manage: boolean } }>(`/orgs/${code}/users`),
  });
  const manage = users.data?.abilities.manage ?? false;
  const invitations = useQuery({
    queryKey: ['org', code, 'invitations'],
    queryFn: async () => (await api<{ data: Invitation[] }>(`/orgs/${code}/invitations`)).data,
    enabled: manage,
  });
  const roleOptions = grantableRoles(me.abilities.manageUsers, isHost, orgType).map((r) => ({
    value: r,
    label: t(roleLabel(r)),
  }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['org', code] });
  const onError = (err: Error) => notifications.show({ color: 'red', message: err.message });

  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: string }) =>
      api(`/orgs/${code}/memberships/${id}`, { method: 'PATCH', body: { role } }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('saved') });
      refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/orgs/${code}/memberships/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/orgs/${code}/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError,
  });
  const form = useForm({ initialValues: { email: '', role: 'operator' } });
  const invite = useMutation({
    mutationFn: (v: { email: string; role: string }) =>
      api<{ delivery: string }>(`/orgs/${code}/invitations`, { method: 'POST', body: v }),
    onSuccess: (res, v) => {
      notifications.show({ color: 'green', message: t('inviteSent', { email: v.email }) });
      if (res.delivery === 'stored') notifications.show({ color: 'orange', message: t('inviteStored') });
      form.reset();
      refresh();
    },
    onError: (err) => (err instanceof ApiError ? form.setErrors(err.fieldErrors()) : undefined),
  });

  const confirmRemove = (u: OrgUser) =>
    modals.openConfirmModal({
      title: t('delete'),
      children: t('removeUserConfirm', { role: t(roleLabel(u.role)), name: u.name }),
      labels: { confirm: t('confirm'), cancel: t('cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(u.membershipId),
    });

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('users')}
      </Title>
      {users.isPending && <Loading />}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => users.refetch()} />}
      {users.data && users.data.data.length === 0 && <EmptyState />}
      {users.data && users.data.data.length > 0 && (
        <div className="table-scroll">
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
                          role && role !== u.role && changeRole.mutate({ id: u.membershipId, role })
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
        </div>
      )}
      {manage && (
        <Card withBorder>
          <Title order={4} size="h5" mb="sm">
            {t('invite')}
          </Title>
          <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
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
                      modals.openConfirmModal({
                        title: t('revoke'),
                        children: t('revokeConfirm', { email: i.email }),
                        labels: { confirm: t('confirm'), cancel: t('cancel') },
                        onConfirm: () => revoke.mutate(i.id),
                      })
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
