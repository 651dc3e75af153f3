import { z } from 'zod';
import type { Locale } from '../errors';
import type { AdoptionStage } from './adoptions';
import { paged, pageQuerySchema, type Role } from './common';
import type { PracticeStatus } from './practices';

// Every action the platform records in the audit log, with the entity it names and the shape of
// its summary. recordAudit() takes only these, so an unknown action or a wrong payload fails to
// compile; the audit page offers the same list as its filter. Actions are stored strings: never
// rename one (old events keep the old name), only add.

/** What an event's summary says; `undefined` = the event carries no summary. */
type Spec<E extends string, S> = { entityType: E; summary: S };

// Curried so the summary type is stated and the entity type inferred from the value.
const ev =
  <S = undefined>() =>
  <const E extends string>(entityType: E) =>
    ({ entityType }) as Spec<E, S>;

/** Several actions that share one entity and one summary (a workflow's moves). */
function each<const A extends string, T>(actions: readonly A[], spec: T): Record<A, T> {
  return Object.fromEntries(actions.map((a) => [a, spec])) as Record<A, T>;
}

/** Field-by-field change of an update: `{ name: { from, to } }`. */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;
type Id = string;

/** Actions that add items to a plan (createItems in plan-items.service names which one). */
export const planItemsAddedActions = [
  'plan.item_created',
  'plan.items_from_steps',
  'plan.items_from_practice',
  'plan.items_imported',
] as const;
export type PlanItemsAddedAction = (typeof planItemsAddedActions)[number];

export const auditEventSpecs = {
  // Accounts and sessions
  'auth.login': ev()('user'),
  'auth.logout': ev()('user'),
  'auth.login_failed': ev<{ email: string } | { failures: number }>()('user'),
  // Written by the hard lockout that sign-in throttling replaced (issue 9); kept for old events.
  'auth.account_locked': ev<{ failures: number }>()('user'),
  'auth.login_throttled': ev<{
    email: string;
    scope: 'address' | 'account';
    failures: number;
    retryAfterSeconds: number;
  }>()('user'),
  'auth.password_changed': ev()('user'),
  'auth.password_reset_requested': ev()('user'),
  'auth.password_reset': ev()('user'),
  'admin.created': ev<{ email: string }>()('user'),
  'admin.promoted': ev<{ email: string }>()('user'),
  'user.profile_updated': ev<{ name?: string; locale?: Locale }>()('user'),
  ...each(['user.updated', 'user.enabled', 'user.disabled'], ev<AuditChanges>()('user')),
  'user.notification_preferences': ev<Record<string, unknown>>()('user'),
  'notification.read': ev<{ count: number }>()('user'),
  'membership.added': ev<{ userId: Id; role: Role }>()('membership'),
  'membership.removed': ev<{ userId: Id; role: Role }>()('membership'),
  'membership.role_changed': ev<{ userId: Id; from: Role; to: Role }>()('membership'),
  'invitation.created': ev<{ email: string; role: Role }>()('invitation'),
  'invitation.revoked': ev<{ email: string }>()('invitation'),
  'invitation.accepted': ev<{ role: Role; newAccount: boolean }>()('invitation'),
  // The directory
  'org.created': ev<Record<string, unknown>>()('org'),
  'org.updated': ev<AuditChanges>()('org'),
  'org.deleted': ev<{ name: string }>()('org'),
  'org.sharing_changed': ev<{ from: boolean; to: boolean }>()('org'),
  // Self-assessment, evidence, results
  'framework.loaded': ev<{ version: string; status: string; indicators: number }>()('framework'),
  /** A new version of a known framework: it serves new work; recorded work keeps its version. */
  'framework.corrected': ev<{ version: string; replaces: string; status: string; indicators: number }>()(
    'framework',
  ),
  'assessment.created': ev<{ year: number; framework: string }>()('assessment'),
  'assessment.level_saved': ev<{
    indicator: number;
    from: number | null;
    to: number | null;
    version: number;
  }>()('assessment'),
  ...each(
    [
      'assessment.submit',
      'assessment.start_review',
      'assessment.return',
      'assessment.resubmit',
      'assessment.accept',
    ],
    ev<{ from: string; to: string; round: number; note?: string; indicators?: number[] }>()('assessment'),
  ),
  'assessment.commented': ev<{ indicator: number; commentId: Id }>()('assessment'),
  'evidence.uploaded': ev<{ name: string; mime: string; size: number; sha256: string }>()('evidence'),
  ...each(
    ['evidence.linked', 'evidence.unlinked'],
    ev<{
      indicator: number;
      fileId: Id;
      name: string;
      /** A link made by reusing the file from the earlier framework's related indicators (crosswalk). */
      reusedFrom?: { framework: string; indicators: number[] };
    }>()('assessment'),
  ),
  'official_result.saved': ev<{
    org: string;
    year: number;
    framework: string;
    index: unknown;
    detail: 'levels' | 'domains' | 'total';
  }>()('official_result'),
  'official_result.deleted': ev<{ org: string; year: number; framework: string; index: unknown }>()(
    'official_result',
  ),
  'official_result.imported': ev<{
    file: string;
    framework: string;
    rows: number;
    created: number;
    updated: number;
  }>()('official_result'),
  'scenario.saved': ev<{ name: string; target: unknown }>()('scenario'),
  'scenario.deleted': ev<{ name: string }>()('scenario'),
  // Study visits, programmes, commitments
  'visit.recorded': ev<{
    host: string;
    visitor: string;
    dates: string;
    delegates: number;
    indicators: number[];
    followUpDue: string;
    /** The host's mentors' access the visit gave: active at once, or pending the visitor's consent. */
    mentorAccess?: string;
  }>()('visit'),
  'visit.updated': ev<{ dates: string; delegates: number; indicators: number[] }>()('visit'),
  'visit.deleted': ev<{ host: string; visitor: string; dates: string }>()('visit'),
  'visit.file_added': ev<{ fileId: Id; name: string }>()('visit'),
  'visit.file_removed': ev<{ fileId: Id }>()('visit'),
  // The visiting body (or a supervisor over it) answers the mentor access a visit asked for.
  ...each(
    ['visit.access_confirmed', 'visit.access_declined'],
    ev<{ host: string; visitor: string; from: string }>()('visit'),
  ),
  // Learning events, their invitations, registrations and attendance
  'event.created': ev<{ title: string; type: string; organiser: string; starts: string }>()('event'),
  'event.updated': ev<{ changes: AuditChanges }>()('event'),
  'event.cancelled': ev<{ title: string; reason: string }>()('event'),
  'event.invited': ev<{ orgs: string[] }>()('event'),
  'event.participant_registered': ev<{ participant: Id; org: string; tier: string }>()('event'),
  'event.participant_removed': ev<{ participant: Id; org: string }>()('event'),
  'event.checked_in': ev<{ participant: Id; method: string; at: string }>()('event'),
  ...each(['programme.created', 'programme.updated'], ev<Record<string, unknown>>()('programme')),
  ...each(['programme.member_added', 'programme.member_removed'], ev<{ org: string }>()('programme')),
  'commitment.published': ev<{ version: number; title: unknown; hash: string }>()('commitment_text'),
  'commitment.key_rotated': ev<{ retired: Id[]; current: Id }>()('signing_key'),
  'commitment.signed': ev<{ version: number; signer: string; position: string; keyId: Id }>()(
    'commitment_signature',
  ),
  'commitment.revoked': ev<{ reason: string }>()('commitment_signature'),
  // Action plans
  'plan.created': ev<{ period: string; reason?: 'adoption' }>()('action_plan'),
  ...each(
    ['plan.submit', 'plan.approve', 'plan.return', 'plan.revise'],
    ev<{
      from: string;
      to: string;
      items: number;
      version: number;
      /** An approval despite open items without an owner or a due date: what the leader acknowledged. */
      acknowledgedIncomplete?: { missingOwner: number; missingDueDate: number };
    }>()('action_plan'),
  ),
  ...each(planItemsAddedActions, ev<{ items: string[]; count: number }>()('action_plan')),
  'plan.items_bulk_updated': ev<{ items: number; patch: Record<string, unknown> }>()('action_plan'),
  'plan.imported': ev<{ file: string; updated: number; created: number }>()('action_plan'),
  'plan.item_updated': ev<{ fields: string[]; status: string; progress: number }>()('action_item'),
  'plan.item_deleted': ev<{ title: string }>()('action_item'),
  'plan.item_commented': ev<{ commentId: Id }>()('action_item'),
  ...each(
    ['plan.item_evidence_linked', 'plan.item_evidence_unlinked'],
    ev<{ fileId: Id; name: string }>()('action_item'),
  ),
  // Practices and replication
  'practice.created': ev<{ title: string; status: PracticeStatus; indicators: number[] }>()('practice'),
  ...each(
    ['practice.updated', 'practice.draft', 'practice.published', 'practice.archived'],
    ev<{ title: string; fields: string[]; version: number }>()('practice'),
  ),
  'adoption.created': ev<{
    practice: Id;
    title: string;
    stage: 'interested';
    plan: { planId: Id; items: number } | null;
  }>()('adoption'),
  ...each(
    [
      'adoption.interested',
      'adoption.agreed',
      'adoption.adapting',
      'adoption.live',
      'adoption.measured',
      'adoption.dropped',
    ] satisfies `adoption.${AdoptionStage}`[],
    ev<{ practice: Id; from: AdoptionStage; to: AdoptionStage; [detail: string]: unknown }>()('adoption'),
  ),
  'assistance.requested': ev<{ host: string; topic: string; practiceId: Id | null }>()('assistance_request'),
  'assistance.updated': ev<{
    from: string;
    to: string;
    assignedMentorId: Id | null | undefined;
    responded: boolean;
  }>()('assistance_request'),
  // Mentoring questions (tanya pendamping)
  'question.asked': ev<{
    title: string;
    visibility: string;
    subject: string;
    hosts: number;
  }>()('question'),
  'question.answered': ev<{ answerId: Id; as: string; fromAsker: boolean; fileIds: Id[] }>()('question'),
  'question.answer_edited': ev<{ answerId: Id; fileIds: Id[] }>()('question'),
  'question.answer_deleted': ev<{ answerId: Id; body: string }>()('question'),
  'question.answer_accepted': ev<{ answerId: Id; previous: Id | null }>()('question'),
  // Jobs and data loaders (no actor)
  'job.reminders': ev<Record<string, unknown>>()('job'),
  'system.reference_loaded': ev<{ provinces: number; regencies: number; central: number }>()('org'),
  'system.reference_results_loaded': ev<{ written: number }>()('official_result'),
  'system.sample_loaded': ev<{ accounts: number }>()('system'),
  'system.sample_assessments_loaded': ev<{ assessments: number; commitmentText: boolean }>()('system'),
  'system.sample_cohort_loaded': ev<{ bodies: number }>()('system'),
  'system.sample_followup_loaded': ev<{ programme: Id; visit: Id }>()('system'),
  'system.sample_practices_loaded': ev<{ practices: number; adoption: Id }>()('system'),
};

type Specs = typeof auditEventSpecs;
export type AuditAction = keyof Specs;
export type AuditEntityType = Specs[AuditAction]['entityType'];
/** The summary an action's events carry (undefined when they carry none). */
export type AuditSummaryOf<A extends AuditAction> = Specs[A]['summary'];
export type AuditEntityTypeOf<A extends AuditAction> = Specs[A]['entityType'];

export const auditActions = Object.keys(auditEventSpecs) as AuditAction[];
export const auditEntityTypes = [
  ...new Set(Object.values(auditEventSpecs).map((s) => s.entityType)),
] as AuditEntityType[];

type InputOf<A extends AuditAction> = {
  action: A;
  entityType: Specs[A]['entityType'];
  entityId?: string | null;
  orgId?: string | null;
} & (Specs[A]['summary'] extends undefined ? { summary?: never } : { summary: Specs[A]['summary'] });

type JobOf<A> = A extends `job.${infer J}` ? J : never;
/** Daily jobs whose runs are audited as `job.<name>`. */
export type DailyJob = JobOf<AuditAction>;

/** What recordAudit() takes: one member per action, discriminated by `action`. */
export type AuditEventInput = { [A in AuditAction]: InputOf<A> }[AuditAction];

export const auditQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(254).optional(),
  org: z.string().trim().max(40).optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  /** The event's id, in the order events were written. */
  seq: z.number(),
  /** Its position in the hash chain; null for the second or so before the chainer links it. */
  chainSeq: z.number().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = paged(auditEventSchema);
export type AuditList = z.infer<typeof auditListSchema>;
