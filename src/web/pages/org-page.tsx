import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { SpbeCard } from '../features/assessments/spbe-card';
import { PathCard } from '../features/followup/path-card';
import { JourneyCard } from '../features/funnel/journey-card';
import { ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { NotEvaluatedBadge } from '../features/orgs/not-evaluated-badge';
import { EditOrgButtons } from '../features/orgs/org-forms';
import { orgTypeLabel } from '../features/orgs/org-labels';
import { ReportDownload } from '../features/orgs/report-download';
import { ResponseTimeTile } from '../features/questions/response-times';
import { OrgUsersPanel } from '../features/users/org-users-panel';
import { PendingMentorAccessPanel } from '../features/visits/mentor-access';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function OrgPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const org = useOrg(code);
  if (org.isPending) return <Loading />;
  if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.isError) return <ErrorNotice error={org.error} onRetry={() => org.refetch()} />;
  const { data: o, abilities } = org.data;

  const orgLinks = (list: { code: string; name: string }[]) =>
    list.length === 0 ? (
      <Text size="sm">—</Text>
    ) : (
      <List size="sm">
        {list.map((s) => (
          <List.Item key={s.code}>
            <Anchor component={Link} to={`/orgs/${s.code}`}>
              {s.name}
            </Anchor>
          </List.Item>
        ))}
      </List>
    );

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Text size="sm" c="dimmed">
            {o.code} · {t(orgTypeLabel[o.type]!)}
            {o.provinceName ? ` · ${o.provinceName}` : ''}
          </Text>
          <Title order={2} data-testid="org-name">
            {o.name}
          </Title>
          {o.isReference && (
            <Text size="xs" c="dimmed">
              {t('referenceNote')}
            </Text>
          )}
        </div>
        {(abilities.update || abilities.downloadReport) && (
          <Group gap="xs" align="start">
            {abilities.downloadReport && <ReportDownload code={o.code} />}
            {abilities.update && <EditOrgButtons key={JSON.stringify(o)} org={o} />}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text fw={600} size="sm">
            {t('membership')}
          </Text>
          {o.isMember ? (
            <Group gap={6}>
              <Text size="sm">
                {t('memberSince')}: {formatDate(o.memberSince, locale)}
              </Text>
              <SampleBadge show={o.isSample} />
            </Group>
          ) : (
            <Text size="sm">{t('notMember')}</Text>
          )}
          {o.isHost && (
            <Badge mt="xs" color="teal">
              {t('hostFlag')}
            </Badge>
          )}
          {!o.evaluated && (
            <div>
              <NotEvaluatedBadge org={o} />
            </div>
          )}
        </Card>
        <Card withBorder>
          <Text fw={600} size="sm">
            {t('supervisedBy')}
          </Text>
          {orgLinks(o.supervisedBy)}
        </Card>
        <Card withBorder>
          <Text fw={600} size="sm">
            {t('mentoredBy')}
          </Text>
          {orgLinks(o.mentoredBy)}
        </Card>
      </SimpleGrid>
      {abilities.decideMentorAccess && <PendingMentorAccessPanel code={o.code} />}
      <SpbeCard org={org.data} />
      {o.isHost && <ResponseTimeTile host={o.code} />}
      {abilities.readPrivate && <PathCard code={o.code} isHost={o.isHost} />}
      {abilities.readPrivate && <JourneyCard code={o.code} />}
      {abilities.readPrivate && (
        <Card withBorder data-testid="replication-card">
          <Text fw={600} size="sm">
            {t('replicationCard')}
          </Text>
          <List size="sm">
            <List.Item>
              <Anchor component={Link} to={`/orgs/${o.code}/adoptions`}>
                {t('adoptionsLink')}
              </Anchor>
            </List.Item>
            {o.isHost && (
              <List.Item>
                <Anchor component={Link} to={`/orgs/${o.code}/followers`}>
                  {t('followersLink')}
                </Anchor>
              </List.Item>
            )}
          </List>
        </Card>
      )}
      {abilities.readPrivate ? (
        <OrgUsersPanel code={o.code} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="users-hidden">
          {t('usersHidden')}
        </Text>
      )}
    </Stack>
  );
}
