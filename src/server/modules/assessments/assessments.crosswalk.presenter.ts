import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import type { ItemCrosswalk } from '../../../shared/contracts/crosswalk';
import { type Crosswalk, crosswalkLink } from '../../../shared/framework/crosswalk';
import type { Framework } from '../../../shared/framework/framework-schema';
import { findIndicator } from '../../../shared/framework/score';
import type { RelatedEvidenceRow } from './assessments.crosswalk.queries';

// The crosswalk of one indicator as the API shows it (contracts/crosswalk.ts): every "none" is an
// explicit null or an empty list, so the page can say which earlier data is missing.

export type CrosswalkFacts = {
  indicator: number;
  crosswalk: Crosswalk;
  from: Framework;
  related: readonly number[];
  source: { id: string; year: number; status: AssessmentStatus; isSample: boolean } | null;
  items: { indicator: number; level: number | null; justification: string; serviceName: string | null }[];
  result: { year: number; source: string; isSample: boolean; levels: Record<string, number> | null } | null;
  evidence: RelatedEvidenceRow[];
  linkedHere: Set<string>;
};

export function presentItemCrosswalk(f: CrosswalkFacts): ItemCrosswalk['data'] {
  const itemOf = new Map(f.items.map((i) => [i.indicator, i]));
  return {
    indicator: f.indicator,
    from: { id: f.from.id, version: f.from.version, name: f.from.name },
    status: f.crosswalk.status,
    source: f.crosswalk.source,
    reason: crosswalkLink(f.crosswalk, f.indicator)?.reason ?? null,
    selfAssessment: f.source,
    officialResult: f.result
      ? { year: f.result.year, source: f.result.source, isSample: f.result.isSample }
      : null,
    related: f.related.map((number) => {
      const item = itemOf.get(number);
      return {
        number,
        name: findIndicator(f.from, number)?.name ?? { id: String(number), en: String(number) },
        // An assessment without the item (it cannot happen for one created by the API) reads as unanswered.
        selfAssessed: f.source
          ? {
              level: item?.level ?? null,
              justification: item?.justification ?? '',
              serviceName: item?.serviceName ?? null,
            }
          : null,
        officialLevel: f.result?.levels?.[String(number)] ?? null,
        evidence: f.evidence
          .filter((e) => e.indicator === number)
          .map((e) => ({
            id: e.fileId,
            name: e.name,
            mime: e.mime,
            size: e.size,
            isSample: e.isSample,
            years: e.years,
            linkedHere: f.linkedHere.has(e.fileId),
          })),
      };
    }),
  };
}
