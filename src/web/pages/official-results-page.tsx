import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useFrameworks, useYearFramework } from '../features/assessments/api';
import { OfficialResultsTable } from '../features/assessments/official-results-table';
import { useMe } from '../features/auth/use-auth';
import { TableScroll } from '../features/layout/table-scroll';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useImportOfficialResults, useNationalResults } from '../features/results/api';
import { useI18n } from '../i18n/i18n';

type Problem = { row: number; field: string; message: string };
type Report =
  | { kind: 'done'; rows: number; created: number; updated: number }
  | { kind: 'invalid'; problems: Problem[]; problemCount: number; rowCount: number }
  | { kind: 'error'; error: unknown };

function ImportCard() {
  const { t, locale } = useI18n();
  const importResults = useImportOfficialResults();
  const frameworks = useFrameworks();
  // By default the framework of the last evaluation year: the results usually imported next.
  const lastYear = useYearFramework(new Date().getFullYear() - 1);
  const [chosen, setChosen] = useState<string | null>(null);
  const framework = chosen ?? lastYear.data?.framework.id ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const run = async () => {
    if (!file || !framework) return;
    setReport(null);
    setProgress(0);
    try {
      const r = await importResults.mutateAsync({ file, framework, onProgress: setProgress });
      setReport({ kind: 'done', ...r.data });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        setReport({
          kind: 'invalid',
          ...(e.details as { problems: Problem[]; problemCount: number; rowCount: number }),
        });
      } else setReport({ kind: 'error', error: e });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('importTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('importIntro')}
        </Text>
        <Select
          label={t('framework')}
          allowDeselect={false}
          data={(frameworks.data?.data ?? []).map((f) => ({ value: f.id, label: f.name[locale] }))}
          value={framework}
          onChange={setChosen}
          maw={480}
          data-testid="import-framework"
        />
        {framework && (
          <Group gap="xs">
            <Anchor href={`/api/v1/official-results/template?format=csv&framework=${framework}`} size="sm">
              {t('templateCsv')}
            </Anchor>
            <Anchor href={`/api/v1/official-results/template?format=xlsx&framework=${framework}`} size="sm">
              {t('templateXlsx')}
            </Anchor>
          </Group>
        )}
        <Group align="end" gap="xs">
          <FileInput
            label={t('chooseFile')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            w={320}
            data-testid="import-file"
          />
          <Button
            onClick={run}
            disabled={!file || !framework || progress !== null}
            data-testid="import-button"
          >
            {t('import')}
          </Button>
        </Group>
        {progress !== null && (
          <Stack gap={4} aria-live="polite">
            <Progress value={progress * 100} animated={progress >= 1} />
            <Text size="xs">
              {progress < 1 ? t('importing', { percent: Math.round(progress * 100) }) : t('processing')}
            </Text>
          </Stack>
        )}
        {report?.kind === 'done' && (
          <Text c="teal" size="sm" role="status" data-testid="import-report">
            {t('importDone', { rows: report.rows, created: report.created, updated: report.updated })}
          </Text>
        )}
        {report?.kind === 'error' && <ErrorNotice error={report.error} />}
        {report?.kind === 'invalid' && (
          <Stack gap={4} data-testid="import-report">
            <Text c="red" size="sm" role="alert">
              {t('importProblems', { count: report.problemCount, rows: report.rowCount })}
            </Text>
            <TableScroll style={{ maxHeight: 360 }}>
              <Table fz="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('row')}</Table.Th>
                    <Table.Th>{t('field')}</Table.Th>
                    <Table.Th>{t('problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.problems.map((p) => (
                    <Table.Tr key={`${p.row}-${p.field}-${p.message}`}>
                      <Table.Td>{p.row}</Table.Td>
                      <Table.Td>{p.field}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export default function OfficialResultsPage() {
  const { t } = useI18n();
  const me = useMe();
  const national = useNationalResults();
  return (
    <Stack>
      <Title order={2}>{t('officialResultsTitle')}</Title>
      <Card withBorder>
        <Text fw={600}>{t('nationalAverages')}</Text>
        {national.isPending ? (
          <Loading />
        ) : national.isError ? (
          <ErrorNotice error={national.error} onRetry={() => national.refetch()} />
        ) : (
          <OfficialResultsTable rows={national.data.data} testId="national-averages" />
        )}
      </Card>
      {me.data?.abilities.manageOfficialResults && <ImportCard />}
    </Stack>
  );
}
