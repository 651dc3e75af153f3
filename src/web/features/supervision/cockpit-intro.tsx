import { Alert, Anchor, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../i18n/i18n';

/**
 * A cockpit's title and what it shows, and, while no body of its scope has learned from a host,
 * what the supervisor can do to start (record a visit, a programme, the commitment).
 */
export function CockpitIntro({
  title,
  intro,
  empty,
}: {
  title: string;
  intro: string;
  /** Shown when the cohort is empty: the text and where to start. */
  empty: { show: boolean; testId: string; text: string; links: { to: string; label: MessageKey }[] };
}) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="gray.7">
          {intro}
        </Text>
      </div>
      {empty.show && (
        <Alert color="blue" data-testid={empty.testId}>
          <Text size="sm">{empty.text}</Text>
          <Group gap="md" mt="xs">
            {empty.links.map((l) => (
              <Anchor key={l.to} component={Link} to={l.to} size="sm">
                {t(l.label)}
              </Anchor>
            ))}
          </Group>
        </Alert>
      )}
    </>
  );
}
