import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ActionItem } from '../../../shared/contracts/plans';
import { useI18n } from '../../i18n/i18n';
import { downloadUrl } from '../evidence/api';
import { UploadButton } from '../evidence/upload-button';
import { useAttachEvidence } from './api';

/** An item's evidence: its files, and (for the plan's maintainers) an upload that links a new one. */
export function ItemEvidence(props: { planId: string; orgCode: string; item: ActionItem }) {
  const { t } = useI18n();
  const attach = useAttachEvidence(props.planId, props.item.id, props.orgCode);
  const upload = (file: File) =>
    attach.mutate(file, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('uploaded') }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('evidence')}
      </Text>
      {props.item.evidence.map((e) => (
        <Anchor key={e.id} href={downloadUrl(e.id)} size="sm" data-testid="item-evidence">
          {e.name}
        </Anchor>
      ))}
      {props.item.abilities.linkEvidence && (
        <UploadButton
          label={t('uploadEvidence')}
          onFile={upload}
          loading={attach.isPending}
          testId="item-upload"
        />
      )}
    </Stack>
  );
}
