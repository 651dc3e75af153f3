import { Anchor, Button, Group, NumberInput, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAssessments, useCreateAssessment } from '../features/assessments/api';
import { CalibrationPanel } from '../features/assessments/calibration-panel';
import { useFrameworkName, usePredicateLabel } from '../features/assessments/framework-labels';
import { HistoryPanel } from '../features/assessments/history-panel';
import { OfficialResultsPanel } from '../features/assessments/official-results-panel';
import { StatusBadge } from '../features/assessments/status-badge';
import { YearFramework } from '../features/assessments/year-framework';
import { PageHeader } from '../features/layout/page-header';
import { DataTable, ErrorNotice, ListOrEmpty, Loading, SampleBadge } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function AssessmentsPage() {
  const { t } = useI18n();
  const predicateLabel = usePredicateLabel();
  const frameworkName = useFrameworkName();
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
  const latest = rows[0];
  return (
    <Stack>
      <PageHeader
        crumb={{ to: `/orgs/${code}`, label: org.data.data.name }}
        title={t('assessmentsTitle')}
        help={t('assessmentsIntro')}
        helpWidth={640}
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/orgs/${code}/compare`} variant="light">
              {t('compare')}
            </Button>
            <Button component={Link} to={`/orgs/${code}/simulator`} variant="light">
              {t('simulator')}
            </Button>
          </Group>
        }
      />
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
          <YearFramework year={year} />
        </Group>
      )}
      <ListOrEmpty count={rows.length} empty={t('noAssessments')}>
        <DataTable
          data-testid="assessment-list"
          head={[t('year'), t('framework'), t('status'), t('index'), t('answered'), null]}
        >
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.year}</Table.Td>
              <Table.Td>{frameworkName(a.framework.id)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={a.status} />
                  <SampleBadge show={a.isSample} />
                </Group>
              </Table.Td>
              <Table.Td>
                {a.index === null ? '—' : `${a.index.toFixed(2)} ${predicateLabel(a.predicate)}`}
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
        </DataTable>
      </ListOrEmpty>
      <HistoryPanel code={code} />
      <OfficialResultsPanel code={code} />
      {latest && <CalibrationPanel code={code} year={latest.year} framework={latest.framework.id} />}
    </Stack>
  );
}
