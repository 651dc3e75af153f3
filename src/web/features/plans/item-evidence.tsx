import { Anchor, Button, FileButton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ActionItem } from '../../../shared/contracts/plans';
import { useI18n } from '../../i18n/i18n';
import { downloadUrl } from '../evidence/api';
import { useAttachEvidence } from './api';

const accept = 'application/pdf,image/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** An item's evidence: its files, and (for the plan's maintainers) an upload that links a new one. */
export function ItemEvidence(props: { planId: string; orgCode: string; item: ActionItem }) {
  const { t } = useI18n();
  const attach = useAttachEvidence(props.planId, props.item.id, props.orgCode);
  const upload = (file: File | null) =>
    file &&
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
        <FileButton onChange={upload} accept={accept}>
          {(p) => (
            <Button
              {...p}
              size="xs"
              variant="light"
              w="fit-content"
              loading={attach.isPending}
              data-testid="item-upload"
            >
              {t('uploadEvidence')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
