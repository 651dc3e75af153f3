import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { EmailMode } from '../../../shared/contracts/notifications';
import { inBoth } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { memberships, notifications, users } from '../../db/schema';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Mailer } from '../../platform/mail';

export type Notice = {
  kind: string;
  /** Both languages (the reader may switch): take them from the text table with inBoth(key). */
  title: { id: string; en: string };
  /** Path in the web app, e.g. /plans/… */
  link: string;
};

/** Users holding any of the roles in a body (or in any of several bodies). */
export async function usersWithRole(tx: DbOrTx, orgIds: string | string[], roles: Role[]) {
  const ids = typeof orgIds === 'string' ? [orgIds] : orgIds;
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(inArray(memberships.orgId, ids), inArray(memberships.role, roles)));
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
 * Emails notifications that have not been emailed yet: one message each for users who want them
 * at once, or one digest per user for the daily mode. Rows are claimed with an UPDATE before
 * sending, so two app instances never email the same notification.
 */
export async function deliverEmails(db: Db, mailer: Mailer, publicUrl: string, mode: 'immediate' | 'daily') {
  const claimed = await db
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(
      and(
        isNull(notifications.emailedAt),
        gt(notifications.createdAt, sql`now() - interval '3 days'`),
        inArray(
          notifications.userId,
          db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.notifyEmail, mode), eq(users.isActive, true))),
        ),
      ),
    )
    .returning();
  if (!claimed.length) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(claimed.map((n) => n.userId))]));
  let sent = 0;
  for (const r of recipients) {
    const mine = claimed.filter((n) => n.userId === r.id);
    const greeting = inBoth('MAIL_GREETING', { name: r.name });
    const settings = inBoth('MAIL_SETTINGS', { url: `${publicUrl}/account` });
    const lines = mine.map((n) => `- ${n.titleId}\n  ${publicUrl}${n.link}`);
    const linesEn = mine.map((n) => `- ${n.titleEn}\n  ${publicUrl}${n.link}`);
    const word = inBoth('MAIL_NOTIFICATIONS');
    const subject =
      mode === 'daily' || mine.length > 1
        ? `[Living Lab SPBE] ${mine.length} ${word.id} / ${word.en}`
        : `[Living Lab SPBE] ${mine[0]!.titleId}`;
    await mailer.send(db, {
      kind: mode === 'daily' ? 'digest' : 'notification',
      to: r.email,
      subject,
      text: `${greeting.id}\n\n${lines.join('\n')}\n\n${settings.id}\n\n---\n\n${linesEn.join('\n')}\n\n${settings.en}\n`,
    });
    sent += 1;
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
