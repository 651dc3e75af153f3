import type { AuditQuery } from '../../../shared/contracts/audit';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { auditPolicy, auditScope } from './audit.policy';
import { listAuditEvents } from './audit.queries';

/** Platform admins read everything; a body admin reads the events of their own bodies. */
export async function readAuditLog(db: DbOrTx, actor: Actor, query: AuditQuery) {
  if (!auditPolicy.can(actor, 'read', null)) throw new AppError('FORBIDDEN');
  return listAuditEvents(db, auditScope(actor), query);
}
