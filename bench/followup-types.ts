// The follow-up benchmark's results: what each engine's run measures and the report prints.
import type { LoadResult } from './lib';

export type Engine = 'postgres' | 'pglite';
export type SeedSummary = Record<string, number>;
export type Stats = { median: number; p95: number; min: number; max: number; runs: number };
export type Step =
  | 'detoast'
  | 'serverText'
  | 'sql'
  | 'parse'
  | 'drizzle'
  | 'compute'
  | 'present'
  | 'total'
  | 'reasons';
export type Profile = Record<Step, Stats> & {
  bytes: number;
  rows: number;
};
export type FollowupResult = {
  engine: Engine;
  seed: SeedSummary;
  seedMs: number;
  rebuild: { bodies: number; ms: number[] };
  refreshOne: Stats & { items: number };
  refreshHost: Stats & { followers: number };
  startPresent: number;
  startMissing: number;
  headline: {
    cohort: number;
    followedUp: string;
    followingPath: string;
    improved: string;
    milestones: string;
    bytes: number;
  };
  uncached: LoadResult;
  bodies: LoadResult;
  rounds: { hello: LoadResult; funnel: LoadResult }[];
  profile: Profile;
  memory: { rss: number; peak: number };
  /** The machine's 1-minute load average when the engine's part started (others may share it). */
  loadAverage: number;
};
