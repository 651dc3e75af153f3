import { Anchor, Button, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OptimiseResult } from '../../shared/framework/optimise';
import { ApiError } from '../api/client';
import { useAssessment, useAssessments, useFramework, useYearFramework } from '../features/assessments/api';
import { FrameworkLabel } from '../features/assessments/framework-label';
import { useFrameworkName } from '../features/assessments/framework-labels';
import { IndexPanel } from '../features/assessments/index-panel';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { LevelGrid, type Levels } from '../features/simulator/level-grid';
import { OptimiserCard } from '../features/simulator/optimiser-card';
import { ScenariosCard } from '../features/simulator/scenarios-card';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function SimulatorPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const org = useOrg(code);
  const list = useAssessments(code);
  const frameworkName = useFrameworkName();
  // Planning looks ahead: by default the simulation runs on the framework of the current
  // evaluation year, whose plans take its steps. The body may also simulate on the framework of
  // an earlier self-assessment (its steps then fit no plan of this year).
  const current = useYearFramework(new Date().getFullYear());
  const [chosen, setChosen] = useState<string | null>(null);
  const frameworkId = chosen ?? current.data?.framework.id ?? list.data?.data[0]?.framework.id;
  const choices = [
    ...new Set([current.data?.framework.id, ...(list.data?.data ?? []).map((a) => a.framework.id)]),
  ].filter((id): id is string => !!id);
  // The body's latest self-assessment on that framework (in the version it recorded) is where it starts.
  const latest = list.data?.data.find((a) => a.framework.id === frameworkId);
  const fw = useFramework(frameworkId, latest?.framework.version);
  const detail = useAssessment(latest?.id);
  const baseline = useMemo<Levels>(() => {
    const out: Levels = {};
    for (const i of detail.data?.data.items ?? []) if (i.level !== null) out[String(i.indicator)] = i.level;
    return out;
  }, [detail.data]);
  const [levels, setLevels] = useState<Levels>({});
  const [target, setTarget] = useState('');
  const [plan, setPlan] = useState<OptimiseResult | null>(null);
  useEffect(() => setLevels(baseline), [baseline]);
  const choose = (id: string) => {
    setChosen(id);
    setPlan(null);
  };

  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />;
  if (fw.isError) return <ErrorNotice error={fw.error} />;
  if (current.isError && !frameworkId)
    return <ErrorNotice error={current.error} onRetry={() => current.refetch()} />;
  if (!fw.data || list.isPending || current.isPending || (latest && detail.isPending)) return <Loading />;
  const framework = fw.data;
  const plannable = framework.id === current.data?.framework.id;

  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to={`/orgs/${code}/assessments`}>
            {org.data?.data.name ?? code}
          </Anchor>
        </Text>
        <Title order={2}>{t('simulatorTitle')}</Title>
        {choices.length > 1 ? (
          <SegmentedControl
            size="xs"
            mt={4}
            data={choices.map((id) => ({ value: id, label: frameworkName(id) }))}
            value={framework.id}
            onChange={choose}
            data-testid="simulator-framework"
          />
        ) : (
          <FrameworkLabel id={framework.id} size="sm" />
        )}
        {!plannable && (
          <Text size="xs" c="orange.8" mt={4}>
            {t('simulatorOtherFramework')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('simulatorIntro')}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setLevels(baseline)}>
                {t('reset')}
              </Button>
              {latest && (
                <Text size="xs" c="dimmed">
                  {t('startFrom')}: {t('selfAssessment')} {latest.year}
                </Text>
              )}
            </Group>
            <LevelGrid framework={framework} levels={levels} onChange={setLevels} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack style={{ position: 'sticky', top: 70 }}>
            <IndexPanel framework={framework} levels={levels} />
            <OptimiserCard
              code={code}
              framework={framework}
              levels={levels}
              target={target}
              onTarget={setTarget}
              plan={plan}
              onPlan={setPlan}
              onApply={setLevels}
              plannable={plannable}
            />
            <ScenariosCard
              code={code}
              frameworkId={framework.id}
              levels={levels}
              target={target}
              onLoad={(s) => {
                setLevels(s.levels);
                setTarget(s.target ?? '');
                setPlan(null);
              }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
