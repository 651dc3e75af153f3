import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SectionOf } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { PlanProgressBlock, ReportLink } from './body-blocks';
import { ActionItemLink, SectionFrame, TodoBlock, TodoLink } from './home-ui';
import { IndexSummary } from './index-summary';
import { MentorAccessBlock } from './mentor-access-block';

type Commitment = SectionOf<'leader'>['commitment'];

/** The commitment: sign it (the leader of the body), or show the signature with its public check. */
function CommitmentBlock({ commitment: c }: { commitment: Commitment }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={6} data-testid="home-commitment">
      <Title order={4} size="h5">
        {t('homeCommitment')}
      </Title>
      {c.signature && (
        <Text size="sm">
          {t('homeSigned', {
            name: c.signature.signerName,
            date: formatDate(c.signature.signedAt, locale),
            version: c.signature.textVersion,
          })}{' '}
          <Anchor
            component={Link}
            to={`/verify/${c.signature.id}`}
            underline="always"
            data-testid="verify-link"
          >
            {t('homeVerify')}
          </Anchor>
        </Text>
      )}
      {c.canSign && c.current && (
        <Anchor component={Link} to="/commitments" fw={600} data-testid="sign-link">
          {t('homeSignNow', { version: c.current.version })}
        </Anchor>
      )}
      {!c.signature && !c.canSign && (
        <Text size="sm" c="gray.7">
          {c.current ? t('homeNotSigned') : t('homeNoCommitmentText')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The leader's section (kepala daerah / Sekda): approvals waiting, the commitment, the index beside
 * the host's and the province's, the plan's progress, escalations, and the one-page report.
 */
export function LeaderHome({ section: s }: { section: SectionOf<'leader'> }) {
  const { t, locale } = useI18n();
  const code = s.org.code;
  const firstOverdue = s.escalations.items[0];
  return (
    <SectionFrame kind="leader" org={s.org} attention={s.attention}>
      <TodoBlock
        title={t('homeApprovals')}
        count={s.approvals.count}
        testId="home-approvals"
        empty={{
          text: t('homeApprovalsEmpty'),
          next: { to: `/orgs/${code}/plans`, label: t('homeSeePlans') },
        }}
      >
        {s.approvals.items.map((p) => (
          <TodoLink
            key={p.id}
            to={`/plans/${p.id}`}
            detail={p.submittedAt ? formatDate(p.submittedAt, locale) : undefined}
          >
            {t('homeApprovalItem', { period: p.period, count: p.itemCount })}
          </TodoLink>
        ))}
      </TodoBlock>
      <MentorAccessBlock code={code} access={s.mentorAccess} />
      <CommitmentBlock commitment={s.commitment} />
      <TodoBlock
        title={t('homeEscalations')}
        count={s.escalations.count}
        testId="home-escalations"
        empty={{
          text: t('homeEscalationsEmpty'),
          next: { to: `/orgs/${code}/plans`, label: t('homeSeePlans') },
        }}
        more={
          firstOverdue && {
            to: `/plans/${firstOverdue.planId}?overdue=true`,
            shown: s.escalations.items.length,
          }
        }
      >
        {s.escalations.items.map((i) => (
          <ActionItemLink key={i.id} item={i} />
        ))}
      </TodoBlock>
      <PlanProgressBlock code={code} plan={s.plan} />
      <IndexSummary code={code} index={s.index} />
      {s.abilities.downloadReport && <ReportLink code={code} />}
    </SectionFrame>
  );
}
