import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { assistanceCreateSchema, assistanceUpdateSchema } from '../../../shared/contracts/assistance';
import { inBoth } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import { adoptions, assistanceRequests, practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrg, getOrgInScope } from '../orgs/orgs.service';
import { presentAssistance } from './assistance.queries';
import { checkMentors, invalid } from './practices.checks';
import { assistancePolicy, bodyPolicy } from './practices.policy';

type Create = z.infer<typeof assistanceCreateSchema>;
type Update = z.infer<typeof assistanceUpdateSchema>;

/** The practice and adoption a request cites must be this host's (and, for adoptions, this body's). */
async function checkRefs(tx: Tx, orgId: string, hostId: string, input: Create) {
  let practiceId = input.practiceId ?? null;
  if (input.adoptionId) {
    const [a] = await tx
      .select({ practiceId: adoptions.practiceId })
      .from(adoptions)
      .where(
        and(eq(adoptions.id, input.adoptionId), eq(adoptions.orgId, orgId), eq(adoptions.hostOrgId, hostId)),
      );
    if (!a) throw invalid('body.adoptionId', 'ASSISTANCE_ADOPTION_UNKNOWN');
    if (practiceId && practiceId !== a.practiceId)
      throw invalid('body.practiceId', 'ASSISTANCE_PRACTICE_MISMATCH');
    practiceId = a.practiceId;
  }
  if (practiceId) {
    const [p] = await tx
      .select({ id: practices.id })
      .from(practices)
      .where(
        and(eq(practices.id, practiceId), eq(practices.hostOrgId, hostId), ne(practices.status, 'draft')),
      );
    if (!p) throw invalid('body.practiceId', 'ASSISTANCE_PRACTICE_UNKNOWN');
  }
  return practiceId;
}

/** A body asks a host for technical assistance; the host's mentors and admin are told. */
export async function requestAssistance(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  code: string,
  input: Create,
) {
  const saved = await db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, code);
    if (!bodyPolicy.can(actor, 'requestAssistance', org)) throw new AppError('FORBIDDEN');
    const host = await getOrg(tx, input.hostCode);
    if (!host.isHost) throw new AppError('HOST_ONLY');
    if (host.id === org.id) throw invalid('body.hostCode', 'ASSISTANCE_TO_ITSELF');
    const practiceId = await checkRefs(tx, org.id, host.id, input);
    const [r] = await tx
      .insert(assistanceRequests)
      .values({
        orgId: org.id,
        hostOrgId: host.id,
        practiceId,
        adoptionId: input.adoptionId ?? null,
        topic: input.topic,
        description: input.description,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'assistance.requested',
      entityType: 'assistance_request',
      entityId: r!.id,
      orgId: org.id,
      summary: { host: host.code, topic: input.topic, practiceId },
    });
    await notify(tx, await usersWithRole(tx, host.id, ['mentor', 'body_admin']), {
      kind: 'assistance.requested',
      title: inBoth('NOTICE_ASSISTANCE_REQUESTED', { org: org.name, topic: input.topic }),
      link: `/assistance/${r!.id}`,
    });
    return r!;
  });
  return (await presentAssistance(db, actor, saved.id))!;
}

/**
 * The host answers: status, assigned mentor, response. Its first update stamps the first
 * response; resolving or closing stamps the resolution (cleared if the request is reopened).
 */
export async function updateAssistance(db: Db, actor: Actor, ctx: AuditContext, id: string, input: Update) {
  await db.transaction(async (tx) => {
    const [r] = await tx.select().from(assistanceRequests).where(eq(assistanceRequests.id, id)).for('update');
    if (!r) throw new AppError('NOT_FOUND');
    const [org, host] = await Promise.all([findOrgById(tx, r.orgId), findOrgById(tx, r.hostOrgId)]);
    const subject = { org: org!, host: host! };
    if (!assistancePolicy.can(actor, 'view', subject)) throw new AppError('NOT_FOUND');
    if (!assistancePolicy.can(actor, 'update', subject)) throw new AppError('FORBIDDEN');
    if (input.assignedMentorId)
      await checkMentors(tx, host!.id, [input.assignedMentorId], 'body.assignedMentorId');
    const now = new Date();
    // An answer (a response, or a status the requester sees) takes an open request in hand and is
    // the host's first response; assigning a mentor alone is the host's own triage and is neither.
    const answers = !!input.response || input.status !== undefined;
    const status = input.status ?? (input.response && r.status === 'open' ? 'in_progress' : r.status);
    const done = status === 'resolved' || status === 'closed';
    const set = {
      status,
      assignedMentorId: input.assignedMentorId === undefined ? r.assignedMentorId : input.assignedMentorId,
      response: input.response ?? r.response,
      firstResponseAt: r.firstResponseAt ?? (answers ? now : null),
      resolvedAt: done ? (r.resolvedAt ?? now) : null,
    };
    await tx.update(assistanceRequests).set(set).where(eq(assistanceRequests.id, id));
    await recordAudit(tx, ctx, {
      action: 'assistance.updated',
      entityType: 'assistance_request',
      entityId: id,
      orgId: r.orgId,
      summary: {
        from: r.status,
        to: status,
        assignedMentorId: set.assignedMentorId,
        responded: !!input.response,
      },
    });
    const requesters = [...(await usersWithRole(tx, r.orgId, ['body_admin'])), r.createdBy];
    await notify(tx, requesters, {
      kind: 'assistance.updated',
      title: inBoth('NOTICE_ASSISTANCE_ANSWERED', { host: host!.name, topic: r.topic }),
      link: `/assistance/${id}`,
    });
    if (
      set.assignedMentorId &&
      set.assignedMentorId !== r.assignedMentorId &&
      set.assignedMentorId !== actor.userId
    ) {
      await notify(tx, [set.assignedMentorId], {
        kind: 'assistance.assigned',
        title: inBoth('NOTICE_ASSISTANCE_ASSIGNED', { org: org!.name, topic: r.topic }),
        link: `/assistance/${id}`,
      });
    }
  });
  return (await presentAssistance(db, actor, id))!;
}
