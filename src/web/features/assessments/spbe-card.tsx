import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { OrgDetail } from '../../../shared/contracts/orgs';
import { useI18n } from '../../i18n/i18n';
import { useOrgSignatures } from '../commitments/api';
import { SignatureBadge } from '../commitments/signature-badge';
import { useHistory, useOfficialResults, useSharing } from '../results/api';
import { FrameworkLabel } from './framework-label';
import { usePredicateLabel } from './framework-labels';
import { StatusBadge } from './status-badge';

/** The body's SPBE standing on its page: latest official and self-assessed index, and links. */
export function SpbeCard({ org }: { org: OrgDetail }) {
  const { t } = useI18n();
  const predicateLabel = usePredicateLabel();
  const { data: o, abilities } = org;
  const history = useHistory(o.code, abilities.readPrivate);
  const official = useOfficialResults(o.code);
  const sharing = useSharing(o.code);
  const share = (on: boolean) =>
    sharing.mutate(on, { onError: (e) => notifications.show({ color: 'red', message: e.message }) });
  // The commitments area's data, shown here as a badge.
  const signatures = useOrgSignatures(o.code);
  const signature = signatures.data?.data.find((x) => x.status === 'valid') ?? signatures.data?.data[0];
  const lastOfficial = official.data?.data.at(-1);
  const lastSelf = [...(history.data?.data ?? [])].reverse().find((h) => h.self?.index !== null && h.self);
  return (
    <Card withBorder data-testid="spbe-card">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('spbeCard')}
        </Text>
        <Group gap="lg">
          <div>
            <Text size="xs" c="dimmed">
              {t('official')} {lastOfficial?.year ?? ''}
            </Text>
            <Text fw={700} data-testid="official-index">
              {lastOfficial
                ? `${lastOfficial.index.toFixed(2)} ${predicateLabel(lastOfficial.predicate)}`
                : '—'}
            </Text>
            <FrameworkLabel id={lastOfficial?.frameworkId} />
          </div>
          {abilities.readPrivate && (
            <div>
              <Text size="xs" c="dimmed">
                {t('selfAssessment')} {lastSelf?.year ?? ''}
              </Text>
              <Group gap={4}>
                <Text fw={700} data-testid="self-index">
                  {lastSelf?.self?.index?.toFixed(2) ?? '—'}
                </Text>
                {lastSelf?.self && <StatusBadge status={lastSelf.self.status as 'draft'} />}
              </Group>
              <FrameworkLabel id={lastSelf?.frameworkId} />
            </div>
          )}
          <div>
            <Text size="xs" c="dimmed">
              {t('navCommitments')}
            </Text>
            {signature ? (
              <Anchor
                component={Link}
                to={`/verify/${signature.id}`}
                size="sm"
                data-testid="commitment-status"
              >
                <SignatureBadge status={signature.status} />{' '}
                {t('versionN', { version: signature.textVersion })}
              </Anchor>
            ) : (
              <Text fw={700}>—</Text>
            )}
          </div>
          {o.shareLevels && <Badge variant="light">{t('shareLevels')}</Badge>}
        </Group>
        {abilities.readPrivate && (
          <Group gap="xs">
            <Button component={Link} to={`/orgs/${o.code}/assessments`} size="xs">
              {t('navAssessment')}
            </Button>
            <Button component={Link} to={`/orgs/${o.code}/compare`} size="xs" variant="light">
              {t('compare')}
            </Button>
            <Button component={Link} to={`/orgs/${o.code}/simulator`} size="xs" variant="light">
              {t('simulator')}
            </Button>
            <Button component={Link} to={`/orgs/${o.code}/plans`} size="xs" variant="light">
              {t('navPlans')}
            </Button>
            <Button component={Link} to={`/visits?org=${o.code}`} size="xs" variant="light">
              {t('navVisits')}
            </Button>
          </Group>
        )}
        {abilities.changeSharing && (
          <Switch
            label={t('shareLevels')}
            description={t('shareLevelsHint')}
            checked={o.shareLevels}
            disabled={sharing.isPending}
            onChange={(e) => share(e.currentTarget.checked)}
          />
        )}
      </Stack>
    </Card>
  );
}
