import { and, asc, eq, exists, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { EmailMode } from '../../../shared/contracts/notifications';
import { inBoth } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { memberships, mentorships, notifications, users } from '../../db/schema';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Mailer, MailMessage } from '../../platform/mail';

export type Notice = {
  kind: string;
  /** Both languages (the reader may switch): take them from the text table with inBoth(key). */
  title: { id: string; en: string };
  /** Path in the web app, e.g. /plans/… */
  link: string;
};

/**
 * Users holding any of the roles in a body (or in any of several bodies), or wherever their
 * membership is recorded (`'anywhere'`: national roles, which no one body owns).
 */
export async function usersWithRole(tx: DbOrTx, orgIds: string | string[] | 'anywhere', roles: Role[]) {
  const ids = orgIds === 'anywhere' ? null : typeof orgIds === 'string' ? [orgIds] : orgIds;
  if (ids && !ids.length) return [];
  const rows = await tx
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .where(and(ids ? inArray(memberships.orgId, ids) : undefined, inArray(memberships.role, roles)));
  return rows.map((r) => r.id);
}

/** The mentors of the hosts whose mentor access over the body is confirmed (its reviewers there). */
export async function hostMentorsOf(tx: DbOrTx, orgId: string) {
  const rows = await tx
    .selectDistinct({ id: memberships.userId })
    .from(mentorships)
    .innerJoin(memberships, and(eq(memberships.orgId, mentorships.hostOrgId), eq(memberships.role, 'mentor')))
    .where(and(eq(mentorships.menteeOrgId, orgId), eq(mentorships.status, 'active')));
  return rows.map((r) => r.id);
}

/** In-app notifications for each user once (inside the caller's transaction). */
export async function notify(
  tx: DbOrTx,
  userIds: (string | null | undefined)[],
  notice: Notice,
): Promise<number> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  if (!ids.length) return 0;
  await tx.insert(notifications).values(
    ids.map((userId) => ({
      userId,
      kind: notice.kind,
      titleId: notice.title.id,
      titleEn: notice.title.en,
      link: notice.link,
    })),
  );
  return ids.length;
}

/**
 * Many notices in one statement (inside the caller's transaction): the rows travel as one JSON
 * parameter, so a batch of any size stays far from PostgreSQL's 65,535-parameter limit. Each
 * notice reaches each of its users once.
 */
export async function notifyAll(tx: DbOrTx, batch: { users: string[]; notice: Notice }[]): Promise<number> {
  const rows = batch.flatMap(({ users: ids, notice }) =>
    [...new Set(ids)].map((user_id) => ({
      user_id,
      kind: notice.kind,
      title_id: notice.title.id,
      title_en: notice.title.en,
      link: notice.link,
    })),
  );
  if (!rows.length) return 0;
  await tx.execute(sql`insert into ${notifications} (user_id, kind, title_id, title_en, link)
    select user_id, kind, title_id, title_en, link
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as x(user_id uuid, kind text, title_id text, title_en text, link text)`);
  return rows.length;
}

/** Notifications listed in one email; the rest are counted (they are all in the app). */
export const MAIL_MAX_LINES = 100;

/**
 * Emails notifications that have not been emailed yet: one message each for users who want them
 * at once, or one digest per user for the daily mode. Rows are claimed with an UPDATE in the
 * transaction that puts their messages in the outbox, so two app instances never email the same
 * notification and a crash never loses one; SMTP delivery follows the commit. Users are taken a
 * batch at a time (in id order, their ids as one array parameter), so a national run with
 * hundreds of thousands of notifications neither loads them all at once nor sends a statement
 * per message.
 */
export async function deliverEmails(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  mode: 'immediate' | 'daily',
  usersPerBatch = 200,
) {
  const pending = and(
    isNull(notifications.emailedAt),
    gt(notifications.createdAt, sql`now() - interval '3 days'`),
  );
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.notifyEmail, mode),
          eq(users.isActive, true),
          after ? gt(users.id, after) : undefined,
          exists(
            db
              .select({ one: sql`1` })
              .from(notifications)
              .where(and(eq(notifications.userId, users.id), pending)),
          ),
        ),
      )
      .orderBy(asc(users.id))
      .limit(usersPerBatch);
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    // The claim and the outbox rows commit together: a crash leaves either both or neither, so
    // a notification is emailed once, never lost between its claim and its message.
    const queued = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(notifications)
        .set({ emailedAt: new Date() })
        .where(
          inArray(
            notifications.id,
            // Rows another delivery is claiming right now are skipped, not waited for: no two
            // deliveries (this instance's minute job, another instance) ever deadlock.
            tx
              .select({ id: notifications.id })
              .from(notifications)
              .where(
                and(
                  pending,
                  sql`${notifications.userId} = any(${sql.param(batch.map((u) => u.id))}::uuid[])`,
                ),
              )
              .for('update', { skipLocked: true }),
          ),
        )
        .returning({
          userId: notifications.userId,
          titleId: notifications.titleId,
          titleEn: notifications.titleEn,
          link: notifications.link,
        });
      const byUser = new Map<string, typeof claimed>();
      for (const n of claimed) {
        const list = byUser.get(n.userId);
        if (list) list.push(n);
        else byUser.set(n.userId, [n]);
      }
      const messages: MailMessage[] = [];
      for (const r of batch) {
        const mine = byUser.get(r.id);
        if (!mine?.length) continue; // another instance claimed them first
        const greeting = inBoth('MAIL_GREETING', { name: r.name });
        const settings = inBoth('MAIL_SETTINGS', { url: `${publicUrl}/account` });
        // A province supervisor or a host mentor can receive thousands in one national run: the
        // message lists the first ones and counts the rest (mail servers refuse huge messages).
        const listed = mine.slice(0, MAIL_MAX_LINES);
        const more =
          mine.length > MAIL_MAX_LINES
            ? inBoth('MAIL_MORE', { count: mine.length - MAIL_MAX_LINES, url: publicUrl })
            : null;
        const lines = listed
          .map((n) => `- ${n.titleId}\n  ${publicUrl}${n.link}`)
          .concat(more ? [more.id] : []);
        const linesEn = listed
          .map((n) => `- ${n.titleEn}\n  ${publicUrl}${n.link}`)
          .concat(more ? [more.en] : []);
        const word = inBoth('MAIL_NOTIFICATIONS');
        const subject =
          mode === 'daily' || mine.length > 1
            ? `[Living Lab SPBE] ${mine.length} ${word.id} / ${word.en}`
            : `[Living Lab SPBE] ${mine[0]!.titleId}`;
        messages.push({
          kind: mode === 'daily' ? 'digest' : 'notification',
          to: r.email,
          subject,
          text: `${greeting.id}\n\n${lines.join('\n')}\n\n${settings.id}\n\n---\n\n${linesEn.join('\n')}\n\n${settings.en}\n`,
        });
      }
      return mailer.queue(tx, messages);
    });
    await mailer.deliver(db, queued);
    sent += queued.length;
    if (batch.length < usersPerBatch) break;
  }
  return sent;
}

/** Marks the given notifications (or all of the user's) as read. */
export async function markRead(db: Db, actor: Actor, ctx: AuditContext, ids: string[] | undefined) {
  const where = and(
    eq(notifications.userId, actor.userId),
    isNull(notifications.readAt),
    ids ? inArray(notifications.id, ids) : undefined,
  );
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(where)
      .returning({ id: notifications.id });
    if (rows.length) {
      await recordAudit(tx, ctx, {
        action: 'notification.read',
        entityType: 'user',
        entityId: actor.userId,
        summary: { count: rows.length },
      });
    }
    return rows.length;
  });
}

export async function setEmailPreference(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { email: EmailMode },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ notifyEmail: input.email, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, ctx, {
      action: 'user.notification_preferences',
      entityType: 'user',
      entityId: actor.userId,
      summary: { ...input },
    });
  });
}
