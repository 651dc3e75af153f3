import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { OPEN_DATA_LICENCE } from '../../../shared/contracts/public';
import { useI18n } from '../../i18n/i18n';
import { openDataUrl } from './api';

/** Where the figures can be taken away: the CSV files, the API and the licence. */
export function OpenDataLinks() {
  const { t } = useI18n();
  const links = [
    { href: openDataUrl('summary.csv'), label: t('portalCsvSummary') },
    { href: openDataUrl('provinces.csv'), label: t('portalCsvProvinces') },
    { href: openDataUrl('bodies.csv'), label: t('portalCsvBodies') },
    { href: '/api/docs', label: t('portalApiDocs') },
    { href: OPEN_DATA_LICENCE.url, label: t('portalLicence') },
  ];
  return (
    <Card withBorder component="section" aria-labelledby="open-data" data-testid="open-data">
      <Title order={3} size="h5" id="open-data">
        {t('portalOpenDataTitle')}
      </Title>
      <Text size="sm" mt={4}>
        {t('portalOpenDataText')}
      </Text>
      <Group gap="md" mt="xs">
        {links.map((l) => (
          <Anchor key={l.href} href={l.href} size="sm">
            {l.label}
          </Anchor>
        ))}
      </Group>
    </Card>
  );
}
