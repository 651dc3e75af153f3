import { Anchor, Badge, Card, List, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, useI18n } from '../../i18n/i18n';
import { usePredicateLabel } from '../assessments/framework-labels';
import { useJourney } from '../followup/api';

/** The body's own follow-up journey on its page (visible to those in its scope). */
export function JourneyCard({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const predicateLabel = usePredicateLabel();
  const j = useJourney(code).data;
  if (!j?.events.length) return null;
  return (
    <Card withBorder data-testid="journey">
      <Text fw={600} size="sm">
        {t('journeyTitle')} {j.stage && <Badge variant="light">{t(`stage_${j.stage}`)}</Badge>}
      </Text>
      {j.milestones.some((m) => m.date) && (
        <List size="sm" mt="xs" data-testid="journey-milestones">
          {j.milestones
            .filter((m) => m.date)
            .map((m) => (
              <List.Item key={m.milestone}>
                <Text span fw={600} size="sm">
                  {t(`stage_${m.milestone}`)}
                </Text>
                : {m.reason}
              </List.Item>
            ))}
        </List>
      )}
      <Timeline bulletSize={12} lineWidth={2} mt="sm">
        {j.events.map((e) => (
          <Timeline.Item key={`${e.kind}-${e.at}-${e.title}`} title={t(`event_${e.kind}`)}>
            <Text size="xs" c="dimmed">
              {formatDate(e.at.slice(0, 10), locale)}
            </Text>
            {e.link ? (
              <Anchor component={Link} to={e.link} size="sm">
                {e.title}
              </Anchor>
            ) : (
              <Text size="sm">
                {e.title} {predicateLabel(e.predicate)}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
