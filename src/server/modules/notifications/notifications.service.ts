import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { Db, DbOrTx } from '../../db/client';
import { memberships, notifications, users } from '../../db/schema';
import type { Mailer } from '../../platform/mail';

export type Notice = {
  kind: string;
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
    const lines = mine.map((n) => `- ${n.titleId}\n  ${publicUrl}${n.link}`);
    const linesEn = mine.map((n) => `- ${n.titleEn}\n  ${publicUrl}${n.link}`);
    const subject =
      mode === 'daily' || mine.length > 1
        ? `[Living Lab SPBE] ${mine.length} pemberitahuan / notifications`
        : `[Living Lab SPBE] ${mine[0]!.titleId}`;
    await mailer.send(db, {
      kind: mode === 'daily' ? 'digest' : 'notification',
      to: r.email,
      subject,
      text: `Yth. ${r.name},\n\n${lines.join('\n')}\n\nUbah pengaturan email di ${publicUrl}/account\n\n---\n\n${linesEn.join('\n')}\n\nChange your email settings at ${publicUrl}/account\n`,
    });
    sent += 1;
  }
  return sent;
}
