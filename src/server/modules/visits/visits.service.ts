import { and, eq, sql } from 'drizzle-orm';
import { addDays, yearOf } from '../../../shared/calendar';
import type { Visit, VisitBody, VisitDetail, VisitListQuery } from '../../../shared/contracts/visits';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import {
  followUpObligations,
  mentorships,
  programmeMembers,
  programmes,
  visitDelegates,
  visits,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { inOrgScope } from '../orgs/orgs.policy';
import { getOrg } from '../orgs/orgs.service';
import { requestMentorAccess } from './visits.access.service';
import { visitAbilities, visitListPolicy, visitPolicy } from './visits.policy';
import { findVisit, findVisitParties, listVisits } from './visits.queries';

export const DEFAULT_FOLLOW_UP_DAYS = 60;

/**
 * A visit the actor may see (404 otherwise, before any other check), its parties and what the
 * actor may do with it.
 */
export async function loadVisit(db: Db, actor: Actor, id: string) {
  const visit = await findVisit(db, actor, id);
  if (!visit) throw new AppError('NOT_FOUND');
  const parties = await findVisitParties(db, id);
  return { visit, parties, abilities: visitAbilities(actor, parties) };
}

export async function getVisit(db: Db, actor: Actor, id: string): Promise<VisitDetail> {
  const { visit, abilities } = await loadVisit(db, actor, id);
  return { data: visit, abilities };
}

/** One page of the visits the actor may see. */
export async function getVisits(db: Db, actor: Actor, q: VisitListQuery) {
  const { rows, total } = await listVisits(db, actor, q);
  return { data: rows, pagination: pagination(q, total), abilities: visitListPolicy.abilities(actor, null) };
}

/** The visit as the API returns it after a write. */
const reread = async (db: Db, actor: Actor, id: string): Promise<Visit> => (await findVisit(db, actor, id))!;

/** Host and visitor of a visit, checked: 404 outside scope, 403 without the right, 400 no host. */
async function resolveParties(db: Db | Tx, actor: Actor, hostCode: string, visitorCode: string) {
  const [host, visitor] = await Promise.all([getOrg(db, hostCode), getOrg(db, visitorCode)]);
  if (!inOrgScope(actor, host) && !inOrgScope(actor, visitor)) throw new AppError('NOT_FOUND');
  if (!visitPolicy.can(actor, 'record', { host, visitor })) throw new AppError('FORBIDDEN');
  if (!host.isHost) throw new AppError('NOT_A_HOST');
  return { host, visitor };
}

/**
 * The framework the studied indicators are numbered in: the one the visit's evaluation year uses
 * (frameworks.year.ts), recorded with the visit; every indicator must be one of it.
 */
async function visitFramework(
  db: Db | Tx,
  rule: readonly YearRuleEntry[],
  startDate: string,
  indicators: number[],
) {
  const { framework } = await frameworkOfYear(db, rule, yearOf(startDate), { field: 'body.startDate' });
  const unknown = indicators.filter((n) => !framework.indicators.some((i) => i.number === n));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: unknown.map((n) => ({
        field: 'body.indicators',
        message: 'VISIT_NO_INDICATOR' satisfies TextKey,
        params: { n },
      })),
    });
  }
  return framework.id;
}

async function followUpDays(tx: Tx, programmeId: string | null | undefined) {
  if (!programmeId) return DEFAULT_FOLLOW_UP_DAYS;
  const [p] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!p) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.programmeId', message: 'VISIT_NO_PROGRAMME' satisfies TextKey }],
    });
  }
  return p.followUpDays;
}

/**
 * Records a visit. The visiting body gets a follow-up obligation (baseline assessment and an
 * approved plan within the programme's days) and joins the programme; the host's mentors become
 * its mentors once the body agrees (visits.access.service.ts).
 */
export async function createVisit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  input: VisitBody,
) {
  const frameworkId = await visitFramework(db, rule, input.startDate, input.indicators);
  const id = await db.transaction(async (tx) => {
    const { host, visitor } = await resolveParties(tx, actor, input.hostCode, input.visitorCode);
    const days = await followUpDays(tx, input.programmeId);
    const [visit] = await tx
      .insert(visits)
      .values({
        programmeId: input.programmeId ?? null,
        hostOrgId: host.id,
        visitorOrgId: visitor.id,
        startDate: input.startDate,
        endDate: input.endDate,
        frameworkId,
        indicators: [...new Set(input.indicators)].sort((a, b) => a - b),
        notes: input.notes,
        createdBy: actor.userId,
      })
      .returning();
    if (input.delegates.length) {
      await tx.insert(visitDelegates).values(input.delegates.map((d) => ({ ...d, visitId: visit!.id })));
    }
    const dueDate = addDays(input.endDate, days);
    await tx.insert(followUpObligations).values({ visitId: visit!.id, orgId: visitor.id, dueDate });
    const mentorAccess = await requestMentorAccess(tx, actor, { host, visitor }, visit!.id);
    if (input.programmeId) {
      await tx
        .insert(programmeMembers)
        .values({ programmeId: input.programmeId, orgId: visitor.id })
        .onConflictDoNothing();
    }
    await notify(tx, await usersWithRole(tx, visitor.id, ['body_admin', 'leader']), {
      kind: 'visit.recorded',
      title: inBoth('NOTICE_VISIT_RECORDED', { host: host.name, due: dueDate }),
      link: `/visits/${visit!.id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'visit.recorded',
      entityType: 'visit',
      entityId: visit!.id,
      orgId: visitor.id,
      summary: {
        host: host.code,
        visitor: visitor.code,
        dates: `${input.startDate}..${input.endDate}`,
        delegates: input.delegates.length,
        indicators: input.indicators,
        followUpDue: dueDate,
        mentorAccess,
      },
    });
    await refreshFollowupFacts(tx, [visitor.id]);
    return visit!.id;
  });
  return reread(db, actor, id);
}

export async function updateVisit(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  id: string,
  input: VisitBody,
) {
  await loadVisit(db, actor, id);
  const frameworkId = await visitFramework(db, rule, input.startDate, input.indicators);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(visits).where(eq(visits.id, id)).for('update');
    if (!existing) throw new AppError('NOT_FOUND');
    const { host, visitor } = await resolveParties(tx, actor, input.hostCode, input.visitorCode);
    if (host.id !== existing.hostOrgId || visitor.id !== existing.visitorOrgId) {
      // Moving a visit to other bodies would silently move obligations and mentorships.
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.visitorCode', message: 'VISIT_PARTIES_FIXED' satisfies TextKey }],
      });
    }
    const days = await followUpDays(tx, input.programmeId);
    await tx
      .update(visits)
      .set({
        programmeId: input.programmeId ?? null,
        startDate: input.startDate,
        endDate: input.endDate,
        frameworkId,
        indicators: [...new Set(input.indicators)].sort((a, b) => a - b),
        notes: input.notes,
        updatedAt: new Date(),
      })
      .where(eq(visits.id, id));
    await tx.delete(visitDelegates).where(eq(visitDelegates.visitId, id));
    if (input.delegates.length) {
      await tx.insert(visitDelegates).values(input.delegates.map((d) => ({ ...d, visitId: id })));
    }
    await tx
      .update(followUpObligations)
      .set({ dueDate: addDays(input.endDate, days) })
      .where(and(eq(followUpObligations.visitId, id), eq(followUpObligations.status, 'open')));
    if (input.programmeId) {
      await tx
        .insert(programmeMembers)
        .values({ programmeId: input.programmeId, orgId: visitor.id })
        .onConflictDoNothing();
    }
    await recordAudit(tx, ctx, {
      action: 'visit.updated',
      entityType: 'visit',
      entityId: id,
      orgId: visitor.id,
      summary: {
        dates: `${input.startDate}..${input.endDate}`,
        delegates: input.delegates.length,
        indicators: input.indicators,
      },
    });
    await refreshFollowupFacts(tx, [visitor.id]);
  });
  return reread(db, actor, id);
}

export async function deleteVisit(db: Db, actor: Actor, ctx: AuditContext, id: string) {
  await loadVisit(db, actor, id);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({
        v: visits,
        hostCode: sql<string>`(select o.code from orgs o where o.id = "visits"."host_org_id")`,
        visitorCode: sql<string>`(select o.code from orgs o where o.id = "visits"."visitor_org_id")`,
      })
      .from(visits)
      .where(eq(visits.id, id))
      .for('update');
    if (!existing) throw new AppError('NOT_FOUND');
    const { host, visitor } = await resolveParties(tx, actor, existing.hostCode, existing.visitorCode);
    await tx.delete(visits).where(eq(visits.id, id));
    // The mentorship came from visits: keep it only while another visit to this host remains.
    const [other] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(and(eq(visits.hostOrgId, host.id), eq(visits.visitorOrgId, visitor.id)))
      .limit(1);
    if (!other) {
      await tx
        .delete(mentorships)
        .where(
          and(
            eq(mentorships.hostOrgId, host.id),
            eq(mentorships.menteeOrgId, visitor.id),
            eq(mentorships.isSample, false),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: 'visit.deleted',
      entityType: 'visit',
      entityId: id,
      orgId: visitor.id,
      summary: {
        host: host.code,
        visitor: visitor.code,
        dates: `${existing.v.startDate}..${existing.v.endDate}`,
      },
    });
    await refreshFollowupFacts(tx, [visitor.id]);
  });
}
