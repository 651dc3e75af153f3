import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../features/auth/use-auth';
import { PageHeader } from '../features/layout/page-header';
import { ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { orgTypeLabel } from '../features/orgs/org-labels';
import { openDataUrl, usePublicBody } from '../features/portal/api';
import {
  CommitmentSection,
  MilestonesSection,
  OfficialResultsSection,
  PracticesSection,
} from '../features/portal/body-sections';
import { useI18n } from '../i18n/i18n';

/** Public: one body's page — only what has been published, for anyone. */
export default function PublicBodyPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const me = useMe().data;
  const q = usePublicBody(code);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400)) {
    return (
      <Stack>
        <Alert color="orange" role="alert" title={t('publicBodyNotFound')}>
          <Anchor component={Link} to="/public/bodies">
            {t('publicAllBodies')}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const page = q.data.data;
  const b = page.body;
  return (
    <Stack data-testid="public-body-page">
      <PageHeader
        crumb={{ to: '/public/bodies', label: t('publicAllBodies') }}
        title={b.name}
        help={t('publicBodyHelp')}
        helpWidth={720}
        actions={
          <Group gap="xs">
            <Button component="a" href={openDataUrl(`bodies/${b.code}.csv`)} variant="default" size="sm">
              {t('publicBodyCsv')}
            </Button>
            {me && (
              <Button component={Link} to={`/orgs/${b.code}`} size="sm">
                {t('publicOpenInApp')}
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="xs">
        <Badge variant="outline" color="gray.8">
          {b.code}
        </Badge>
        <Badge variant="light">{t(orgTypeLabel[b.type]!)}</Badge>
        {b.provinceName && (
          <Badge variant="outline" color="gray.8">
            {b.provinceName}
          </Badge>
        )}
        {b.isHost && <Badge variant="light">{t('publicHostBadge')}</Badge>}
        <SampleBadge show={b.isSample} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MilestonesSection page={page} />
        <CommitmentSection page={page} />
      </SimpleGrid>
      <OfficialResultsSection page={page} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PracticesSection page={page} />
      </SimpleGrid>
    </Stack>
  );
}
