import { Anchor, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAssessments, useCreateAssessment } from '../features/assessments/api';
import { CalibrationPanel } from '../features/assessments/calibration-panel';
import { HistoryPanel } from '../features/assessments/history-panel';
import { OfficialResultsPanel } from '../features/assessments/official-results-panel';
import { StatusBadge } from '../features/assessments/status-badge';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function AssessmentsPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const org = useOrg(code);
  const list = useAssessments(code);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [yearError, setYearError] = useState<string>();
  const createAssessment = useCreateAssessment(code);
  const create = () =>
    createAssessment.mutate(year, {
      onSuccess: (r) => navigate(`/assessments/${r.data.id}`),
      onError: (e) => {
        if (e instanceof ApiError) setYearError(e.fieldErrors().year);
        notifications.show({ color: 'red', message: e.message });
      },
    });
  if (list.isPending || org.isPending) return <Loading />;
  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />;
  if (org.isError) return <ErrorNotice error={org.error} onRetry={() => org.refetch()} />;
  const rows = list.data.data;
  const latestYear = rows[0]?.year;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/orgs/${code}`}>
              {org.data.data.name}
            </Anchor>
          </Text>
          <Title order={2}>{t('assessmentsTitle')}</Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('assessmentsIntro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/orgs/${code}/compare`} variant="light">
            {t('compare')}
          </Button>
          <Button component={Link} to={`/orgs/${code}/simulator`} variant="light">
            {t('simulator')}
          </Button>
        </Group>
      </Group>
      {list.data.abilities.create && (
        <Group align="end" gap="xs">
          <NumberInput
            label={t('year')}
            value={year}
            onChange={setYear}
            min={2018}
            max={new Date().getFullYear() + 1}
            w={120}
            error={yearError}
          />
          <Button onClick={create} loading={createAssessment.isPending} data-testid="create-assessment">
            {t('newAssessment')}
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t('noAssessments')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <Table striped data-testid="assessment-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('framework')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('index')}</Table.Th>
                <Table.Th>{t('answered')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.year}</Table.Td>
                  <Table.Td>{a.framework.id}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={a.status} />
                      <SampleBadge show={a.isSample} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {a.index === null ? '—' : `${a.index.toFixed(2)} ${a.predicate}`}
                    {a.answered < a.total ? '*' : ''}
                  </Table.Td>
                  <Table.Td>
                    {a.answered}/{a.total}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/assessments/${a.id}`}>
                      {t('open')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <HistoryPanel code={code} />
      <OfficialResultsPanel code={code} />
      {latestYear && <CalibrationPanel code={code} year={latestYear} />}
    </Stack>
  );
}
