import type { OutboxList } from '../../../shared/contracts/outbox';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { outboxPolicy } from './outbox.policy';
import { listOutbox } from './outbox.queries';

/** The outbox for a platform admin (403 otherwise); `smtp` says whether mail really leaves. */
export async function readOutbox(
  db: DbOrTx,
  actor: Actor,
  q: { page: number; pageSize: number },
  smtp: boolean,
): Promise<OutboxList> {
  if (!outboxPolicy.can(actor, 'read', null)) throw new AppError('FORBIDDEN');
  const { data, total } = await listOutbox(db, q.page, q.pageSize);
  return { data, pagination: pagination(q, total), smtp };
}
