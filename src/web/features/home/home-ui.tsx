import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { HomeActionItem, HomeSectionRole } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { roleLabel } from '../orgs/org-labels';

// The building blocks every role's section uses: the section's frame (role, body, how much waits),
// a block of to-dos (title, count, links, or an empty state saying what to do next) and its links.

export type NextStep = { to: string; label: string };

/** Dark orange for "needs action": Mantine's orange text shades fall short of WCAG AA on white. */
export const URGENT = '#8a3100';

/** One membership's section: the role and body as its heading, its blocks in a grid (one column on phones). */
export function SectionFrame(props: {
  kind: HomeSectionRole;
  org: { code: string; name: string };
  attention: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={headingId}
      data-testid={`home-${props.kind}`}
      data-org={props.org.code}
    >
      <Group justify="space-between" align="start" wrap="wrap" gap="xs">
        <div>
          <Text size="sm" c="gray.7">
            {t(roleLabel(props.kind))}
          </Text>
          <Title order={3} size="h4" id={headingId}>
            {props.org.name}
          </Title>
        </div>
        <Group gap="sm" wrap="wrap">
          {props.attention > 0 && (
            <Text size="sm" fw={600} c={URGENT} data-testid="home-attention">
              {t('homeAttention', { count: props.attention })}
            </Text>
          )}
          <Anchor component={Link} to={`/orgs/${props.org.code}`} size="sm">
            {t('homeOpenBody')}
          </Anchor>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm" spacing="lg" verticalSpacing="lg">
        {props.children}
      </SimpleGrid>
    </Card>
  );
}

/** A titled block of a section: its links, or (nothing waiting) the sentence and link to the next step. */
export function TodoBlock(props: {
  title: string;
  count: number;
  testId: string;
  summary?: ReactNode;
  empty: { text: string; next?: NextStep };
  /** Where the whole list is, when the block names only its first few. */
  more?: { to: string; shown: number };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Group gap="xs" wrap="nowrap">
        <Title order={4} size="h5">
          {props.title}
        </Title>
        {props.count > 0 && (
          <Badge variant="light" color="blue" data-testid="count">
            {props.count}
          </Badge>
        )}
      </Group>
      {props.summary}
      {props.count === 0 ? (
        <Text size="sm" c="gray.7" data-testid="empty">
          {props.empty.text}{' '}
          {props.empty.next && (
            <Anchor component={Link} to={props.empty.next.to} underline="always">
              {props.empty.next.label}
            </Anchor>
          )}
        </Text>
      ) : (
        <List size="sm" spacing={6} listStyleType="disc" withPadding>
          {props.children}
        </List>
      )}
      {props.more && props.count > props.more.shown && (
        <Anchor component={Link} to={props.more.to} size="sm">
          {t('homeSeeAll', { count: props.count })}
        </Anchor>
      )}
    </Stack>
  );
}

/** One to-do: a link to where it is done, and a line of detail under it. */
export function TodoLink(props: { to: string; children: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <List.Item data-testid={props.testId ?? 'todo'}>
      <Anchor component={Link} to={props.to} size="sm">
        {props.children}
      </Anchor>
      {props.detail && (
        <Text size="xs" c="gray.7">
          {props.detail}
        </Text>
      )}
    </List.Item>
  );
}

/** The plan page opened on the item (its form), where its status, owner and date are changed. */
export const itemPath = (i: { planId: string; id: string }) => `/plans/${i.planId}?item=${i.id}`;

/** An action item: its title linked to its form, with its due date (red when overdue). */
export function ActionItemLink({ item }: { item: HomeActionItem }) {
  const { t, locale } = useI18n();
  const due = item.dueDate ? t('homeDue', { date: formatDate(item.dueDate, locale) }) : t('homeNoDue');
  return (
    <TodoLink
      to={itemPath(item)}
      testId="todo-item"
      detail={
        <Text span size="xs" c={item.overdue ? 'red.9' : 'gray.7'} fw={item.overdue ? 600 : undefined}>
          {due} · {t(`item_${item.status}`)} · {item.progress}%
        </Text>
      }
    >
      {item.title}
    </TodoLink>
  );
}
