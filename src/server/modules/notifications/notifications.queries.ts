import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { EmailMode, NotificationListQuery } from '../../../shared/contracts/notifications';
import type { Locale } from '../../../shared/errors';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { notifications, users } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';

// Reads of the signed-in user's own notifications: nobody reads another user's.

/** Titles are stored in both languages and sent in the request's, like every other API text. */
export async function listNotifications(db: DbOrTx, actor: Actor, q: NotificationListQuery, locale: Locale) {
  const mine = eq(notifications.userId, actor.userId);
  const cond = q.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(cond)
      .orderBy(desc(notifications.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(cond),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    data: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: locale === 'en' ? n.titleEn : n.titleId,
      link: n.link,
      read: !!n.readAt,
      createdAt: n.createdAt.toISOString(),
    })),
    pagination: pagination(q, total?.n ?? 0),
    unread: unread?.n ?? 0,
  };
}

export async function emailPreference(db: DbOrTx, actor: Actor): Promise<{ email: EmailMode }> {
  const [u] = await db.select({ email: users.notifyEmail }).from(users).where(eq(users.id, actor.userId));
  return { email: u!.email };
}
