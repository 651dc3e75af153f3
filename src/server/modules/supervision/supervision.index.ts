import type { BodyIndex } from '../../../shared/contracts/supervision';
import { type AreaAverage, areaAverage, latestIndexes } from '../../../shared/framework/body-index';
import type { DbOrTx } from '../../db/client';
import { type DirectoryBody, indexResults, regionalBodies } from './supervision.queries';

// Bodies' indices and provinces' averages for the pages that show them beside each other (home
// pages, the leader's rapor), read the way the cockpits read them: the same follow-up facts and
// the one definition in shared/framework/body-index.ts.

export type IndexFigures = { latest: Map<string, BodyIndex>; provinces: Map<string, AreaAverage> };

/**
 * The bodies a province's average is taken over: its government and its kab/kota, except the
 * administrative areas that are not evaluated separately (DKI Jakarta's), which are only listed.
 */
export const averagedIds = (bodies: readonly DirectoryBody[]) =>
  bodies.filter((b) => b.evaluated).map((b) => b.id);

/** Each province's averaged members, by province code. */
async function provinceMembers(db: DbOrTx, codes: string[]) {
  const members = new Map<string, DirectoryBody[]>(codes.map((c) => [c, []]));
  for (const b of await regionalBodies(db, codes))
    members.get(b.type === 'province' ? b.code : b.provinceCode!)?.push(b);
  return new Map([...members].map(([code, bodies]) => [code, averagedIds(bodies)]));
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
