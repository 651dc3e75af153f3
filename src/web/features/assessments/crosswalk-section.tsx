import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInViewport } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useState } from 'react';
import type { CrosswalkRelated, ItemCrosswalk } from '../../../shared/contracts/crosswalk';
import { useI18n } from '../../i18n/i18n';
import { downloadUrl } from '../evidence/api';
import { SampleBadge } from '../layout/ui';
import { useItemCrosswalk, useReuseEvidence } from './api';
import { hasNoEarlierData, reusableIds } from './crosswalk-view';
import { formatSize } from './evidence-section';

// "From the previous SPBE index": on an indicator of a framework with a crosswalk into it, the
// related indicators of the earlier one with what the body recorded there, and its evidence to
// link again in one click (no upload, no copy). Loaded only once the section is on screen: every
// card of the page is mounted, closed ones included, and most are never opened.

export function CrosswalkSection(props: { assessmentId: string; indicator: number }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const { ref, inViewport } = useInViewport();
  // Once seen, it stays loaded (closing the card must not drop what was read).
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (inViewport) setSeen(true);
  }, [inViewport]);
  const q = useItemCrosswalk(props.assessmentId, props.indicator, seen);
  const reuse = useReuseEvidence(props.assessmentId, props.indicator);

  const run = (ids: string[]) =>
    reuse.mutate(ids, {
      onSuccess: ({ data }) =>
        notifications.show({
          color: 'teal',
          message:
            data.linked.length > 0
              ? t('crosswalkReused', { count: data.linked.length })
              : t('crosswalkAlready'),
        }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });

  return (
    <section ref={ref} aria-labelledby={headingId} data-testid="crosswalk">
      <Stack gap={6}>
        <Text id={headingId} size="sm" fw={600}>
          {t('crosswalkTitle')}
        </Text>
        {q.isPending && (
          <Text size="xs" c="dimmed">
            {t('loading')}
          </Text>
        )}
        {q.isError && (
          <Group gap="xs">
            <Text size="xs" c="red">
              {q.error.message}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => q.refetch()}>
              {t('retry')}
            </Button>
          </Group>
        )}
        {q.isSuccess && (
          <CrosswalkBody
            crosswalk={q.data}
            busy={reuse.isPending}
            onReuse={run}
            text={(v) => (locale === 'en' ? v.en : v.id)}
          />
        )}
      </Stack>
    </section>
  );
}

function CrosswalkBody(props: {
  crosswalk: ItemCrosswalk;
  busy: boolean;
  onReuse: (ids: string[]) => void;
  text: (v: { id: string; en: string }) => string;
}) {
  const { t } = useI18n();
  const { data, abilities } = props.crosswalk;
  if (data.related.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('crosswalkNoLink')}
      </Text>
    );
  }
  const all = reusableIds(data);
  return (
    <>
      {data.reason && (
        <Text size="xs">
          <b>{t('crosswalkReason')}:</b> {props.text(data.reason)}
        </Text>
      )}
      {hasNoEarlierData(data) ? (
        <Text size="sm" data-testid="crosswalk-none">
          {t('crosswalkNoSpbe')}
        </Text>
      ) : (
        <Group gap="xs" wrap="wrap">
          {data.selfAssessment ? (
            <Text size="xs" c="dimmed">
              {t('crosswalkSource', {
                year: data.selfAssessment.year,
                status: t(`status_${data.selfAssessment.status}`),
              })}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {t('crosswalkNoSpbe')}
            </Text>
          )}
          <SampleBadge show={data.selfAssessment?.isSample ?? false} />
          {data.officialResult && (
            <Text size="xs" c="dimmed">
              · {t('crosswalkOfficial', { year: data.officialResult.year })}
            </Text>
          )}
          {abilities.reuse && all.length > 1 && (
            <Button size="compact-xs" loading={props.busy} onClick={() => props.onReuse(all)}>
              {t('crosswalkReuseAll', { count: all.length })}
            </Button>
          )}
        </Group>
      )}
      {data.related.map((r) => (
        <RelatedCard
          key={r.number}
          related={r}
          canReuse={abilities.reuse}
          busy={props.busy}
          onReuse={props.onReuse}
          name={props.text(r.name)}
        />
      ))}
      {data.status === 'provisional' && (
        <Text size="xs" c="dimmed">
          {t('crosswalkProvisional')}
        </Text>
      )}
    </>
  );
}

function RelatedCard(props: {
  related: CrosswalkRelated;
  name: string;
  canReuse: boolean;
  busy: boolean;
  onReuse: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const r = props.related;
  const level = r.selfAssessed?.level ?? null;
  return (
    <Card withBorder padding="xs" data-testid={`crosswalk-related-${r.number}`}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">
            <b>{r.number}.</b> {props.name}
          </Text>
          <Group gap={4}>
            <Badge variant={level ? 'light' : 'outline'} color={level ? 'blue' : 'gray'}>
              {level ? t('crosswalkSelfLevel', { level }) : t('crosswalkNotAssessed')}
            </Badge>
            {r.officialLevel !== null && (
              <Badge variant="light" color="teal">
                {t('crosswalkOfficialLevel', { level: r.officialLevel })}
              </Badge>
            )}
          </Group>
        </Group>
        {r.selfAssessed?.serviceName && (
          <Text size="xs">
            {t('serviceName')}: {r.selfAssessed.serviceName}
          </Text>
        )}
        {r.selfAssessed?.justification && (
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
            <b>{t('justification')}:</b> {r.selfAssessed.justification}
          </Text>
        )}
        {r.evidence.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('noEvidence')}
          </Text>
        ) : (
          r.evidence.map((e) => (
            <Group key={e.id} gap="xs" wrap="wrap">
              <Anchor href={downloadUrl(e.id)} size="sm">
                {e.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatSize(e.size)} · {t('crosswalkLinkedIn', { years: e.years.join(', ') })}
              </Text>
              <SampleBadge show={e.isSample} />
              {e.linkedHere ? (
                <Badge size="sm" variant="light" color="teal">
                  {t('crosswalkLinkedHere')}
                </Badge>
              ) : (
                props.canReuse && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={props.busy}
                    aria-label={t('crosswalkReuseFile', { name: e.name })}
                    onClick={() => props.onReuse([e.id])}
                  >
                    {t('crosswalkReuse')}
                  </Button>
                )
              )}
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
