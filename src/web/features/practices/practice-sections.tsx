import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import type { Practice } from '../../../shared/contracts/practices';
import { formatDateTime, type MessageKey, useI18n } from '../../i18n/i18n';
import { formatSize } from '../assessments/evidence-section';
import { TableScroll } from '../layout/table-scroll';

/** The change history names fields as the form does, not by their API keys. */
const historyFields: Record<string, MessageKey> = {
  title: 'titleLabel',
  summary: 'summaryLabel',
  problem: 'problemLabel',
  type: 'practiceType',
  indicators: 'indicatorsHeading',
  sourceCode: 'sourceCodeHeading',
  prerequisites: 'prerequisites',
  effort: 'effort',
  durationWeeks: 'durationWeeks',
  contactUserIds: 'contactMentors',
  fileIds: 'lockerFiles',
  files: 'lockerFiles',
  status: 'publishStatus',
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const show = (v: unknown) =>
  Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v ?? '—');

/** The body of a practice page: what it solves, what it needs, whom to ask, what changed. */
export function PracticeSections({
  p,
  indicatorName,
}: {
  p: Practice;
  indicatorName: (n: number) => string;
}) {
  const { t, locale } = useI18n();
  const pre = { whiteSpace: 'pre-wrap' } as const;
  return (
    <Stack>
      <Section title={t('summaryHeading')}>
        <Text size="sm" style={pre}>
          {p.summary}
        </Text>
      </Section>
      {p.problem && (
        <Section title={t('problemHeading')}>
          <Text size="sm" style={pre}>
            {p.problem}
          </Text>
        </Section>
      )}
      <Section title={t('indicatorsHeading')}>
        <List size="sm" data-testid="practice-indicators">
          {p.indicators.map((i) => (
            <List.Item key={i.indicator}>
              {indicatorName(i.indicator)} — <b>{t('levelN', { level: i.level })}</b>
            </List.Item>
          ))}
        </List>
      </Section>
      {p.sourceCode && (
        <Section title={t('sourceCodeHeading')}>
          <Stack gap={4}>
            <Text size="sm">
              {t('repository')}:{' '}
              <Anchor href={p.sourceCode.repoUrl} target="_blank" rel="noopener noreferrer">
                {p.sourceCode.repoUrl}
              </Anchor>
            </Text>
            <Text size="sm">
              {t('licence')}: <b>{p.sourceCode.license}</b>
            </Text>
            {p.sourceCode.stack && (
              <Text size="sm">
                {t('stack')}: {p.sourceCode.stack}
              </Text>
            )}
          </Stack>
        </Section>
      )}
      {(p.prerequisites || p.effort || p.durationWeeks) && (
        <Section title={t('prerequisites')}>
          <Stack gap={4}>
            {p.prerequisites && (
              <Text size="sm" style={pre}>
                {p.prerequisites}
              </Text>
            )}
            {p.effort && (
              <Text size="sm">
                {t('effort')}: {p.effort}
              </Text>
            )}
            {p.durationWeeks && (
              <Text size="sm">
                {t('durationWeeks')}: {t('durationN', { weeks: p.durationWeeks })}
              </Text>
            )}
          </Stack>
        </Section>
      )}
      <Section title={t('contacts')}>
        {p.contacts.length === 0 ? (
          <Text size="sm">—</Text>
        ) : (
          <List size="sm">
            {p.contacts.map((c) => (
              <List.Item key={c.id}>
                {c.name} ·{' '}
                <Anchor href={`mailto:${c.email}`} inherit>
                  {c.email}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t('filesHeading')}>
        {p.files.length === 0 ? (
          <Text size="sm">—</Text>
        ) : (
          <List size="sm">
            {p.files.map((f) => (
              <List.Item key={f.id}>
                <Anchor href={`/api/v1/practices/${p.id}/files/${f.id}`}>{f.name}</Anchor>{' '}
                <Text span size="xs" c="gray.7">
                  {formatSize(f.size)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t('historyHeading')}>
        {p.history.length === 0 ? (
          <Text size="sm">{t('noHistory')}</Text>
        ) : (
          <TableScroll>
            <Table fz="xs">
              <Table.Tbody>
                {p.history.map((h) => (
                  <Table.Tr key={`${h.at}-${h.user}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, locale)}</Table.Td>
                    <Table.Td>{h.user ?? '—'}</Table.Td>
                    <Table.Td>
                      {Object.entries(h.changes)
                        .map(([k, v]) => {
                          const label = historyFields[k] ? t(historyFields[k]) : k;
                          return v.from === null || v.from === undefined
                            ? label
                            : `${label}: ${show(v.from)} → ${show(v.to)}`;
                        })
                        .join('; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Section>
    </Stack>
  );
}
