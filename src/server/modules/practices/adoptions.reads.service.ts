import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { evidenceFiles } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../orgs/orgs.policy';
import { getOrg, getOrgInScope } from '../orgs/orgs.service';
import {
  type AdoptionRow,
  findAdoptionRow,
  hostFollowers,
  orgAdoptionRows,
  presentAdoptions,
} from './adoptions.queries';
import { adoptionPolicy, hostPolicy } from './practices.policy';

// The ledger's reads: what the adopting body, its supervisors and the host may see.

const subjectOf = (row: AdoptionRow) => ({ org: row.org, host: row.host, stage: row.a.stage });

/** One adoption: the adopting body's scope or the host's mentors and admin; otherwise 404. */
export async function getAdoption(db: DbOrTx, actor: Actor, id: string) {
  const row = await findAdoptionRow(db, id);
  if (!row || !adoptionPolicy.can(actor, 'view', subjectOf(row))) throw new AppError('NOT_FOUND');
  return (await presentAdoptions(db, actor, [row]))[0]!;
}

export async function listOrgAdoptions(db: DbOrTx, actor: Actor, code: string) {
  const org = await getOrgInScope(db, actor, code);
  return presentAdoptions(db, actor, await orgAdoptionRows(db, org.id));
}

/** 404 for a host outside the actor's scope; 403 in scope without the right (e.g. its operator). */
export async function followersOf(db: DbOrTx, actor: Actor, code: string) {
  const host = await getOrg(db, code);
  const allowed = hostPolicy.can(actor, 'seeFollowers', host);
  if (!allowed && !inOrgScope(actor, host)) throw new AppError('NOT_FOUND');
  if (!allowed) throw new AppError('FORBIDDEN');
  if (!host.isHost) throw new AppError('HOST_ONLY');
  return hostFollowers(db, host);
}

/** The MoU/PKS document or the proof of going live of an adoption, for those who may see it. */
export async function adoptionFile(db: DbOrTx, actor: Actor, id: string, fileId: string) {
  const row = await findAdoptionRow(db, id);
  if (!row || !adoptionPolicy.can(actor, 'view', subjectOf(row))) throw new AppError('NOT_FOUND');
  if (row.a.agreement?.fileId !== fileId && row.a.liveFileId !== fileId) throw new AppError('NOT_FOUND');
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
