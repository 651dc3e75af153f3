import type { IndexBands, MapMilestone } from '../../../shared/contracts/supervision';

// The map's colours, shared by the canvas and the legend beside it so the two never disagree.
// Milestones run along one blue ramp in the journey's order (lighter: earlier), hosts stand apart
// in amber; indices and percentages use a second, green ramp. Both ramps stay distinguishable
// for the common colour-vision deficiencies, and every value is also in the table.

export type MapMode = 'milestone' | 'index';

export const milestoneColours: Record<MapMilestone, string> = {
  notJoined: '#e9ecef',
  joined: '#d0ebff',
  committed: '#a5d8ff',
  assessed: '#74c0fc',
  planned: '#4dabf7',
  acting: '#228be6',
  replicating: '#1971c2',
  improved: '#1452a3',
  followingPath: '#0b2f6b',
  host: '#f59f00',
};

/** No value in this mode (no index yet, no cohort). */
export const noValueColour = '#dee2e6';

const ramp = ['#e5f5e0', '#a1d99b', '#74c476', '#31a354', '#006d2c'];

export type Bin = { from: number; to: number | null; colour: string; label?: { id: string; en: string } };

/** Index bins: the framework's predicate bands when given, else whole levels 1–5. */
export function indexBins(bands?: IndexBands): Bin[] {
  const list = bands?.length
    ? bands
    : [1, 2, 3, 4].map((min) => ({ min: min === 1 ? 0 : min, label: undefined }));
  return list.map((b, i) => ({
    from: b.min,
    to: list[i + 1]?.min ?? null,
    colour: ramp[Math.round((i * (ramp.length - 1)) / Math.max(1, list.length - 1))]!,
    label: b.label,
  }));
}

/** Percent bins (share of the cohort that followed up). */
export const percentBins: Bin[] = [0, 20, 40, 60, 80].map((from, i) => ({
  from,
  to: from === 80 ? null : from + 20,
  colour: ramp[i]!,
}));

export function binOf(bins: Bin[], value: number | null | undefined): Bin | null {
  if (value === null || value === undefined) return null;
  return [...bins].reverse().find((b) => value >= b.from) ?? bins[0] ?? null;
}
