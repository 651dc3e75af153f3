import { Badge, type MantineSize } from '@mantine/core';
import type { Org } from '../../../shared/contracts/orgs';
import { useI18n } from '../../i18n/i18n';

/**
 * Marks a body that the SPBE evaluation does not score on its own: DKI Jakarta's administrative
 * cities and regency (part of the province), or the platform's secretariat. Such bodies stay in
 * the directory but count in no denominator, which is what the badge tells a reader of figures.
 */
export function NotEvaluatedBadge({
  org,
  size = 'sm',
}: {
  org: Pick<Org, 'evaluated' | 'type'>;
  size?: MantineSize;
}) {
  const { t } = useI18n();
  if (org.evaluated) return null;
  const area = org.type === 'regency' || org.type === 'city';
  return (
    <Badge
      color="gray"
      variant="light"
      size={size}
      title={area ? t('notEvaluatedAreaHint') : undefined}
      data-testid="not-evaluated"
    >
      {t(area ? 'notEvaluatedArea' : 'notEvaluatedBody')}
    </Badge>
  );
}
