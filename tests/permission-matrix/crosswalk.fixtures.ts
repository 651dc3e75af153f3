import { eq } from 'drizzle-orm';
import { assessmentItems, assessments, evidenceLinks, orgs } from '../../src/server/db/schema';
import { pemdi2026Framework } from '../../src/shared/framework/frameworks';
import { ctx } from './context';
import { assessmentIn, evidenceOf } from './fixtures';

// Records the crosswalk routes' matrix entries need: a body's Pemdi 2026 assessment, and a file it
// linked to a related SPBE 2020 indicator (SPBE 15 relates to Pemdi 13).

/** A draft Pemdi 2026 assessment of a body, written directly (years far apart). */
export async function pemdiAssessmentIn(orgCode = '32.05'): Promise<string> {
  ctx.n += 1;
  const [org] = await ctx.t.database.db.select().from(orgs).where(eq(orgs.code, orgCode));
  const [a] = await ctx.t.database.db
    .insert(assessments)
    .values({
      orgId: org!.id,
      year: 3000 + ctx.n,
      frameworkId: pemdi2026Framework.id,
      frameworkVersion: pemdi2026Framework.version,
    })
    .returning();
  await ctx.t.database.db
    .insert(assessmentItems)
    .values(pemdi2026Framework.indicators.map((i) => ({ assessmentId: a!.id, indicator: i.number })));
  return a!.id;
}

/** A file of Garut linked to SPBE 2020 indicator 15 in one of its assessments. */
export async function spbeEvidence(): Promise<string> {
  const fileId = await evidenceOf();
  await ctx.t.database.db
    .insert(evidenceLinks)
    .values({ fileId, assessmentId: await assessmentIn(), indicator: 15 });
  return fileId;
}
