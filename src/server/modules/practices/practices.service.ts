import { and, eq } from 'drizzle-orm';
import { yearOf } from '../../../shared/calendar';
import type { PracticeBody, PracticeCreate } from '../../../shared/contracts/practices';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { TextKey } from '../../../shared/texts';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { evidenceFiles, practiceFiles, practiceHistory, practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrg } from '../orgs/orgs.service';
import { checkIndicators, checkLockerFiles, checkMentors, frameworkFor } from './practices.checks';
import { bodyPolicy, hostPolicy, practicePolicy } from './practices.policy';
import {
  findPracticeRow,
  hostRefOf,
  orgRefsByIds,
  practiceFileIds,
  presentPractice,
} from './practices.queries';

type PracticeRow = typeof practices.$inferSelect;

/** One practice as the caller may see it: drafts and archived ones only for their editors. */
export async function getPractice(db: DbOrTx, actor: Actor | null, id: string) {
  const row = await findPracticeRow(db, id);
  if (!row || !practicePolicy.can(actor, 'view', { host: hostRefOf(row), status: row.p.status }))
    throw new AppError('NOT_FOUND');
  return presentPractice(db, actor, row);
}

async function validate(tx: Tx, hostId: string, input: PracticeBody, frameworkId: string) {
  const framework = await frameworkFor(tx, frameworkId);
  checkIndicators(
    framework,
    input.indicators.map((i) => i.indicator),
    'body.indicators',
  );
  await checkMentors(tx, hostId, input.contactUserIds, 'body.contactUserIds');
  await checkLockerFiles(tx, hostId, input.fileIds, 'body.fileIds');
}

/** The stored form of the editable fields (sorted and de-duplicated, so diffs are meaningful). */
function fieldsOf(input: PracticeBody, frameworkId: string) {
  return {
    title: input.title,
    summary: input.summary,
    problem: input.problem,
    type: input.type,
    frameworkId,
    indicators: [...input.indicators].sort((a, b) => a.indicator - b.indicator),
    sourceCode: input.sourceCode,
    prerequisites: input.prerequisites,
    effort: input.effort,
    durationWeeks: input.durationWeeks,
    contactUserIds: [...new Set(input.contactUserIds)],
    status: input.status,
  };
}

/** A new practice; without a framework named, on the one the current evaluation year uses. */
export async function createPractice(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  input: PracticeCreate,
) {
  const saved = await db.transaction(async (tx) => {
    const host = await getOrg(tx, input.hostCode);
    if (!host.isHost) throw new AppError('HOST_ONLY');
    if (!hostPolicy.can(actor, 'publish', host)) throw new AppError('FORBIDDEN');
    const frameworkId =
      input.frameworkId ??
      (await frameworkOfYear(tx, rule, yearOf(today()), { field: 'body.frameworkId' })).framework.id;
    await validate(tx, host.id, input, frameworkId);
    const now = new Date();
    const [p] = await tx
      .insert(practices)
      .values({
        ...fieldsOf(input, frameworkId),
        hostOrgId: host.id,
        publishedAt: input.status === 'published' ? now : null,
        createdBy: actor.userId,
      })
      .returning();
    const fileIds = [...new Set(input.fileIds)];
    if (fileIds.length) {
      await tx.insert(practiceFiles).values(fileIds.map((fileId) => ({ practiceId: p!.id, fileId })));
    }
    await recordAudit(tx, ctx, {
      action: 'practice.created',
      entityType: 'practice',
      entityId: p!.id,
      orgId: host.id,
      summary: { title: p!.title, status: p!.status, indicators: p!.indicators.map((i) => i.indicator) },
    });
    return p!;
  });
  // Read back after the commit, in the shape (and with the abilities) a read would give.
  return getPractice(db, actor, saved.id);
}

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function stable(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (stable(before[k]) !== stable(v)) out[k] = { from: before[k] ?? null, to: v ?? null };
  }
  return out;
}

/**
 * Saves an edit made from `input.version`: a stale version answers 409 with the current one, so
 * two mentors editing at once never overwrite each other silently. Every changed field is kept in
 * the practice's history.
 */
export async function updatePractice(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: PracticeBody,
) {
  await db.transaction(async (tx) => {
    const [p] = await tx.select().from(practices).where(eq(practices.id, id)).for('update');
    if (!p) throw new AppError('NOT_FOUND');
    const host = (await findOrgById(tx, p.hostOrgId))!;
    const subject = { host, status: p.status };
    if (!practicePolicy.can(actor, 'view', subject)) throw new AppError('NOT_FOUND');
    if (!practicePolicy.can(actor, 'update', subject)) throw new AppError('FORBIDDEN');
    if (input.version === undefined) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.version', message: 'PRACTICE_VERSION_REQUIRED' satisfies TextKey }],
      });
    }
    if (input.version !== p.version) {
      throw new AppError('VERSION_CONFLICT', {
        yours: input.version,
        current: {
          version: p.version,
          updatedAt: p.updatedAt.toISOString(),
          title: p.title,
          status: p.status,
        },
      });
    }
    // An edit that names no framework keeps the practice's own.
    const frameworkId = input.frameworkId ?? p.frameworkId;
    await validate(tx, host.id, input, frameworkId);
    const beforeFiles = await practiceFileIds(tx, id);
    const afterFiles = [...new Set(input.fileIds)].sort();
    const fields = fieldsOf(input, frameworkId);
    const changes = diff({ ...pick(p), fileIds: beforeFiles }, { ...fields, fileIds: afterFiles });
    if (!Object.keys(changes).length) return p;
    const now = new Date();
    const [saved] = await tx
      .update(practices)
      .set({
        ...fields,
        version: p.version + 1,
        updatedAt: now,
        // The first publication date stays when a practice is archived and published again.
        publishedAt: fields.status === 'published' ? (p.publishedAt ?? now) : p.publishedAt,
      })
      .where(eq(practices.id, id))
      .returning();
    if (changes.fileIds) {
      await tx.delete(practiceFiles).where(eq(practiceFiles.practiceId, id));
      if (afterFiles.length)
        await tx.insert(practiceFiles).values(afterFiles.map((fileId) => ({ practiceId: id, fileId })));
    }
    await tx.insert(practiceHistory).values({ practiceId: id, changes, userId: actor.userId });
    const statusChange = changes.status ? (`practice.${fields.status}` as const) : 'practice.updated';
    await recordAudit(tx, ctx, {
      action: statusChange,
      entityType: 'practice',
      entityId: id,
      orgId: host.id,
      summary: { title: saved!.title, fields: Object.keys(changes), version: saved!.version },
    });
    return saved!;
  });
  return getPractice(db, actor, id);
}

function pick(p: PracticeRow): Record<string, unknown> {
  const {
    id: _,
    hostOrgId: _h,
    version: _v,
    isSample: _s,
    publishedAt: _p,
    createdBy: _c,
    createdAt: _ca,
    updatedAt: _u,
    ...rest
  } = p;
  return rest;
}

/** A document of a practice, for whoever may see the practice (anyone, once it is published). */
export async function practiceFile(db: DbOrTx, actor: Actor | null, id: string, fileId: string) {
  const row = await findPracticeRow(db, id);
  if (!row || !practicePolicy.can(actor, 'view', { host: hostRefOf(row), status: row.p.status }))
    throw new AppError('NOT_FOUND');
  const [file] = await db
    .select({ f: evidenceFiles })
    .from(practiceFiles)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, practiceFiles.fileId))
    .where(and(eq(practiceFiles.practiceId, id), eq(practiceFiles.fileId, fileId)));
  if (!file) throw new AppError('NOT_FOUND');
  return { file: file.f, published: row.p.status === 'published' };
}

/**
 * Where the caller may act in the catalogue: the host bodies it publishes for and the bodies it
 * takes practices up for, among the bodies it belongs to (the web shows its buttons from this).
 */
export async function catalogueAbilities(db: DbOrTx, actor: Actor) {
  const ownOrgs = await orgRefsByIds(db, [...new Set(actor.memberships.map((m) => m.orgId))]);
  const ref = (o: { code: string; name: string }) => ({ code: o.code, name: o.name });
  // A platform admin may act for any body, but the catalogue offers the bodies one works in.
  const bodyMember = (orgId: string) =>
    actor.memberships.some((m) => m.orgId === orgId && (m.role === 'body_admin' || m.role === 'operator'));
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return {
    publishIn: ownOrgs
      .filter((o) => hostPolicy.can(actor, 'publish', o))
      .sort(byCode)
      .map(ref),
    adoptFor: ownOrgs
      .filter((o) => bodyMember(o.id) && bodyPolicy.can(actor, 'adopt', o))
      .sort(byCode)
      .map(ref),
  };
}
