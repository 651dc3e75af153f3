import { Badge } from '@mantine/core';
import type { SignatureStatus } from '../../../shared/contracts/commitments';
import { useI18n } from '../../i18n/i18n';

export function SignatureBadge({ status }: { status: SignatureStatus }) {
  const { t } = useI18n();
  const color = { valid: 'teal', revoked: 'orange', invalid: 'red' }[status];
  return (
    <Badge color={color} data-testid="signature-status">
      {t(`sig_${status}`)}
    </Badge>
  );
}
