import { asc, eq, sql } from 'drizzle-orm';
import type { Programme } from '../../../shared/contracts/visits';
import type { DbOrTx } from '../../db/client';
import { orgs, programmeMembers, programmes } from '../../db/schema';

// Correlated counts name their columns in full: drizzle renders interpolated columns without
// their table, which inside the subquery would bind to the inner table.
const selectProgrammes = (db: DbOrTx) =>
  db
    .select({
      p: programmes,
      memberCount: sql<number>`(select count(*)::int from programme_members pm where pm.programme_id = "programmes"."id")`,
      visitCount: sql<number>`(select count(*)::int from visits v where v.programme_id = "programmes"."id")`,
    })
    .from(programmes);

type Row = Awaited<ReturnType<ReturnType<typeof selectProgrammes>['execute']>>[number];

const present = (r: Row): Programme => ({
  id: r.p.id,
  name: r.p.name,
  description: r.p.description,
  year: r.p.year,
  followUpDays: r.p.followUpDays,
  pathThresholdPercent: r.p.pathThresholdPercent,
  memberCount: r.memberCount,
  visitCount: r.visitCount,
  isSample: r.p.isSample,
});

/** Every programme, newest year first. */
export async function listProgrammes(db: DbOrTx): Promise<Programme[]> {
  const rows = await selectProgrammes(db).orderBy(
    sql`${programmes.year} desc nulls last`,
    asc(programmes.name),
  );
  return rows.map(present);
}

/** One programme with its members, or null. */
export async function findProgramme(db: DbOrTx, id: string) {
  const [row] = await selectProgrammes(db).where(eq(programmes.id, id));
  if (!row) return null;
  const members = await db
    .select({ code: orgs.code, name: orgs.name, type: orgs.type })
    .from(programmeMembers)
    .innerJoin(orgs, eq(orgs.id, programmeMembers.orgId))
    .where(eq(programmeMembers.programmeId, id))
    .orderBy(asc(orgs.code));
  return { ...present(row), members };
}
