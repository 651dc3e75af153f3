import type { AuditQuery } from '../../../shared/contracts/audit';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { AuditChainer } from '../../platform/audit-chain';
import type { Actor } from '../../platform/auth/actor';
import { auditPolicy, auditScope } from './audit.policy';
import { listAuditEvents } from './audit.queries';

/**
 * Platform admins read everything; a body admin reads the events of their own bodies. Events
 * are chained first, so the page shows every committed event with its place in the chain.
 */
export async function readAuditLog(db: DbOrTx, actor: Actor, query: AuditQuery, chain: AuditChainer) {
  if (!auditPolicy.can(actor, 'read', null)) throw new AppError('FORBIDDEN');
  // A chainer failure must not hide the log: events then show as not yet chained.
  await chain.tryFlush();
  return listAuditEvents(db, auditScope(actor), query);
}
