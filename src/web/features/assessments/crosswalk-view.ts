import type { ItemCrosswalk } from '../../../shared/contracts/crosswalk';

// What the crosswalk section derives from the API's answer, kept pure so it is tested without a
// browser.

type Data = ItemCrosswalk['data'];

/** The files "reuse all" sends: each once (a file may back several related indicators), not yet linked. */
export function reusableIds(data: Data): string[] {
  const ids = new Set<string>();
  for (const r of data.related) for (const e of r.evidence) if (!e.linkedHere) ids.add(e.id);
  return [...ids];
}

/** True when the body has nothing on the earlier framework to show: no assessment, result or evidence. */
export function hasNoEarlierData(data: Data): boolean {
  return (
    data.selfAssessment === null &&
    data.officialResult === null &&
    data.related.every((r) => r.evidence.length === 0)
  );
}
