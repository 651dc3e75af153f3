import { TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';

/**
 * The sectoral public service an indicator 45–47 scores. `clash` is the indicator that already
 * names the same service (shared/framework/chosen-services.ts): said beside the field, since the
 * name is not saved until it differs.
 */
export function ServiceNameField(props: {
  value: string | null;
  disabled: boolean;
  clash: number | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  return (
    <TextInput
      label={t('serviceName')}
      description={t('serviceNameHint')}
      disabled={props.disabled}
      value={props.value ?? ''}
      maxLength={200}
      error={props.clash === null ? undefined : t('serviceNameTaken', { indicator: props.clash })}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onBlur={props.onBlur}
      data-testid="service-name"
    />
  );
}
