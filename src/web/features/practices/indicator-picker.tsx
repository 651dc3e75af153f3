import { ActionIcon, Button, Group, Input, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useFrameworks, useYearFramework } from '../assessments/api';
import { useIndicatorName } from './use-indicator-name';

type Row = { indicator: number; level: number };
type WithIndicators = { indicators: Row[]; frameworkId: string };

const levels = ['1', '2', '3', '4', '5'];

/** Indicators of the framework the practice raises, each with the level the host reached. */
export function IndicatorPicker<V extends WithIndicators>({ form }: { form: UseFormReturnType<V> }) {
  const { t, locale } = useI18n();
  const { framework, name } = useIndicatorName(form.values.frameworkId || undefined);
  const frameworks = useFrameworks(5 * 60_000);
  // A new practice is described on the framework the current evaluation year uses, unless the
  // host picks another (numbers mean something on one framework only).
  const current = useYearFramework(form.values.frameworkId ? null : new Date().getFullYear());
  const fallback = current.data?.framework.id;
  const setFramework = (form as unknown as UseFormReturnType<WithIndicators>).setFieldValue;
  useEffect(() => {
    if (fallback) setFramework('frameworkId', fallback);
  }, [fallback, setFramework]);
  const rows = form.values.indicators;
  const taken = new Set(rows.map((r) => r.indicator));
  const options = (framework.data?.indicators ?? []).map((i) => ({
    value: String(i.number),
    label: name(i.number),
  }));
  const f = form as unknown as UseFormReturnType<WithIndicators>;
  return (
    <Input.Wrapper label={t('indicatorsHeading')} required error={f.errors.indicators}>
      <Stack gap="xs" mt={4} data-testid="indicator-picker">
        <Select
          label={t('framework')}
          allowDeselect={false}
          data={(frameworks.data?.data ?? []).map((x) => ({ value: x.id, label: x.name[locale] }))}
          value={form.values.frameworkId || null}
          onChange={(v) => {
            if (!v || v === form.values.frameworkId) return;
            f.setFieldValue('frameworkId', v);
            // The chosen indicators were numbers of the other framework.
            f.setFieldValue('indicators', [{ indicator: 0, level: 3 }]);
          }}
          error={f.errors.frameworkId}
          maw={480}
        />
        {rows.map((row, idx) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and every input is controlled
          <Group key={idx} gap="xs" align="end" wrap="wrap">
            <Select
              label={t('indicatorN', { n: idx + 1 })}
              searchable
              data={options.filter((o) => o.value === String(row.indicator) || !taken.has(Number(o.value)))}
              value={row.indicator ? String(row.indicator) : null}
              onChange={(v) => f.setFieldValue(`indicators.${idx}.indicator`, Number(v ?? 0))}
              error={f.errors[`indicators.${idx}.indicator`]}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label={t('levelReached')}
              data={levels}
              value={String(row.level)}
              onChange={(v) => f.setFieldValue(`indicators.${idx}.level`, Number(v ?? 1))}
              allowDeselect={false}
              error={f.errors[`indicators.${idx}.level`]}
              w={150}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('removeIndicator', { n: idx + 1 })}
              onClick={() => f.removeListItem('indicators', idx)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {rows.length === 0 && (
          <Text size="sm" c="gray.7">
            —
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => f.insertListItem('indicators', { indicator: 0, level: 3 })}
          data-testid="add-indicator"
        >
          {t('addIndicator')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
