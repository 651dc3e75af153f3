import { Anchor, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The head of a page: an optional crumb back to the page above (usually the body), the title, a
 * short help line and the page's actions on the right. One shape so every page reads the same way
 * and keeps one h2 for the screen reader's heading list.
 */
export function PageHeader({
  title,
  help,
  helpWidth,
  crumb,
  actions,
}: {
  title: ReactNode;
  help?: ReactNode;
  /** Long help lines wrap at this width instead of running under the actions. */
  helpWidth?: number;
  crumb?: { to: string; label: ReactNode };
  actions?: ReactNode;
}) {
  const head = (
    <div>
      {crumb && (
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to={crumb.to}>
            {crumb.label}
          </Anchor>
        </Text>
      )}
      <Title order={2}>{title}</Title>
      {help && (
        // gray.7 rather than dimmed: dimmed small text on white falls short of WCAG AA contrast.
        <Text size="sm" c="gray.7" maw={helpWidth}>
          {help}
        </Text>
      )}
    </div>
  );
  if (!actions) return head;
  return (
    <Group justify="space-between" align="end">
      {head}
      {actions}
    </Group>
  );
}
