import { desc } from 'drizzle-orm';
import type { OutboxMessage } from '../../../shared/contracts/outbox';
import type { DbOrTx } from '../../db/client';
import { outbox } from '../../db/schema';

/** One page of stored and sent emails, newest first, with the total. */
export async function listOutbox(db: DbOrTx, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(outbox)
      .orderBy(desc(outbox.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.$count(outbox),
  ]);
  const data: OutboxMessage[] = rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
  return { data, total };
}
