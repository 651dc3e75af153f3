import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorNotice, Loading, PagedQuery, SampleBadge } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { useCatalogueAbilities, useOrgAdoptions } from '../features/practices/api';
import { StageBadge } from '../features/practices/badges';
import { SuggestionsPanel } from '../features/practices/suggestions-panel';
import { formatDate, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function OrgAdoptionsPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const [page, setPage] = useState(1);
  const org = useOrg(code);
  const list = useOrgAdoptions(code, page);
  const canAdopt = useCatalogueAbilities().adoptFor.some((b) => b.code === code);
  if (org.isPending) return <Loading />;
  if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.isError) return <ErrorNotice error={org.error} onRetry={() => org.refetch()} />;
  const o = org.data.data;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Text size="sm">
            <Anchor component={Link} to={`/orgs/${code}`}>
              {o.name}
            </Anchor>
          </Text>
          <Title order={2}>{t('orgAdoptionsTitle')}</Title>
          <Text size="sm" c="gray.7" maw={720}>
            {t('orgAdoptionsIntro')}
          </Text>
        </div>
        <Button component={Link} to="/practices" variant="default">
          {t('openCatalogue')}
        </Button>
      </Group>
      <section>
        <PagedQuery query={list} onPage={setPage} empty={t('noAdoptions')} notFound={<NotFoundPage />}>
          {(res) => (
            <Table striped miw={600} data-testid="adoption-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('practiceCol')}</Table.Th>
                  <Table.Th>{t('hostFilter')}</Table.Th>
                  <Table.Th>{t('stageCol')}</Table.Th>
                  <Table.Th>{t('stageSince')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/adoptions/${a.id}`}>
                        {a.practice.title}
                      </Anchor>{' '}
                      <SampleBadge show={a.isSample} />
                    </Table.Td>
                    <Table.Td>{a.host.name}</Table.Td>
                    <Table.Td>
                      <StageBadge stage={a.stage} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.updatedAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </PagedQuery>
      </section>
      <SuggestionsPanel org={o} canAdopt={canAdopt} />
    </Stack>
  );
}
