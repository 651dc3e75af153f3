import { Stack, Table, Text } from '@mantine/core';
import type { Framework } from '../../../shared/framework/framework-schema';
import type { OptimiseResult } from '../../../shared/framework/optimise';
import { findIndicator } from '../../../shared/framework/score';
import { useI18n } from '../../i18n/i18n';
import { usePlanPeriod } from '../plans/api';

type Reachable = Extract<OptimiseResult, { reachable: true }>;

/** The optimiser's steps year by year, each year with the index it ends on. */
export function OptimiserSteps(props: { framework: Framework; plan: Reachable; pace: number }) {
  const { t, locale } = useI18n();
  const periodOf = usePlanPeriod();
  const { plan, framework } = props;
  const indName = (n: number) => {
    const i = findIndicator(framework, n);
    return i ? (locale === 'en' ? i.name.en : i.name.id) : '';
  };
  return (
    <Stack gap={4} data-testid="plan-years">
      {plan.years > 1 && (
        <Text size="xs" c="dimmed">
          {t('planTakesYears', { years: plan.years, pace: props.pace })}
        </Text>
      )}
      {plan.byYear.map((y) => (
        <div key={y.year} data-testid="plan-year">
          <Text size="xs" fw={600}>
            {t('yearOutcome', {
              year: y.year,
              period: periodOf(y.year),
              steps: y.steps,
              index: y.index.toFixed(2),
            })}
          </Text>
          <Table fz="xs">
            <Table.Tbody>
              {plan.steps
                .filter((s) => s.year === y.year)
                .map((s) => (
                  <Table.Tr key={`${s.indicator}-${s.to}`}>
                    <Table.Td>
                      {s.indicator}. {indName(s.indicator)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {s.from} → {s.to}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Stack>
  );
}
