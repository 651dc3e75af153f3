import { and, eq } from 'drizzle-orm';
import type { MentorAccessDecision, MentorAccessStatus, VisitDetail } from '../../../shared/contracts/visits';
import { inBoth } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import { mentorships } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { findOrgByCode } from '../orgs/orgs.queries';
import { type VisitParties, visitAbilities, visitPolicy } from './visits.policy';
import { findVisit, findVisitParties } from './visits.queries';

// A visit makes the host's mentors mentors of the visiting body, which opens its users, evidence,
// plans and assessment review to them. That access belongs to the visiting body: it is active
// only once the body (its admin or leader) or a supervisor over it has agreed. The visit itself,
// its obligation and the follow-up measure do not wait for that answer.

type Parties = VisitParties & { host: { name: string }; visitor: { name: string } };

const pair = ({ host, visitor }: VisitParties) =>
  and(eq(mentorships.hostOrgId, host.id), eq(mentorships.menteeOrgId, visitor.id));

/**
 * The mentor access a newly recorded visit asks for, inside the visit's transaction. Someone who
 * may decide for the visitor confirms by recording; otherwise a missing or declined grant becomes
 * pending and the visitor's admins and leaders are asked. An active grant stays active.
 */
export async function requestMentorAccess(
  tx: Tx,
  actor: Actor,
  parties: Parties,
  visitId: string,
): Promise<MentorAccessStatus> {
  const confirmed = visitPolicy.can(actor, 'decideAccess', parties);
  const wanted: MentorAccessStatus = confirmed ? 'active' : 'pending';
  const decidedAt = confirmed ? new Date() : null;
  const [created] = await tx
    .insert(mentorships)
    .values({ hostOrgId: parties.host.id, menteeOrgId: parties.visitor.id, status: wanted, decidedAt })
    .onConflictDoNothing()
    .returning({ status: mentorships.status });
  let status = created?.status;
  if (!status) {
    const [existing] = await tx.select().from(mentorships).where(pair(parties)).for('update');
    status = existing!.status;
    // A declined grant is asked for again by a new visit; a pending one waits as it is.
    if (status !== 'active' && (confirmed || status === 'declined')) {
      await tx.update(mentorships).set({ status: wanted, decidedAt }).where(pair(parties));
      status = wanted;
    } else if (status === 'pending') {
      return status;
    }
  }
  if (status === 'pending') {
    await notify(tx, await deciders(tx, parties.visitor), {
      kind: 'visit.access_pending',
      title: inBoth('NOTICE_MENTOR_ACCESS_PENDING', {
        host: parties.host.name,
        visitor: parties.visitor.name,
      }),
      link: `/visits/${visitId}`,
    });
  }
  return status;
}

/**
 * Who is asked to answer: the visiting body's admins and leaders; a body without either (many have
 * no accounts yet) is answered for by the supervisors of its province, and failing those by the
 * national supervisors, so a request never waits unseen.
 */
async function deciders(tx: Tx, visitor: Parties['visitor']): Promise<string[]> {
  const own = await usersWithRole(tx, visitor.id, ['body_admin', 'leader']);
  if (own.length) return own;
  const provinceCode = visitor.type === 'province' ? visitor.code : visitor.provinceCode;
  const province = provinceCode ? await findOrgByCode(tx, provinceCode) : null;
  const supervisors = province ? await usersWithRole(tx, province.id, ['province_supervisor']) : [];
  if (supervisors.length) return supervisors;
  return usersWithRole(tx, 'anywhere', ['national_supervisor']);
}

/**
 * Confirms or declines the mentor access of a visit's host over its visitor. Idempotent: the same
 * answer twice changes nothing and records nothing. Declining an active grant withdraws it.
 * 404 outside the actor's scope, 403 for anyone but the visitor's admin/leader or a supervisor
 * over it, 409 when the visit no longer carries a grant.
 */
export async function decideVisitAccess(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  decision: MentorAccessDecision,
): Promise<VisitDetail> {
  if (!(await findVisit(db, actor, id))) throw new AppError('NOT_FOUND');
  const parties = await findVisitParties(db, id);
  if (!visitPolicy.can(actor, 'decideAccess', parties)) throw new AppError('FORBIDDEN');
  const to: MentorAccessStatus = decision === 'confirm' ? 'active' : 'declined';
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(mentorships).where(pair(parties)).for('update');
    if (!row) throw new AppError('CONFLICT');
    if (row.status === to) return;
    await tx.update(mentorships).set({ status: to, decidedAt: new Date() }).where(pair(parties));
    const { host, visitor } = parties;
    await recordAudit(tx, ctx, {
      action: decision === 'confirm' ? 'visit.access_confirmed' : 'visit.access_declined',
      entityType: 'visit',
      entityId: id,
      orgId: visitor.id,
      summary: { host: host.code, visitor: visitor.code, from: row.status },
    });
    await notify(tx, await usersWithRole(tx, host.id, ['mentor']), {
      kind: `visit.access_${to}`,
      title: inBoth(
        decision === 'confirm'
          ? 'NOTICE_MENTOR_ACCESS_CONFIRMED'
          : row.status === 'active'
            ? 'NOTICE_MENTOR_ACCESS_WITHDRAWN'
            : 'NOTICE_MENTOR_ACCESS_DECLINED',
        // Who answered: the body itself or a supervisor over it (the mentors should know which).
        { host: host.name, visitor: visitor.name, by: actor.name },
      ),
      link: `/visits/${id}`,
    });
  });
  // The decider is in the visitor's scope, so the visit is still theirs to see.
  return { data: (await findVisit(db, actor, id))!, abilities: visitAbilities(actor, parties) };
}
