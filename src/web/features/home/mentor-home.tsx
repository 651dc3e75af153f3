import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { adoptionStages } from '../../../shared/contracts/adoptions';
import type { SectionOf } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { SectionFrame, TodoBlock, TodoLink } from './home-ui';

type Followers = SectionOf<'mentor'>['followers'];

/** The bodies replicating the host's practices: how many at each stage, and the latest moves. */
function FollowersBlock({ code, followers: f }: { code: string; followers: Followers }) {
  const { t } = useI18n();
  const to = `/orgs/${code}/followers`;
  const stages = adoptionStages.filter((s) => (f.stageCounts[s] ?? 0) > 0);
  return (
    <Stack gap={6} data-testid="home-followers">
      <Title order={4} size="h5">
        {t('homeFollowers')}
      </Title>
      {f.items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('homeFollowersEmpty')}{' '}
          <Anchor component={Link} to="/practices" underline="always">
            {t('homeSeeCatalogue')}
          </Anchor>
        </Text>
      ) : (
        <>
          <Text size="sm">{t('homeFollowersCount', { count: f.bodies })}</Text>
          <Group gap="md" wrap="wrap">
            {stages.map((s) => (
              <Text key={s} size="sm" data-testid={`stage-count-${s}`}>
                {t(`stage_${s}`)}: <b>{f.stageCounts[s]}</b>
              </Text>
            ))}
          </Group>
          <List size="sm" spacing={4}>
            {f.items.map((a) => (
              <TodoLink key={a.adoptionId} to={`/adoptions/${a.adoptionId}`} detail={a.practice}>
                {a.org.name} · {t(`stage_${a.stage}`)}
              </TodoLink>
            ))}
          </List>
          <Anchor component={Link} to={to} size="sm">
            {t('homeSeeFollowers')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}

/**
 * The mentor's section of a host body: mentored bodies' assessments to review, the questions and
 * assistance requests waiting for an answer, and the followers of the host's practices.
 */
export function MentorHome({ section: s }: { section: SectionOf<'mentor'> }) {
  const { t, locale } = useI18n();
  const code = s.org.code;
  const followers = `/orgs/${code}/followers`;
  return (
    <SectionFrame kind="mentor" org={s.org} attention={s.attention}>
      <TodoBlock
        title={t('homeReviews')}
        count={s.reviews.count}
        testId="home-reviews"
        summary={
          <Text size="sm" c="gray.7">
            {t('homeMentees', { count: s.mentees })}
          </Text>
        }
        empty={{
          text: t('homeReviewsEmpty'),
          next: { to: `/funnel?scope=host&ref=${code}`, label: t('homeSeeFollowup') },
        }}
      >
        {s.reviews.items.map((r) => (
          <TodoLink
            key={r.id}
            to={`/assessments/${r.id}`}
            detail={`${t(`status_${r.status}`)}${r.submittedAt ? ` · ${formatDate(r.submittedAt, locale)}` : ''}`}
          >
            {t('homeReviewItem', { org: r.org.name, year: r.year, round: r.round })}
          </TodoLink>
        ))}
      </TodoBlock>
      <TodoBlock
        title={t('homeAssistance')}
        count={s.assistance.count}
        testId="home-assistance"
        empty={{ text: t('homeAssistanceEmpty'), next: { to: '/practices', label: t('homeSeeCatalogue') } }}
        more={{ to: followers, shown: s.assistance.items.length }}
      >
        {s.assistance.items.map((a) => (
          <TodoLink
            key={a.id}
            to={followers}
            detail={`${t(`astatus_${a.status}`)} · ${formatDate(a.createdAt, locale)}`}
          >
            {t('homeAssistanceItem', { org: a.org.name, topic: a.topic })}
          </TodoLink>
        ))}
      </TodoBlock>
      <FollowersBlock code={code} followers={s.followers} />
    </SectionFrame>
  );
}
