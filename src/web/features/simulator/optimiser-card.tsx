import { Autocomplete, Button, Card, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { Framework } from '../../../shared/framework/framework-schema';
import { type OptimiseResult, optimise } from '../../../shared/framework/optimise';
import { findIndicator, LevelsError } from '../../../shared/framework/score';
import { text } from '../../../shared/texts';
import { useI18n } from '../../i18n/i18n';
import { useStepsToPlan } from '../plans/api';
import type { Levels } from './level-grid';

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
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { framework, levels, target, plan } = props;
  const steps = useStepsToPlan(props.code);
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
        steps: plan.steps.map((st) => ({ indicator: st.indicator, to: st.to })),
        sourceRef: `simulator → ${target}`,
      },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: t('itemsCreated', { count: r.created, period: r.period }),
          });
          navigate(`/plans/${r.id}`);
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
      },
    );
  };
  const indName = (n: number) => {
    const i = findIndicator(framework, n);
    return i ? (locale === 'en' ? i.name.en : i.name.id) : '';
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
            <Table fz="xs">
              <Table.Tbody>
                {plan.steps.map((s) => (
                  <Table.Tr key={`${s.indicator}-${s.to}`}>
                    <Table.Td>
                      {s.indicator}. {indName(s.indicator)}
                    </Table.Td>
                    <Table.Td>
                      {s.from} → {s.to}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Button size="xs" variant="light" onClick={applyPlan}>
              {t('applyPlan')}
            </Button>
            {steps.canCreate && (
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
