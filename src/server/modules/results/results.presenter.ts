import type { OfficialResult } from '../../../shared/contracts/results';
import type { officialResults } from '../../db/schema';

export type OfficialResultRow = typeof officialResults.$inferSelect;

export function presentResult(r: OfficialResultRow): OfficialResult {
  return {
    id: r.id,
    year: r.year,
    frameworkId: r.frameworkId,
    index: r.index,
    predicate: r.predicate,
    domains: r.domains ?? null,
    levels: r.levels ?? null,
    bodyCount: r.bodyCount,
    source: r.source,
    isReference: r.isReference,
    isSample: r.isSample,
    updatedAt: r.updatedAt.toISOString(),
  };
}
