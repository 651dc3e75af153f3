import {
  Accordion,
  Badge,
  Button,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import { serviceNameClash } from '../../../shared/framework/chosen-services';
import type { Framework } from '../../../shared/framework/framework-schema';
import { ApiError } from '../../api/client';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { usePatchItem, useSaveItem } from './api';
import { CommentSection } from './comment-section';
import { type Conflict, type Draft, openConflictDialog } from './conflict-dialog';
import { CrosswalkSection } from './crosswalk-section';
import { EvidenceSection } from './evidence-section';
import { showItemHistory } from './item-history';
import { ServiceNameField } from './service-name-field';

type Indicator = Framework['indicators'][number];

// A framework names its level ladders freely; SPBE 2020's four have a name, any other is left
// unsaid rather than shown as its id.
const ladderNames: Record<string, MessageKey> = {
  policy: 'ladder_policy',
  process: 'ladder_process',
  audit: 'ladder_audit',
  service: 'ladder_service',
};
const ladderKey = (ladder: string): MessageKey | undefined =>
  Object.hasOwn(ladderNames, ladder) ? ladderNames[ladder] : undefined;

export function IndicatorCard(props: {
  assessmentId: string;
  orgCode: string;
  /** The framework of the assessment: the knowledge base is asked for this indicator of it. */
  frameworkId: string;
  indicator: Indicator;
  item: AssessmentItem;
  /** The service names of the assessment's chosen-service indicators (45–47), to keep them distinct. */
  services: { indicator: number; serviceName: string | null }[];
  /** The assessment's abilities; the item's own (item.abilities.edit) says if it may change now. */
  canUpload: boolean;
  canComment: boolean;
  /** The framework has a crosswalk from an earlier one: show the related earlier indicators. */
  crosswalk: boolean;
}) {
  const { t, locale } = useI18n();
  const { indicator: ind, item } = props;
  const ladder = ladderKey(ind.ladder);
  const patchItem = usePatchItem(props.assessmentId);
  const [draft, setDraft] = useState<Draft>({
    level: item.level,
    justification: item.justification,
    serviceName: item.serviceName,
  });
  // The version this editor started from: the server refuses a save if someone saved since.
  const version = useRef(item.version);
  const dirtyText = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  // The indicator already naming this service: as the other cards have saved it, or as the server
  // answered (a save in between by someone else). A clashing name is held back, not sent.
  const [takenOnServer, setTakenOnServer] = useState<number | null>(null);
  const clashOf = (name: string | null) =>
    ind.chosenService ? serviceNameClash(name, ind.number, props.services) : null;
  const clash = clashOf(draft.serviceName) ?? takenOnServer;

  // A newer version from the server (someone else, or a reload) replaces an unedited draft.
  useEffect(() => {
    if (item.version > version.current && !dirtyText.current) {
      version.current = item.version;
      setDraft({ level: item.level, justification: item.justification, serviceName: item.serviceName });
    }
  }, [item.version, item.level, item.justification, item.serviceName]);

  const editable = item.abilities.edit;
  const saveItem = useSaveItem(props.assessmentId, ind.number);
  const save = (d: Draft & { version: number }) => {
    const sendName = ind.chosenService && clashOf(d.serviceName) === null;
    // Only a held-back name changed: nothing to write.
    if (ind.chosenService && !sendName && d.level === item.level && d.justification === item.justification) {
      dirtyText.current = false;
      return setState('idle');
    }
    setState('saving');
    const body = { ...d, serviceName: sendName ? d.serviceName : undefined };
    saveItem.mutate(body, {
      onSuccess: ({ data }) => {
        version.current = data.version;
        dirtyText.current = false;
        if (sendName) setTakenOnServer(null);
        patchItem(ind.number, {
          level: data.level,
          justification: data.justification,
          serviceName: data.serviceName,
          version: data.version,
        });
        setState('saved');
      },
      onError: (err) => {
        setState('error');
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          showConflict({ yours: d, current: (err.details as Conflict).current });
        }
        if (err instanceof ApiError && err.code === 'ASSESSMENT_SERVICE_TAKEN') {
          setTakenOnServer((err.details as { indicator: number }).indicator);
        }
      },
    });
  };

  const saveNow = (d: Draft) => {
    clearTimeout(timer.current);
    save({ ...d, version: version.current });
  };
  const saveSoon = (d: Draft) => {
    dirtyText.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => saveNow(d), 1200);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const showConflict = (c: Conflict) =>
    openConflictDialog(c, ind.chosenService, t, {
      keepMine: () => save({ ...c.yours, version: c.current.version }),
      keepTheirs: () => {
        version.current = c.current.version;
        dirtyText.current = false;
        const theirs = {
          level: c.current.level,
          justification: c.current.justification,
          serviceName: c.current.serviceName,
        };
        setDraft(theirs);
        patchItem(ind.number, { ...theirs, version: c.current.version });
        setState('idle');
      },
    });

  const name = locale === 'en' ? ind.name.en : ind.name.id;
  return (
    <Accordion.Item value={String(ind.number)} data-testid={`indicator-${ind.number}`}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">
            <b>{ind.number}.</b> {name}
          </Text>
          <Group gap={4} wrap="nowrap">
            {item.reopened && <Badge color="orange">{t('reopened')}</Badge>}
            {item.changedSinceLastRound && (
              <Badge color="grape" variant="light">
                {t('changedSince', { level: item.previousRoundLevel ?? '—' })}
              </Badge>
            )}
            {item.comments.length > 0 && <Badge variant="outline">{item.comments.length}</Badge>}
            <Badge variant={draft.level ? 'filled' : 'light'} color={draft.level ? 'blue' : 'gray'}>
              {draft.level ?? '–'}
            </Badge>
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('weight')}: {ind.weight}%{ladder && ` · ${t(ladder)}`}
            </Text>
            <Group gap="xs">
              <Text
                size="xs"
                c={state === 'error' ? 'red' : 'dimmed'}
                aria-live="polite"
                data-testid="save-state"
              >
                {state === 'saving'
                  ? t('saving')
                  : state === 'saved'
                    ? t('saved')
                    : state === 'error'
                      ? t('saveFailed')
                      : ''}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => showItemHistory(props.assessmentId, ind.number, t, locale)}
              >
                {t('history')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                component={Link}
                to={`/questions?frameworkId=${encodeURIComponent(props.frameworkId)}&indicator=${ind.number}`}
              >
                {t('answeredQuestionsTitle')}
              </Button>
            </Group>
          </Group>
          <SegmentedControl
            aria-label={`${t('level')} ${ind.number}`}
            disabled={!editable}
            fullWidth
            value={draft.level ? String(draft.level) : ''}
            data={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: String(l) }))}
            onChange={(v) => {
              const next = { ...draft, level: Number(v) };
              setDraft(next);
              saveNow(next);
            }}
          />
          <List size="sm" spacing={4}>
            {ind.levels.map((l) => (
              <List.Item
                key={l.level}
                style={{ fontWeight: l.level === draft.level ? 600 : undefined }}
                icon={
                  <Badge size="sm" variant={l.level === draft.level ? 'filled' : 'outline'}>
                    {l.level}
                  </Badge>
                }
              >
                {locale === 'en' ? l.name.en : l.name.id}: {locale === 'en' ? l.criteria.en : l.criteria.id}
                <Text size="xs" c="dimmed">
                  {t('expectedEvidence')}: {l.evidence.join('; ')}
                </Text>
              </List.Item>
            ))}
          </List>
          {ind.chosenService && (
            <ServiceNameField
              value={draft.serviceName}
              disabled={!editable}
              clash={clash}
              onChange={(value) => {
                const next = { ...draft, serviceName: value };
                setDraft(next);
                setTakenOnServer(null);
                saveSoon(next);
              }}
              onBlur={() => dirtyText.current && saveNow(draft)}
            />
          )}
          <Textarea
            label={t('justification')}
            disabled={!editable}
            autosize
            minRows={2}
            maxLength={5000}
            value={draft.justification}
            onChange={(e) => {
              const next = { ...draft, justification: e.currentTarget.value };
              setDraft(next);
              saveSoon(next);
            }}
            onBlur={() => dirtyText.current && saveNow(draft)}
          />
          <EvidenceSection
            assessmentId={props.assessmentId}
            orgCode={props.orgCode}
            item={item}
            canChange={props.canUpload && editable}
          />
          {props.crosswalk && <CrosswalkSection assessmentId={props.assessmentId} indicator={ind.number} />}
          <CommentSection assessmentId={props.assessmentId} item={item} canComment={props.canComment} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
