import { Anchor, List, Stack, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router';
import type { Adoption } from '../../../shared/contracts/adoptions';
import { formatDate, formatDateTime, useI18n } from '../../i18n/i18n';
import { StageBadge } from './badges';

type Details = {
  agreement?: {
    mouNumber?: string;
    pksNumber?: string;
    parties?: string[];
    signedOn?: string;
    startsOn?: string;
    expiresOn?: string;
    fileId?: string;
  };
  url?: string | null;
  fileId?: string | null;
  levels?: { indicator: number; before: number; after: number }[];
  reason?: string;
  items?: unknown;
  planId?: string;
};

/** The host reads the adopter's MoU through the adoption (it cannot open the adopter's locker). */
function FileLink({ adoptionId, id, name }: { adoptionId: string; id: string; name?: string }) {
  return (
    <Anchor href={`/api/v1/adoptions/${adoptionId}/files/${id}`} size="sm" data-testid="timeline-file">
      {name ?? id.slice(0, 8)}
    </Anchor>
  );
}

/** What one step recorded: the MoU/PKS, where it runs, the measured levels, why it stopped. */
function StepDetails({
  d,
  a,
  indicatorName,
}: {
  d: Details;
  a: Adoption;
  indicatorName: (n: number) => string;
}) {
  const { t, locale } = useI18n();
  const fileName = (id: string) =>
    a.agreement?.file?.id === id
      ? a.agreement.file.name
      : a.live?.file?.id === id
        ? a.live.file.name
        : undefined;
  const ag = d.agreement;
  const items = typeof d.items === 'number' ? d.items : Array.isArray(d.items) ? d.items.length : null;
  return (
    <Stack gap={2} mt={4}>
      {ag && (
        <>
          {ag.mouNumber && (
            <Text size="sm">
              {t('mouNumber')}: {ag.mouNumber}
            </Text>
          )}
          {ag.pksNumber && (
            <Text size="sm">
              {t('pksNumber')}: {ag.pksNumber}
            </Text>
          )}
          {ag.parties && (
            <Text size="sm">
              {t('parties')}: {ag.parties.join('; ')}
            </Text>
          )}
          <Text size="sm">
            {t('agreementSignedOn')}: {formatDate(ag.signedOn ?? null, locale)}
            {ag.startsOn ? ` · ${t('startsOn')}: ${formatDate(ag.startsOn, locale)}` : ''}
            {ag.expiresOn ? ` · ${t('expiresOn')}: ${formatDate(ag.expiresOn, locale)}` : ''}
          </Text>
          {ag.fileId && (
            <Text size="sm">
              {t('signedDocument')}: <FileLink adoptionId={a.id} id={ag.fileId} name={fileName(ag.fileId)} />
            </Text>
          )}
        </>
      )}
      {d.url && (
        <Text size="sm">
          {t('liveUrl')}:{' '}
          <Anchor href={d.url} target="_blank" rel="noopener noreferrer" size="sm">
            {d.url}
          </Anchor>
        </Text>
      )}
      {d.fileId && !ag && (
        <Text size="sm">
          {t('liveEvidence')}: <FileLink adoptionId={a.id} id={d.fileId} name={fileName(d.fileId)} />
        </Text>
      )}
      {d.levels && (
        <List size="sm">
          {d.levels.map((l) => (
            <List.Item key={l.indicator}>
              {indicatorName(l.indicator)}: {l.before} → <b>{l.after}</b>
            </List.Item>
          ))}
        </List>
      )}
      {d.reason && (
        <Text size="sm">
          {t('droppedReason')}: {d.reason}
        </Text>
      )}
      {items !== null && items > 0 && (
        <Text size="sm">
          {d.planId ? (
            <Anchor component={Link} to={`/plans/${d.planId}`} inherit>
              {t('adoptionItemsCreated', { count: items })}
            </Anchor>
          ) : (
            t('adoptionItemsCreated', { count: items })
          )}
        </Text>
      )}
    </Stack>
  );
}

/** Every step of a replication, dated and attributed, oldest first. */
export function AdoptionTimeline({
  a,
  indicatorName,
}: {
  a: Adoption;
  indicatorName: (n: number) => string;
}) {
  const { t, locale } = useI18n();
  const steps = [...a.transitions].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} data-testid="adoption-timeline">
      {steps.map((s) => (
        <Timeline.Item
          key={`${s.at}-${s.to}`}
          title={<StageBadge stage={s.to} />}
          data-testid={`step-${s.to}`}
        >
          <Text size="xs" c="gray.7">
            {formatDateTime(s.at, locale)}
            {s.user ? ` · ${t('transitionBy', { user: s.user })}` : ''}
          </Text>
          {s.details && <StepDetails d={s.details as Details} a={a} indicatorName={indicatorName} />}
          {s.note && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {s.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
