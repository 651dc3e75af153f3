import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { adoptions, commitmentSignatures, officialResults, orgs, practices } from '../../db/schema';
import { orgColumns, orgProvince } from '../orgs/orgs.queries';
import { publicAdoptionStages, publicPracticeStatuses } from './public.policy';

// Reads of the public portal. Each one selects named columns of records that are public by
// nature (public.policy.ts); nothing here reads users, drafts, evidence or assessments.

/** Every body of the directory with what the portal lists about it. */
export async function allBodies(db: DbOrTx) {
  return db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      type: orgs.type,
      provinceCode: orgs.provinceCode,
      provinceName: orgColumns.provinceName,
      isHost: orgs.isHost,
      evaluated: orgs.evaluated,
      isSample: orgs.isSample,
    })
    .from(orgs)
    .leftJoin(orgProvince, eq(orgProvince.code, orgs.provinceCode))
    .orderBy(asc(orgs.code));
}

/** Each body's latest official result (a null body is the national average: not a body). */
export async function latestOfficialResults(db: DbOrTx) {
  return db
    .selectDistinctOn([officialResults.orgId], {
      orgId: officialResults.orgId,
      year: officialResults.year,
      frameworkId: officialResults.frameworkId,
      index: officialResults.index,
      predicate: officialResults.predicate,
    })
    .from(officialResults)
    .where(sql`${officialResults.orgId} is not null`)
    .orderBy(officialResults.orgId, desc(officialResults.year), asc(officialResults.frameworkId));
}

/** Bodies with a valid (not revoked) commitment signature. */
export async function signedOrgIds(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ orgId: commitmentSignatures.orgId })
    .from(commitmentSignatures)
    .where(isNull(commitmentSignatures.revokedAt));
  return new Set(rows.map((r) => r.orgId));
}

export async function publishedPracticeCount(db: DbOrTx) {
  const [row] = await db
    .select({ n: count() })
    .from(practices)
    .where(inArray(practices.status, publicPracticeStatuses));
  return row?.n ?? 0;
}

/** A body's published official results, newest first. */
export async function officialResultsOf(db: DbOrTx, orgId: string) {
  return db
    .select({
      year: officialResults.year,
      frameworkId: officialResults.frameworkId,
      index: officialResults.index,
      predicate: officialResults.predicate,
      domains: officialResults.domains,
      source: officialResults.source,
      isReference: officialResults.isReference,
      isSample: officialResults.isSample,
    })
    .from(officialResults)
    .where(eq(officialResults.orgId, orgId))
    .orderBy(desc(officialResults.year), asc(officialResults.frameworkId));
}

/** A body's valid signatures: the signer's position, not the signing user. */
export async function signaturesOf(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: commitmentSignatures.id,
      textVersion: commitmentSignatures.textVersion,
      signerPosition: commitmentSignatures.signerPosition,
      signedAt: commitmentSignatures.signedAt,
    })
    .from(commitmentSignatures)
    .where(and(eq(commitmentSignatures.orgId, orgId), isNull(commitmentSignatures.revokedAt)))
    .orderBy(desc(commitmentSignatures.signedAt));
}

/** The published practices a body hosts. */
export async function practicesHostedBy(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: practices.id,
      title: practices.title,
      type: practices.type,
      publishedAt: practices.publishedAt,
    })
    .from(practices)
    .where(and(eq(practices.hostOrgId, orgId), inArray(practices.status, publicPracticeStatuses)))
    .orderBy(asc(practices.title));
}

/** The published practices a body replicates, agreed or further along. */
export async function replicationsOf(db: DbOrTx, orgId: string) {
  return db
    .select({
      practiceId: practices.id,
      title: practices.title,
      hostCode: orgs.code,
      hostName: orgs.name,
      stage: adoptions.stage,
    })
    .from(adoptions)
    .innerJoin(practices, eq(practices.id, adoptions.practiceId))
    .innerJoin(orgs, eq(orgs.id, adoptions.hostOrgId))
    .where(
      and(
        eq(adoptions.orgId, orgId),
        inArray(adoptions.stage, publicAdoptionStages),
        inArray(practices.status, publicPracticeStatuses),
      ),
    )
    .orderBy(asc(practices.title));
}
