import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { actionPlans, assessments, followUpObligations } from '../../db/schema';

/**
 * A visit's obligation is met once the body has submitted a baseline self-assessment and has an
 * approved action plan. Called where either of those happens, inside that transaction.
 */
export async function settleObligations(tx: DbOrTx, orgId: string): Promise<number> {
  const [assessed] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), gt(assessments.round, 0)))
    .limit(1);
  const [planned] = await tx
    .select({ id: actionPlans.id })
    .from(actionPlans)
    .where(and(eq(actionPlans.orgId, orgId), gt(actionPlans.approvedVersion, 0)))
    .limit(1);
  if (!assessed || !planned) return 0;
  const met = await tx
    .update(followUpObligations)
    .set({ status: 'met', settledAt: sql`now()` })
    .where(and(eq(followUpObligations.orgId, orgId), ne(followUpObligations.status, 'met')))
    .returning({ id: followUpObligations.id });
  return met.length;
}
