import {
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useFramework } from '../features/assessments/use-framework';
import { ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { useAddVisitFile, useDeleteVisit, useVisit } from '../features/visits/api';
import { MentorAccessCard } from '../features/visits/mentor-access';
import { ObligationBadge } from '../features/visits/obligation-badge';
import { VisitForm } from '../features/visits/visit-form';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function VisitPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const q = useVisit(id);
  const fw = useFramework(q.data?.data.frameworkId);
  const remove = useDeleteVisit(id);
  const addFile = useAddVisitFile(id);
  const onError = (e: Error) => notifications.show({ color: 'red', message: e.message });
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const { data: v, abilities } = q.data;
  const upload = (file: File | null) => file && addFile.mutate(file, { onError });
  const indName = (n: number) => {
    const i = fw.data?.indicators.find((x) => x.number === n);
    return i ? `${n}. ${locale === 'en' ? i.name.en : i.name.id}` : String(n);
  };
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to="/visits">
              {t('visitsTitle')}
            </Anchor>
          </Text>
          <Title order={2}>
            {v.visitor.name} → {v.host.name}
          </Title>
          <Group gap="xs">
            <Text size="sm">
              {formatDate(v.startDate, locale)} – {formatDate(v.endDate, locale)}
            </Text>
            <SampleBadge show={v.isSample} />
          </Group>
        </div>
        <Group gap="xs">
          {abilities.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          )}
          {abilities.delete && (
            <Button
              color="red"
              variant="light"
              onClick={() =>
                modals.openConfirmModal({
                  title: t('delete'),
                  children: <Text size="sm">{t('confirmDeleteVisit')}</Text>,
                  labels: { confirm: t('delete'), cancel: t('cancel') },
                  confirmProps: { color: 'red' },
                  onConfirm: () =>
                    remove.mutate(undefined, { onSuccess: () => navigate('/visits'), onError }),
                })
              }
            >
              {t('delete')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('followUpDue')}
          </Text>
          <ObligationBadge obligation={v.obligation} testId="obligation" />
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('programme')}
          </Text>
          <Text size="sm">{v.programme?.name ?? t('noProgramme')}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('visitorOrg')}
          </Text>
          <Anchor component={Link} to={`/orgs/${v.visitor.code}`} size="sm">
            {v.visitor.name}
          </Anchor>
        </Card>
      </SimpleGrid>
      <MentorAccessCard visit={v} abilities={abilities} />
      <Card withBorder>
        <Text fw={600}>{t('delegation')}</Text>
        {v.delegates.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Table fz="sm">
            <Table.Tbody>
              {v.delegates.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.position}</Table.Td>
                  <Table.Td translate="no">{d.role}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Text fw={600}>{t('indicatorsStudied')}</Text>
        <List size="sm">
          {v.indicators.map((n) => (
            <List.Item key={n}>{indName(n)}</List.Item>
          ))}
        </List>
        {v.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {v.notes}
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between">
          <Text fw={600}>{t('photosDocs')}</Text>
          {abilities.manageFiles && (
            <FileButton onChange={upload} accept="application/pdf,image/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx">
              {(p) => (
                <Button {...p} size="xs" variant="light" loading={addFile.isPending}>
                  {t('addFile')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <List size="sm">
          {v.files.map((f) => (
            <List.Item key={f.id}>
              <Anchor href={`/api/v1/evidence/${f.id}/download`}>{f.name}</Anchor>
            </List.Item>
          ))}
        </List>
      </Card>
      {editing && <VisitForm opened visit={v} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
