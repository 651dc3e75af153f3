import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { PracticeStatus, practiceListQuerySchema } from '../../../shared/contracts/practices';
import type { DbOrTx } from '../../db/client';
import { escapeLike, pagination } from '../../db/query-helpers';
import {
  adoptions,
  evidenceFiles,
  orgs,
  practiceFiles,
  practiceHistory,
  practices,
  users,
} from '../../db/schema';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { hostPolicy, practicePolicy } from './practices.policy';

const host = alias(orgs, 'host');

// Counted live so the catalogue never disagrees with the ledger (a few hundred practices at most).
const adoptionCount = sql<number>`(select count(*)::int from adoptions a where a.practice_id = "practices"."id" and a.stage <> 'dropped')`;
const liveCount = sql<number>`(select count(*)::int from adoptions a where a.practice_id = "practices"."id" and a.stage in ('live','measured'))`;

const columns = {
  p: practices,
  hostCode: host.code,
  hostName: host.name,
  hostProvinceCode: host.provinceCode,
  hostIsHost: host.isHost,
  adoptionCount,
  liveCount,
};

function baseQuery(db: DbOrTx) {
  return db.select(columns).from(practices).innerJoin(host, eq(host.id, practices.hostOrgId));
}

export type PracticeRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function presentSummary(r: PracticeRow) {
  return {
    id: r.p.id,
    title: r.p.title,
    summary: r.p.summary,
    type: r.p.type,
    status: r.p.status,
    frameworkId: r.p.frameworkId,
    indicators: r.p.indicators,
    host: { code: r.hostCode, name: r.hostName, provinceCode: r.hostProvinceCode },
    adoptionCount: r.adoptionCount,
    liveCount: r.liveCount,
    isSample: r.p.isSample,
    updatedAt: r.p.updatedAt.toISOString(),
  };
}

export const hostRefOf = (r: PracticeRow) => ({ id: r.p.hostOrgId, isHost: r.hostIsHost });

/**
 * Hosts whose unpublished practices the actor may list (null: all of them): its own bodies that the
 * publish rule lets it speak for (a practice's owner is always a host, so each is taken as one).
 */
function editableHostIds(actor: Actor | null): string[] | null {
  if (actor && isPlatformAdmin(actor)) return null;
  return (actor?.memberships ?? [])
    .filter((m) =>
      hostPolicy.can(actor, 'publish', {
        id: m.orgId,
        isHost: true,
        code: m.orgCode,
        provinceCode: m.provinceCode,
      }),
    )
    .map((m) => m.orgId);
}

type ListQuery = z.infer<typeof practiceListQuerySchema>;

export async function listPractices(db: DbOrTx, actor: Actor | null, q: ListQuery) {
  const where: SQL[] = [];
  const status: PracticeStatus = q.status ?? 'published';
  where.push(eq(practices.status, status));
  if (status !== 'published') {
    // Drafts and archived practices: only the caller's own hosts' (a host listing its drafts).
    const hosts = editableHostIds(actor);
    if (hosts) where.push(hosts.length ? inArray(practices.hostOrgId, hosts) : sql`false`);
  }
  if (q.q) {
    const term = `%${escapeLike(q.q)}%`;
    where.push(
      or(ilike(practices.title, term), ilike(practices.summary, term), ilike(practices.problem, term))!,
    );
  }
  if (q.indicator) {
    where.push(sql`${practices.indicators} @> ${JSON.stringify([{ indicator: q.indicator }])}::jsonb`);
  }
  if (q.framework) where.push(eq(practices.frameworkId, q.framework));
  if (q.type) where.push(eq(practices.type, q.type));
  if (q.host) where.push(eq(host.code, q.host));
  if (q.province) where.push(or(eq(host.provinceCode, q.province), eq(host.code, q.province))!);
  const cond = and(...where);
  const order = {
    title: [asc(practices.title)],
    updated: [desc(practices.updatedAt)],
    adoptions: [desc(adoptionCount), asc(practices.title)],
  }[q.sort];
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(...order, asc(practices.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(practices).innerJoin(host, eq(host.id, practices.hostOrgId)).where(cond),
  ]);
  return {
    data: rows.map((r) => ({
      ...presentSummary(r),
      abilities: practicePolicy.abilities(actor, { host: hostRefOf(r), status: r.p.status }),
    })),
    pagination: pagination(q, total?.n ?? 0),
  };
}

export async function findPracticeRow(db: DbOrTx, id: string) {
  const [row] = await baseQuery(db).where(eq(practices.id, id)).limit(1);
  return row ?? null;
}

/** Published practices of a framework with their host (the suggestions rank these). */
export async function publishedPractices(db: DbOrTx, frameworkId: string) {
  return baseQuery(db)
    .where(and(eq(practices.status, 'published'), eq(practices.frameworkId, frameworkId)))
    .orderBy(asc(practices.title));
}

/** The full practice: contacts, artefacts and change history. */
export async function presentPractice(db: DbOrTx, actor: Actor | null, r: PracticeRow) {
  const [contacts, files, history] = await Promise.all([
    r.p.contactUserIds.length
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, r.p.contactUserIds))
      : [],
    db
      .select({
        id: evidenceFiles.id,
        name: evidenceFiles.name,
        mime: evidenceFiles.mime,
        size: evidenceFiles.size,
      })
      .from(practiceFiles)
      .innerJoin(evidenceFiles, eq(evidenceFiles.id, practiceFiles.fileId))
      .where(eq(practiceFiles.practiceId, r.p.id))
      .orderBy(asc(evidenceFiles.name)),
    db
      .select({ h: practiceHistory, user: users.name })
      .from(practiceHistory)
      .leftJoin(users, eq(users.id, practiceHistory.userId))
      .where(eq(practiceHistory.practiceId, r.p.id))
      .orderBy(desc(practiceHistory.id)),
  ]);
  // Keep the order the host chose for its contacts.
  const contactOrder = new Map(r.p.contactUserIds.map((id, i) => [id, i]));
  return {
    ...presentSummary(r),
    problem: r.p.problem,
    sourceCode: r.p.sourceCode,
    prerequisites: r.p.prerequisites,
    effort: r.p.effort,
    durationWeeks: r.p.durationWeeks,
    contacts: contacts.sort((a, b) => contactOrder.get(a.id)! - contactOrder.get(b.id)!),
    files,
    version: r.p.version,
    publishedAt: r.p.publishedAt?.toISOString() ?? null,
    createdAt: r.p.createdAt.toISOString(),
    history: history.map(({ h, user }) => ({ at: h.at.toISOString(), user, changes: h.changes })),
    abilities: practicePolicy.abilities(actor, { host: hostRefOf(r), status: r.p.status }),
  };
}

/** The ids of a practice's artefacts (for the change history). */
export async function practiceFileIds(db: DbOrTx, practiceId: string) {
  const rows = await db
    .select({ id: practiceFiles.fileId })
    .from(practiceFiles)
    .where(eq(practiceFiles.practiceId, practiceId));
  return rows.map((r) => r.id).sort();
}

/** The body's adoptions, by practice (for the suggestions' adopted marks). */
export async function adoptionsOfOrg(db: DbOrTx, orgId: string) {
  return db
    .select({ id: adoptions.id, practiceId: adoptions.practiceId, stage: adoptions.stage })
    .from(adoptions)
    .where(eq(adoptions.orgId, orgId));
}

/** The bodies with these ids, as policy subjects (the caller's own bodies). */
export async function orgRefsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      type: orgs.type,
      provinceCode: orgs.provinceCode,
      isHost: orgs.isHost,
    })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}
