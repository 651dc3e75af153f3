import { and, eq, inArray, or } from 'drizzle-orm';
import type { BodyIndex } from '../../../shared/contracts/supervision';
import { type AreaAverage, areaAverage, latestIndexes } from '../../../shared/framework/body-index';
import type { DbOrTx } from '../../db/client';
import { orgs } from '../../db/schema';
import { indexResults } from './supervision.queries';

// Bodies' indices and provinces' averages for the pages that show them beside each other (home
// pages, the leader's rapor), read the way the cockpits read them: the same follow-up facts and
// the one definition in shared/framework/body-index.ts.

export type IndexFigures = { latest: Map<string, BodyIndex>; provinces: Map<string, AreaAverage> };

/** Each province's members, by province code: its government and its evaluated kab/kota. */
async function provinceMembers(db: DbOrTx, codes: string[]) {
  const rows = await db
    .select({ id: orgs.id, code: orgs.code, type: orgs.type, provinceCode: orgs.provinceCode })
    .from(orgs)
    .where(
      and(
        inArray(orgs.type, ['province', 'regency', 'city']),
        // Administrative areas (DKI Jakarta's) are listed but counted in no average.
        eq(orgs.evaluated, true),
        or(inArray(orgs.code, codes), inArray(orgs.provinceCode, codes)),
      ),
    );
  const members = new Map<string, string[]>(codes.map((c) => [c, []]));
  for (const r of rows) members.get(r.type === 'province' ? r.code : r.provinceCode!)?.push(r.id);
  return members;
}

/** The index of each of these bodies, and the average of each of these provinces. */
export async function indexFigures(
  db: DbOrTx,
  orgIds: string[],
  provinceCodes: string[],
): Promise<IndexFigures> {
  const codes = [...new Set(provinceCodes)];
  const members = codes.length ? await provinceMembers(db, codes) : new Map<string, string[]>();
  const ids = [...new Set([...orgIds, ...[...members.values()].flat()])];
  const latest = ids.length ? latestIndexes(await indexResults(db, ids)) : new Map<string, BodyIndex>();
  return {
    latest,
    provinces: new Map([...members].map(([code, memberIds]) => [code, areaAverage(latest, memberIds)])),
  };
}
