import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit';
import { hashPassword } from '../../platform/crypto';
import type { Db } from '../client';
import { memberships, mentorships, orgs, users } from '../schema';
import { SAMPLE_PASSWORD, sampleAccounts, sampleMembers } from './sample-accounts';
import { loadSampleAssessments } from './sample-assessments';
import { loadSampleCohort } from './sample-cohort';
import { loadSampleFollowUp } from './sample-followup';
import { loadSamplePractices } from './sample-practices';

/** Loads the labelled sample data once (first start in sample mode); each part only once. */
export async function loadSampleData(db: Db): Promise<boolean> {
  const accounts = await loadSampleAccounts(db);
  const assessed = await loadSampleAssessments(db);
  const followed = await loadSampleFollowUp(db);
  const practised = await loadSamplePractices(db);
  const cohort = await loadSampleCohort(db);
  return accounts || assessed || followed || practised || cohort;
}

async function loadSampleAccounts(db: Db): Promise<boolean> {
  const [already] = await db.select({ id: users.id }).from(users).where(eq(users.isSample, true)).limit(1);
  if (already) return false;
  // One hash for all sample accounts: they share the published sample password anyway.
  const passwordHash = await hashPassword(SAMPLE_PASSWORD);
  await db.transaction(async (tx) => {
    const codes = [
      ...new Set([...sampleAccounts.map((a) => a.orgCode), ...sampleMembers.map((m) => m.code)]),
    ];
    const orgRows = await tx
      .select({ id: orgs.id, code: orgs.code })
      .from(orgs)
      .where(inArray(orgs.code, codes));
    const idOf = new Map(orgRows.map((o) => [o.code, o.id]));
    for (const m of sampleMembers) {
      await tx
        .update(orgs)
        .set({ isMember: true, memberSince: m.memberSince, isSample: true })
        .where(eq(orgs.code, m.code));
    }
    const created = await tx
      .insert(users)
      .values(
        sampleAccounts.map((a) => ({
          email: a.email,
          name: a.name,
          passwordHash,
          isSample: true,
          passwordChangedAt: new Date(),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    const userId = new Map(created.map((u) => [u.email, u.id]));
    await tx
      .insert(memberships)
      .values(
        sampleAccounts
          .filter((a) => userId.has(a.email))
          .map((a) => ({ userId: userId.get(a.email)!, orgId: idOf.get(a.orgCode)!, role: a.role })),
      )
      .onConflictDoNothing();
    await tx
      .insert(mentorships)
      .values({ hostOrgId: idOf.get('32.11')!, menteeOrgId: idOf.get('32.05')!, isSample: true })
      .onConflictDoNothing();
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      { action: 'system.sample_loaded', entityType: 'system', summary: { accounts: sampleAccounts.length } },
    );
  });
  return true;
}
