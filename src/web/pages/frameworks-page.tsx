import { Badge, Button, Card, FileButton, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FrameworkProblem } from '../../shared/contracts/frameworks';
import { ApiError } from '../api/client';
import { useFrameworks, useLoadFramework } from '../features/assessments/api';
import { RequireAbility } from '../features/auth/require-ability';
import { TableScroll } from '../features/layout/table-scroll';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useI18n } from '../i18n/i18n';

export default function FrameworksPage() {
  const { t, locale } = useI18n();
  const list = useFrameworks();
  const loadFramework = useLoadFramework();
  const [problems, setProblems] = useState<FrameworkProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (file: File | null) => {
    if (!file) return;
    setProblems(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setProblems([{ path: file.name, message: t('notJson') }]);
      return;
    }
    setBusy(true);
    try {
      await loadFramework.mutateAsync(json);
      notifications.show({ color: 'teal', message: t('frameworkLoaded') });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FRAMEWORK_INVALID') {
        setProblems((e.details as { problems: FrameworkProblem[] }).problems);
      } else notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <RequireAbility ability="loadFrameworks">
      <Stack>
        <Title order={2}>{t('frameworksTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('frameworksIntro')}
        </Text>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <TableScroll>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ID</Table.Th>
                  <Table.Th>{t('framework')}</Table.Th>
                  <Table.Th>{t('version')}</Table.Th>
                  <Table.Th>{t('indicators')}</Table.Th>
                  <Table.Th>{t('source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.data.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.id}</Table.Td>
                    <Table.Td>
                      {locale === 'en' ? f.name.en : f.name.id}{' '}
                      <Badge size="xs" variant="light">
                        {t(`status_${f.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {f.version}
                      {f.correctsVersion && (
                        <Text size="xs" c="dimmed">
                          {t('frameworkCorrects', { version: f.correctsVersion })}
                        </Text>
                      )}
                      {f.appliesFrom !== null && (
                        <Text size="xs" c="dimmed">
                          {f.appliesUntil !== null
                            ? t('frameworkYears', { from: f.appliesFrom, until: f.appliesUntil })
                            : t('frameworkYearsFrom', { from: f.appliesFrom })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{f.indicatorCount}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{f.source}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="xs">
            {t('frameworkCorrectHelp')}
          </Text>
          <FileButton onChange={load} accept="application/json,.json">
            {(p) => (
              <Button {...p} loading={busy} w="fit-content">
                {t('loadFramework')}
              </Button>
            )}
          </FileButton>
          {problems && (
            <Stack gap={4} mt="sm" role="alert">
              <Text c="red" size="sm">
                {t('frameworkProblems')}
              </Text>
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={`${p.path}-${p.message}`}>
                    <code>{p.path}</code>: {p.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Card>
      </Stack>
    </RequireAbility>
  );
}
