import { Anchor, Badge, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { roles } from '../../shared/contracts/common';
import { RequireAbility } from '../features/auth/require-ability';
import { PagedQuery, SampleBadge } from '../features/layout/ui';
import { roleLabel } from '../features/orgs/org-labels';
import { useUsers } from '../features/users/api';
import { UserDetailModal } from '../features/users/user-detail-modal';
import { formatDateTime, useI18n } from '../i18n/i18n';

function UsersAdminPageContent() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const query = { q: debounced, role, active, page, pageSize: 25 };
  const list = useUsers(query);
  return (
    <Stack>
      <Title order={2}>{t('usersTitle')}</Title>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('role')}
          clearable
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          data={roles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
          w={240}
        />
        <Select
          label={t('status')}
          clearable
          value={active}
          onChange={(v) => {
            setActive(v);
            setPage(1);
          }}
          data={[
            { value: 'true', label: t('active') },
            { value: 'false', label: t('disabled') },
          ]}
          w={150}
        />
      </Group>
      <PagedQuery query={list} onPage={setPage}>
        {(data) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('email')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Group gap={4}>
                      <Anchor component="button" type="button" onClick={() => setSelected(u.id)}>
                        {u.name}
                      </Anchor>
                      <SampleBadge show={u.isSample} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    <Badge color={u.isActive ? 'green' : 'gray'} variant="light">
                      {u.isActive ? t('active') : t('disabled')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t('never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedQuery>
      <UserDetailModal userId={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

export default function UsersAdminPage() {
  return (
    <RequireAbility ability="manageUsers">
      <UsersAdminPageContent />
    </RequireAbility>
  );
}
