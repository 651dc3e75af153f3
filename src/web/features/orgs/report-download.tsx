import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { orgReportUrl } from './api';

/** The leader report of a body: in the reader's language, with a link to the other one. */
export function ReportDownload({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const other = locale === 'en' ? 'id' : 'en';
  return (
    <Stack gap={4} align="flex-end" maw={320}>
      <Button component="a" href={orgReportUrl(code, locale)} download data-testid="download-report">
        {t('downloadReport')}
      </Button>
      <Anchor href={orgReportUrl(code, other)} download size="sm" data-testid="download-report-other">
        {t('reportOtherLanguage')}
      </Anchor>
      <Text size="xs" c="dimmed" ta="right">
        {t('reportHint')}
      </Text>
    </Stack>
  );
}
