import { Button, Card, Checkbox, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { simulateGroup } from '../../../shared/supervision/group-simulation';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, ErrorNotice, Loading } from '../layout/ui';
import { useSimulation } from './api';
import { formatIndex } from './areas';

/**
 * "If these regions and the province reached their plans, the province's average would be X":
 * the server scores each body's plans with the framework engine; choosing bodies recomputes the
 * average at once with the same pure rule.
 */
export function GroupSimulation({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const sim = useSimulation(code);
  const [chosen, setChosen] = useState<string[]>([]);
  const bodies = sim.data?.bodies ?? [];
  const candidates = bodies.filter((b) => b.planned !== null);
  const noLevels = bodies.filter((b) => b.problem === 'no_levels').length;
  const result = useMemo(
    () =>
      simulateGroup(
        bodies.map((b) => ({ code: b.code, current: b.current?.index ?? null, planned: b.planned })),
        chosen,
      ),
    [bodies, chosen],
  );
  if (sim.isPending) return <Loading />;
  if (sim.isError) return <ErrorNotice error={sim.error} onRetry={() => sim.refetch()} />;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${formatIndex(n, locale)}`;

  return (
    <Card withBorder data-testid="group-simulation">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('simTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('simIntro')}
          </Text>
        </div>
        {candidates.length === 0 ? (
          <EmptyState>{t('simNone')}</EmptyState>
        ) : (
          <>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setChosen(candidates.map((b) => b.code))}
              >
                {t('simPickAll')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setChosen([])}
                disabled={!chosen.length}
              >
                {t('simPickNone')}
              </Button>
            </Group>
            <ScrollArea.Autosize mah={260} type="auto">
              <Checkbox.Group
                value={chosen}
                onChange={setChosen}
                label={t('simChosen', { count: chosen.length })}
              >
                <Stack gap={6} mt={6}>
                  {candidates.map((b) => (
                    <Checkbox
                      key={b.code}
                      value={b.code}
                      data-testid={`sim-${b.code}`}
                      label={b.name}
                      description={`${formatIndex(b.current?.index ?? null, locale)} → ${t('simPlanned', {
                        index: formatIndex(b.planned, locale),
                      })} · ${t('simRaised', { count: b.raised })}`}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            </ScrollArea.Autosize>
          </>
        )}
        {noLevels > 0 && (
          <Text size="xs" c="gray.7">
            {t('simNoLevels', { count: noLevels })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} aria-live="polite" data-testid="sim-result">
          <Card withBorder padding="sm">
            <Text size="sm" fw={600}>
              {t('simNow')}
            </Text>
            <Text fz={26} fw={700} data-testid="sim-now">
              {formatIndex(result.current.average, locale)}
            </Text>
            <Text size="xs" c="gray.7">
              {t('simBodies', { count: result.current.count })}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text size="sm" fw={600}>
              {t('simThen')}
            </Text>
            <Text fz={26} fw={700} data-testid="sim-then">
              {formatIndex(result.simulated.average, locale)}
            </Text>
            <Text size="xs" c="gray.7">
              {chosen.length
                ? `${t('simBodies', { count: result.simulated.count })} · ${t('simChange', {
                    change: result.change === null ? '—' : signed(result.change),
                  })}`
                : t('simChooseHint')}
            </Text>
          </Card>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
