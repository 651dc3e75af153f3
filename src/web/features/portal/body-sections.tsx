import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { PublicBody } from '../../../shared/contracts/public';
import { milestones } from '../../../shared/followup/milestones';
import { formatDate, formatDateTime, useI18n } from '../../i18n/i18n';
import { useFrameworkSegments } from '../charts/framework-series';
import { formatPercent } from '../followup/headline';
import { TableScroll } from '../layout/table-scroll';
import { DataTable, SampleBadge } from '../layout/ui';

// The parts of a body's public page, each a card with its own heading (one h3 per part).

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function MilestonesSection({ page }: { page: PublicBody }) {
  const { t, locale } = useI18n();
  const b = page.body;
  return (
    <Section id="public-milestones" title={t('publicMilestonesTitle')}>
      {!b.joined || !b.referenceDate ? (
        <Text size="sm">{t('publicNotJoined')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('publicReferenceDate', { date: formatDate(b.referenceDate, locale) })}</Text>
          <List size="sm" spacing={2}>
            <List.Item>
              <Text span fw={600} size="sm">
                {t('head_followedUp')}
              </Text>
              : {b.followedUp ? formatDate(b.followedUp, locale) : t('publicNotReached')}
            </List.Item>
            {milestones.map((m) => (
              <List.Item key={m}>
                <Text span fw={600} size="sm">
                  {t(`stage_${m}`)}
                </Text>
                : {b.milestones[m] ? formatDate(b.milestones[m], locale) : t('publicNotReached')}
              </List.Item>
            ))}
          </List>
          {page.pathProgressPercent !== null && (
            <Text size="sm">
              {t('publicPathProgress', { percent: formatPercent(page.pathProgressPercent, locale) })}
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

export function CommitmentSection({ page }: { page: PublicBody }) {
  const { t, locale } = useI18n();
  return (
    <Section id="public-commitment" title={t('publicCommitmentTitle')}>
      {page.commitments.length === 0 ? (
        <Text size="sm">{t('publicNotSigned')}</Text>
      ) : (
        <Stack gap="xs">
          {page.commitments.map((c) => (
            <Text size="sm" key={c.id}>
              {t('publicSigned', {
                position: c.signerPosition,
                version: c.textVersion,
                // The moment in the platform's zone (a UTC date could be the day before).
                date: formatDateTime(c.signedAt, locale),
              })}{' '}
              <Anchor component={Link} to={`/verify/${c.id}`} data-testid="verify-link">
                {t('verifyLink')}
              </Anchor>
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** A body's official results, one section per framework (results of two frameworks do not compare). */
export function OfficialResultsSection({ page }: { page: PublicBody }) {
  const { t, locale } = useI18n();
  const { segments, label } = useFrameworkSegments(page.officialResults);
  return (
    <Section id="public-official" title={t('publicOfficialTitle')}>
      {page.officialResults.length === 0 ? (
        <Text size="sm">{t('publicNoOfficial')}</Text>
      ) : (
        <TableScroll>
          <DataTable
            miw={480}
            head={[t('publicYear'), t('publicIndex'), t('publicPredicate'), t('publicSource')]}
          >
            {segments.map((s) => (
              <Fragment key={s.frameworkId}>
                <Table.Tr data-testid="framework-section" data-framework={s.frameworkId}>
                  <Table.Th colSpan={4} scope="colgroup">
                    {label(s)}
                  </Table.Th>
                </Table.Tr>
                {s.points.map((r) => (
                  <Table.Tr key={`${r.year}-${r.frameworkId}`}>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td>{r.index.toFixed(2)}</Table.Td>
                    <Table.Td>{locale === 'en' ? r.predicateEn : r.predicate}</Table.Td>
                    <Table.Td>
                      {r.source || '—'} <SampleBadge show={r.isSample} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </DataTable>
        </TableScroll>
      )}
    </Section>
  );
}

export function PracticesSection({ page }: { page: PublicBody }) {
  const { t } = useI18n();
  return (
    <>
      <Section id="public-hosted" title={t('publicHostedTitle')}>
        {page.practicesHosted.length === 0 ? (
          <Text size="sm">{t('publicNone')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {page.practicesHosted.map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/practices/${p.id}`} size="sm">
                  {p.title}
                </Anchor>{' '}
                · {t(`ptype_${p.type}`)}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="public-replicated" title={t('publicReplicatedTitle')}>
        {page.practicesReplicated.length === 0 ? (
          <Text size="sm">{t('publicNone')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {page.practicesReplicated.map((p) => (
              <List.Item key={p.practiceId}>
                <Anchor component={Link} to={`/practices/${p.practiceId}`} size="sm">
                  {p.title}
                </Anchor>{' '}
                {t('publicReplicatedFrom', { host: p.host.name })} · {t(`stage_${p.stage}`)}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </>
  );
}
