import { and, asc, desc, eq, gt, inArray, max } from 'drizzle-orm';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import type { Framework } from '../../../shared/framework/framework-schema';
import { presentScore } from '../../../shared/framework/present-score';
import { score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import {
  assessmentComments,
  assessmentItemHistory,
  assessmentItems,
  assessmentSubmissions,
  assessments,
  assessmentTransitions,
  evidenceFiles,
  evidenceLinks,
  orgs,
  users,
} from '../../db/schema';
import { orgColumns, orgProvince } from '../orgs/orgs.queries';

import { type AssessmentRow, levelsOf, presentSummary } from './assessments.presenter';

// Reads of self-assessments. Scope and permissions are the services' business.
export { levelsOf };

type OrgLike = { code: string; name: string };
/** An item as stored and presented, before the service adds what the actor may do with it. */
export type ItemView = Omit<AssessmentItem, 'abilities'>;

/**
 * The assessment and its body in one query (a level save's first read, on the hot path of a team
 * filling an assessment together); the lock, if any, is on the assessment row only (share: saves; update: transitions).
 */
export async function findAssessmentWithOrg(db: DbOrTx, id: string, lock?: 'update' | 'share') {
  const q = db
    .select({ assessment: assessments, org: orgColumns })
    .from(assessments)
    .innerJoin(orgs, eq(orgs.id, assessments.orgId))
    .leftJoin(orgProvince, eq(orgProvince.code, orgs.provinceCode))
    .where(eq(assessments.id, id));
  const [row] = await (lock ? q.for(lock, { of: assessments }) : q);
  return row;
}

/** One item, locked for update: the row a save compares its version with. */
export async function lockItem(db: DbOrTx, assessmentId: string, indicator: number) {
  const [item] = await db
    .select()
    .from(assessmentItems)
    .where(and(eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.indicator, indicator)))
    .for('update');
  return item;
}

/**
 * The names of the chosen-service items (45–47), locked in indicator order: two saves naming the
 * same service on different indicators wait for each other instead of both passing the check, and
 * the one order keeps them from deadlocking.
 */
export async function lockServiceNames(db: DbOrTx, assessmentId: string, indicators: number[]) {
  return db
    .select({ indicator: assessmentItems.indicator, serviceName: assessmentItems.serviceName })
    .from(assessmentItems)
    .where(
      and(eq(assessmentItems.assessmentId, assessmentId), inArray(assessmentItems.indicator, indicators)),
    )
    .orderBy(asc(assessmentItems.indicator))
    .for('update');
}

export async function userName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

export async function listOrgAssessments(db: DbOrTx, orgId: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.orgId, orgId))
    .orderBy(desc(assessments.year), asc(assessments.frameworkId));
  const ids = rows.map((a) => a.id);
  const [levels, saved] = await Promise.all([
    levelsByAssessment(db, ids),
    ids.length
      ? db
          .select({ id: assessmentItems.assessmentId, at: max(assessmentItems.updatedAt) })
          .from(assessmentItems)
          .where(and(inArray(assessmentItems.assessmentId, ids), gt(assessmentItems.version, 0)))
          .groupBy(assessmentItems.assessmentId)
      : Promise.resolve([]),
  ]);
  const lastSave = new Map(saved.map((r) => [r.id, r.at]));
  return rows.map((a) => ({ row: withLastSave(a, lastSave.get(a.id)), levels: levels.get(a.id) ?? {} }));
}

/**
 * A level save does not touch the assessment row (two people saving one assessment would queue on
 * it, or deadlock behind its share lock): the assessment's "updated" time is the later of its own
 * change (a transition) and its last saved item.
 */
function withLastSave(a: AssessmentRow, lastSave: Date | null | undefined): AssessmentRow {
  return lastSave && lastSave > a.updatedAt ? { ...a, updatedAt: lastSave } : a;
}

/** The answered levels of each of these assessments (one query for all of them). */
export async function levelsByAssessment(db: DbOrTx, ids: string[]) {
  const items = ids.length
    ? await db
        .select({
          assessmentId: assessmentItems.assessmentId,
          indicator: assessmentItems.indicator,
          level: assessmentItems.level,
        })
        .from(assessmentItems)
        .where(inArray(assessmentItems.assessmentId, ids))
    : [];
  return new Map(ids.map((id) => [id, levelsOf(items.filter((i) => i.assessmentId === id))]));
}

export async function assessmentDetail(db: DbOrTx, a: AssessmentRow, org: OrgLike, framework: Framework) {
  const [items, evidence, comments, transitions, previous] = await Promise.all([
    db
      .select({ item: assessmentItems, updatedByName: users.name })
      .from(assessmentItems)
      .leftJoin(users, eq(users.id, assessmentItems.updatedBy))
      .where(eq(assessmentItems.assessmentId, a.id))
      .orderBy(asc(assessmentItems.indicator)),
    db
      .select({
        indicator: evidenceLinks.indicator,
        id: evidenceFiles.id,
        name: evidenceFiles.name,
        mime: evidenceFiles.mime,
        size: evidenceFiles.size,
        sha256: evidenceFiles.sha256,
      })
      .from(evidenceLinks)
      .innerJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
      .where(eq(evidenceLinks.assessmentId, a.id))
      .orderBy(asc(evidenceLinks.createdAt)),
    db
      .select({ c: assessmentComments, author: users.name })
      .from(assessmentComments)
      .leftJoin(users, eq(users.id, assessmentComments.authorId))
      .where(eq(assessmentComments.assessmentId, a.id))
      .orderBy(asc(assessmentComments.createdAt)),
    db
      .select({ t: assessmentTransitions, user: users.name })
      .from(assessmentTransitions)
      .leftJoin(users, eq(users.id, assessmentTransitions.userId))
      .where(eq(assessmentTransitions.assessmentId, a.id))
      .orderBy(asc(assessmentTransitions.id)),
    // The round before the current one: what a resubmission is compared with.
    a.round > 1
      ? db
          .select({ levels: assessmentSubmissions.levels })
          .from(assessmentSubmissions)
          .where(
            and(eq(assessmentSubmissions.assessmentId, a.id), eq(assessmentSubmissions.round, a.round - 1)),
          )
      : Promise.resolve([]),
  ]);
  const prevLevels = previous[0]?.levels ?? null;
  const presentedItems: ItemView[] = items.map(({ item, updatedByName }) => {
    const before = prevLevels ? (prevLevels[String(item.indicator)] ?? null) : null;
    return {
      indicator: item.indicator,
      level: item.level,
      justification: item.justification,
      serviceName: item.serviceName,
      version: item.version,
      reopened: item.reopened,
      updatedAt: item.version > 0 ? item.updatedAt.toISOString() : null,
      updatedBy: updatedByName,
      previousRoundLevel: before,
      changedSinceLastRound: prevLevels !== null && before !== item.level,
      evidence: evidence.filter((e) => e.indicator === item.indicator).map(({ indicator: _, ...e }) => e),
      comments: comments
        .filter(({ c }) => c.indicator === item.indicator)
        .map(({ c, author }) => ({
          id: c.id,
          body: c.body,
          round: c.round,
          author,
          createdAt: c.createdAt.toISOString(),
        })),
    };
  });
  const levels = levelsOf(presentedItems);
  const lastSave = items.reduce<Date | null>(
    (m, { item }) => (item.version > 0 && (!m || item.updatedAt > m) ? item.updatedAt : m),
    null,
  );
  return {
    ...presentSummary(withLastSave(a, lastSave), org, framework, levels),
    items: presentedItems,
    score: presentScore(score(framework, levels)),
    transitions: transitions.map(({ t, user }) => ({
      from: t.fromStatus,
      to: t.toStatus,
      note: t.note,
      user,
      at: t.at.toISOString(),
    })),
  };
}

export async function itemHistory(db: DbOrTx, assessmentId: string, indicator: number) {
  const rows = await db
    .select({ h: assessmentItemHistory, user: users.name })
    .from(assessmentItemHistory)
    .leftJoin(users, eq(users.id, assessmentItemHistory.userId))
    .where(
      and(
        eq(assessmentItemHistory.assessmentId, assessmentId),
        eq(assessmentItemHistory.indicator, indicator),
      ),
    )
    .orderBy(desc(assessmentItemHistory.id));
  return rows.map(({ h, user }) => ({
    level: h.level,
    previousLevel: h.previousLevel,
    justification: h.justification,
    version: h.version,
    round: h.round,
    user,
    at: h.at.toISOString(),
  }));
}
