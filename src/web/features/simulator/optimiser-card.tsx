import { Autocomplete, Button, Card, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Framework } from '../../../shared/framework/framework-schema';
import { type OptimiseResult, optimise } from '../../../shared/framework/optimise';
import { LevelsError } from '../../../shared/framework/score';
import { text } from '../../../shared/texts';
import { useI18n } from '../../i18n/i18n';
import { PlanNotDraftError, useStepsToPlan } from '../plans/api';
import type { Levels } from './level-grid';
import { OptimiserSteps } from './optimiser-steps';

/** A target index or predicate, the cheapest steps that reach it, and where they can go from here. */
export function OptimiserCard(props: {
  code: string;
  framework: Framework;
  levels: Levels;
  target: string;
  onTarget: (target: string) => void;
  plan: OptimiseResult | null;
  onPlan: (plan: OptimiseResult | null) => void;
  onApply: (levels: Levels) => void;
  /** The framework is the current evaluation year's: its steps can become this year's plan items. */
  plannable: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { framework, levels, target, plan } = props;
  const steps = useStepsToPlan(props.code);
  // The pace (levels per indicator per year) and an optional horizon; a change asks for a new plan.
  const [pace, setPace] = useState(1);
  const [years, setYears] = useState<number | undefined>(undefined);
  const predicateNames = framework.predicates.map((p) => (locale === 'en' ? p.label.en : p.label.id));

  const findPlan = () => {
    const asNumber = Number(target.replace(',', '.'));
    try {
      props.onPlan(
        optimise(
          framework,
          levels,
          Number.isFinite(asNumber) && target.trim() !== ''
            ? { index: asNumber }
            : { predicate: target.trim() },
          {},
          { maxStepPerYear: pace, years },
        ),
      );
    } catch (e) {
      props.onPlan(null);
      notifications.show({
        color: 'red',
        message:
          e instanceof LevelsError
            ? e.issues.map((i) => text(locale, i.message, i.params)).join('; ')
            : (e as Error).message,
      });
    }
  };
  const applyPlan = () => {
    if (!plan?.reachable) return;
    const next = { ...levels };
    for (const s of plan.steps) next[String(s.indicator)] = Math.max(next[String(s.indicator)] ?? 1, s.to);
    props.onApply(next);
  };
  const toItems = () => {
    if (!plan?.reachable) return;
    steps.toItems.mutate(
      {
        steps: plan.steps.map((st) => ({ indicator: st.indicator, to: st.to, year: st.year })),
        sourceRef: `simulator → ${target}`,
        frameworkId: framework.id,
      },
      {
        onSuccess: (done) => {
          const count = done.reduce((n, r) => n + r.created, 0);
          const period = done.map((r) => r.period).join(', ');
          notifications.show({ color: 'teal', message: t('itemsCreated', { count, period }) });
          if (done[0]) navigate(`/plans/${done[0].id}`);
        },
        onError: (e) =>
          notifications.show({
            color: 'red',
            message: e instanceof PlanNotDraftError ? t('planNotDraft', { period: e.period }) : e.message,
          }),
      },
    );
  };
  const choose = (set: () => void) => {
    set();
    props.onPlan(null);
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Autocomplete
          label={t('targetIndex')}
          placeholder="3.50"
          data={predicateNames}
          value={target}
          onChange={props.onTarget}
        />
        <NativeSelect
          label={t('maxStepPerYear')}
          value={String(pace)}
          onChange={(e) => choose(() => setPace(Number(e.currentTarget.value)))}
          data={[1, 2, 3, 4].map((n) => ({
            value: String(n),
            label: n === 1 ? t('levelsOne') : t('levelsMany', { count: n }),
          }))}
          data-testid="max-step"
        />
        <NativeSelect
          label={t('planHorizon')}
          value={years === undefined ? '' : String(years)}
          onChange={(e) =>
            choose(() => setYears(e.currentTarget.value ? Number(e.currentTarget.value) : undefined))
          }
          data={[
            { value: '', label: t('fewestYears') },
            ...[1, 2, 3, 4, 5].map((n) => ({
              value: String(n),
              label: n === 1 ? t('yearsOne') : t('yearsMany', { count: n }),
            })),
          ]}
          data-testid="plan-horizon"
        />
        <Button size="xs" onClick={findPlan} disabled={!target.trim()} data-testid="find-plan">
          {t('findPlan')}
        </Button>
        {plan && !plan.reachable && (
          <Text size="sm" c="red">
            {t('unreachable', { max: plan.maxIndex.toFixed(2) })}
          </Text>
        )}
        {plan?.reachable && (
          <>
            <Text size="sm" data-testid="plan-summary">
              {t('planSteps', { count: plan.steps.length, effort: plan.totalEffort })} →{' '}
              {plan.index.toFixed(2)} {locale === 'en' ? plan.predicate.en : plan.predicate.id}
            </Text>
            <OptimiserSteps framework={framework} plan={plan} pace={pace} />
            <Button size="xs" variant="light" onClick={applyPlan}>
              {t('applyPlan')}
            </Button>
            {steps.canCreate && props.plannable && (
              <Button
                size="xs"
                onClick={toItems}
                loading={steps.toItems.isPending}
                data-testid="plan-to-items"
              >
                {t('turnIntoItems')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
