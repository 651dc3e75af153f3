import { and, asc, count, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AdoptionStage, adoptionStages } from '../../../shared/contracts/adoptions';
import type { DbOrTx } from '../../db/client';
import {
  actionItems,
  adoptions,
  adoptionTransitions,
  assistanceRequests,
  evidenceFiles,
  orgs,
  practices,
  users,
} from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { adoptionPolicy } from './practices.policy';

const adopter = alias(orgs, 'adopter');
const host = alias(orgs, 'host');

const columns = {
  a: adoptions,
  practiceTitle: practices.title,
  practiceType: practices.type,
  practiceFrameworkId: practices.frameworkId,
  org: {
    id: adopter.id,
    code: adopter.code,
    name: adopter.name,
    type: adopter.type,
    provinceCode: adopter.provinceCode,
    isHost: adopter.isHost,
  },
  host: {
    id: host.id,
    code: host.code,
    name: host.name,
    type: host.type,
    provinceCode: host.provinceCode,
    isHost: host.isHost,
  },
};

function baseQuery(db: DbOrTx) {
  return db
    .select(columns)
    .from(adoptions)
    .innerJoin(practices, eq(practices.id, adoptions.practiceId))
    .innerJoin(adopter, eq(adopter.id, adoptions.orgId))
    .innerJoin(host, eq(host.id, adoptions.hostOrgId));
}

export type AdoptionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export async function findAdoptionRow(db: DbOrTx, id: string) {
  const [row] = await baseQuery(db).where(eq(adoptions.id, id)).limit(1);
  return row ?? null;
}

export async function orgAdoptionRows(db: DbOrTx, orgId: string) {
  return baseQuery(db)
    .where(eq(adoptions.orgId, orgId))
    .orderBy(desc(adoptions.updatedAt), asc(adoptions.id));
}

/** Adoptions in the API shape, with their timelines, documents and plan items. */
export async function presentAdoptions(db: DbOrTx, actor: Actor, rows: AdoptionRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.a.id);
  const fileIds = rows
    .flatMap((r) => [r.a.agreement?.fileId, r.a.liveFileId])
    .filter((x): x is string => !!x);
  const [transitions, files, items] = await Promise.all([
    db
      .select({ t: adoptionTransitions, user: users.name })
      .from(adoptionTransitions)
      .leftJoin(users, eq(users.id, adoptionTransitions.userId))
      .where(inArray(adoptionTransitions.adoptionId, ids))
      .orderBy(asc(adoptionTransitions.id)),
    fileIds.length
      ? db
          .select({ id: evidenceFiles.id, name: evidenceFiles.name })
          .from(evidenceFiles)
          .where(inArray(evidenceFiles.id, fileIds))
      : [],
    db
      .select({ practiceId: actionItems.practiceId, orgId: actionItems.orgId, n: count() })
      .from(actionItems)
      .where(
        and(
          inArray(
            actionItems.practiceId,
            rows.map((r) => r.a.practiceId),
          ),
          inArray(
            actionItems.orgId,
            rows.map((r) => r.a.orgId),
          ),
        ),
      )
      .groupBy(actionItems.practiceId, actionItems.orgId),
  ]);
  const fileOf = (id: string | null | undefined) => {
    const f = id ? files.find((x) => x.id === id) : undefined;
    return f ? { id: f.id, name: f.name } : null;
  };
  return rows.map((r) => {
    const ag = r.a.agreement;
    return {
      id: r.a.id,
      practice: {
        id: r.a.practiceId,
        title: r.practiceTitle,
        type: r.practiceType,
        frameworkId: r.practiceFrameworkId,
      },
      host: { code: r.host.code, name: r.host.name },
      org: { code: r.org.code, name: r.org.name },
      stage: r.a.stage,
      agreement: ag
        ? {
            mouNumber: ag.mouNumber ?? null,
            pksNumber: ag.pksNumber ?? null,
            parties: ag.parties,
            signedOn: ag.signedOn,
            startsOn: ag.startsOn ?? null,
            expiresOn: ag.expiresOn ?? null,
            file: fileOf(ag.fileId),
          }
        : null,
      live: r.a.liveUrl || r.a.liveFileId ? { url: r.a.liveUrl, file: fileOf(r.a.liveFileId) } : null,
      measured: r.a.measured,
      droppedReason: r.a.droppedReason,
      transitions: transitions
        .filter((t) => t.t.adoptionId === r.a.id)
        .map(({ t, user }) => ({
          from: t.fromStage,
          to: t.toStage,
          at: t.at.toISOString(),
          user,
          note: t.note,
          details: t.details,
        })),
      itemCount: items.find((i) => i.practiceId === r.a.practiceId && i.orgId === r.a.orgId)?.n ?? 0,
      isSample: r.a.isSample,
      createdAt: r.a.createdAt.toISOString(),
      updatedAt: r.a.updatedAt.toISOString(),
      abilities: adoptionPolicy.abilities(actor, { org: r.org, host: r.host, stage: r.a.stage }),
    };
  });
}

/**
 * A host's followers: every body replicating one of its practices (with the stage and since when)
 * or waiting on it for assistance, and how many adoptions are at each stage.
 */
export async function hostFollowers(db: DbOrTx, hostOrg: { id: string; code: string; name: string }) {
  const [rows, requests] = await Promise.all([
    baseQuery(db).where(eq(adoptions.hostOrgId, hostOrg.id)).orderBy(asc(adopter.name), asc(practices.title)),
    db
      .select({ r: assistanceRequests, orgCode: adopter.code, orgName: adopter.name })
      .from(assistanceRequests)
      .innerJoin(adopter, eq(adopter.id, assistanceRequests.orgId))
      .where(
        and(
          eq(assistanceRequests.hostOrgId, hostOrg.id),
          notInArray(assistanceRequests.status, ['resolved', 'closed']),
        ),
      )
      .orderBy(asc(assistanceRequests.createdAt)),
  ]);
  const since = rows.length
    ? await db
        .select({
          adoptionId: adoptionTransitions.adoptionId,
          toStage: adoptionTransitions.toStage,
          at: adoptionTransitions.at,
        })
        .from(adoptionTransitions)
        .where(
          inArray(
            adoptionTransitions.adoptionId,
            rows.map((r) => r.a.id),
          ),
        )
        .orderBy(desc(adoptionTransitions.id))
    : [];
  const stageCounts = Object.fromEntries(adoptionStages.map((s) => [s, 0])) as Record<AdoptionStage, number>;
  const emptyBody = (code: string, name: string) => ({
    org: { code, name },
    adoptions: [] as {
      id: string;
      practice: { id: string; title: string };
      stage: AdoptionStage;
      since: string;
    }[],
    openAssistance: [] as {
      id: string;
      topic: string;
      status: 'open' | 'in_progress' | 'resolved' | 'closed';
      createdAt: string;
    }[],
  });
  const bodies = new Map<string, ReturnType<typeof emptyBody>>();
  const bodyOf = (code: string, name: string) => {
    const b = bodies.get(code) ?? emptyBody(code, name);
    bodies.set(code, b);
    return b;
  };
  for (const r of rows) {
    stageCounts[r.a.stage] += 1;
    // The latest move into the current stage; the creation date when the stage was never entered by a move.
    const entered =
      since.find((t) => t.adoptionId === r.a.id && t.toStage === r.a.stage)?.at ?? r.a.createdAt;
    bodyOf(r.org.code, r.org.name).adoptions.push({
      id: r.a.id,
      practice: { id: r.a.practiceId, title: r.practiceTitle },
      stage: r.a.stage,
      since: entered.toISOString(),
    });
  }
  for (const q of requests) {
    bodyOf(q.orgCode, q.orgName).openAssistance.push({
      id: q.r.id,
      topic: q.r.topic,
      status: q.r.status,
      createdAt: q.r.createdAt.toISOString(),
    });
  }
  return {
    host: { code: hostOrg.code, name: hostOrg.name },
    stageCounts,
    bodies: [...bodies.values()].sort((a, b) => a.org.name.localeCompare(b.org.name)),
  };
}
