import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { SEARCH_MAX_LENGTH } from '../../shared/contracts/common';
import { practiceTypes } from '../../shared/contracts/practices';
import { useFrameworks } from '../features/assessments/api';
import { useMe } from '../features/auth/use-auth';
import { PageHeader } from '../features/layout/page-header';
import { PagedQuery } from '../features/layout/ui';
import { useUrlFilters } from '../features/layout/url-filters';
import { provinceOptions } from '../features/orgs/org-labels';
import {
  type PracticeFilters,
  useCatalogueAbilities,
  usePracticeHosts,
  usePractices,
} from '../features/practices/api';
import { PracticeCard } from '../features/practices/practice-card';
import { useIndicatorName } from '../features/practices/use-indicator-name';
import { useI18n } from '../i18n/i18n';

const sorts = ['updated', 'title', 'adoptions'] as const;

export default function PracticesPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const { publishIn: hosts, adoptFor: bodies } = useCatalogueAbilities();
  const { get, set, q, page } = useUrlFilters();
  const filters: PracticeFilters = {
    q: q || undefined,
    type: (get('type') || undefined) as PracticeFilters['type'],
    framework: get('framework') || undefined,
    // An indicator number means something on one framework only: it filters with the framework.
    indicator: get('framework') && get('indicator') ? Number(get('indicator')) : undefined,
    host: get('host') || undefined,
    province: get('province') || undefined,
    sort: (get('sort') || 'updated') as PracticeFilters['sort'],
    page,
    pageSize: 12,
  };
  const list = usePractices(filters);
  const hostList = usePracticeHosts();
  const { name, framework } = useIndicatorName(get('framework') || undefined);
  const frameworks = useFrameworks(5 * 60_000);

  return (
    <Stack>
      <PageHeader
        title={t('practicesTitle')}
        help={t('practicesIntro')}
        helpWidth={720}
        actions={
          hosts.length > 0 && (
            <Button component={Link} to="/practices/new" data-testid="publish-practice">
              {t('publishPractice')}
            </Button>
          )
        }
      />
      {!me && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('practicesNextSignedOut')}</Text>
            <Button size="xs" component={Link} to="/login?next=%2Fpractices">
              {t('signIn')}
            </Button>
          </Group>
        </Alert>
      )}
      {me && bodies.length > 0 && (
        <Text size="sm" fw={500}>
          {t('practicesNextBody')}
        </Text>
      )}
      <TextInput
        label={t('search')}
        maxLength={SEARCH_MAX_LENGTH}
        type="search"
        value={get('q')}
        onChange={(e) => set({ q: e.currentTarget.value })}
        maw={480}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Select
          label={t('practiceType')}
          clearable
          data={practiceTypes.map((v) => ({ value: v, label: t(`ptype_${v}`) }))}
          value={get('type') || null}
          onChange={(v) => set({ type: v ?? '' })}
        />
        <Select
          label={t('framework')}
          clearable
          data={(frameworks.data?.data ?? []).map((f) => ({ value: f.id, label: f.name[locale] }))}
          value={get('framework') || null}
          onChange={(v) => set({ framework: v ?? '', indicator: '' })}
        />
        <Select
          label={t('indicatorFilter')}
          clearable
          searchable
          disabled={!get('framework')}
          data={(framework.data?.indicators ?? []).map((i) => ({
            value: String(i.number),
            label: name(i.number),
          }))}
          value={get('indicator') || null}
          onChange={(v) => set({ indicator: v ?? '' })}
        />
        <Select
          label={t('hostFilter')}
          clearable
          searchable
          data={(hostList.data ?? []).map((h) => ({ value: h.code, label: h.name }))}
          value={get('host') || null}
          onChange={(v) => set({ host: v ?? '' })}
        />
        <Select
          label={t('province')}
          clearable
          searchable
          data={provinceOptions}
          value={get('province') || null}
          onChange={(v) => set({ province: v ?? '' })}
        />
        <Select
          label={t('sortLabel')}
          data={sorts.map((s) => ({ value: s, label: t(`sort_${s}`) }))}
          value={get('sort') || 'updated'}
          onChange={(v) => set({ sort: v === 'updated' ? '' : (v ?? '') })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <PagedQuery query={list} onPage={(p) => set({ page: String(p) })} empty={t('noPractices')}>
        {(res) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="practice-list">
            {res.data.map((p) => (
              <PracticeCard key={p.id} practice={p} indicatorName={name} />
            ))}
          </SimpleGrid>
        )}
      </PagedQuery>
    </Stack>
  );
}
