// The load of the writes bench (bench/writes.ts): people saving their level over keep-alive
// connections, as fast as answered or at a pace, and the figures of one run.
import http from 'node:http';
import { putJson } from './lib';

export const BODIES = 10;
export const PER_BODY = 5;
/** Each person's pace in the paced run (BENCH_WRITES_PACE_MS, default 200 ms: 250 saves/s offered). */
export const PACE_MS = Number(process.env.BENCH_WRITES_PACE_MS ?? 200);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export type Person = {
  cookie: string;
  csrf: string;
  orgCode: string;
  base: string;
  indicator: number;
  version: number;
};
export type WritesResult = {
  engine: string;
  instances: number;
  savesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  conflicts: number;
  otherNon2xx: number;
  chainLagMs: number | null;
  /** Mean number of the database's sessions waiting for a lock during the as-fast load. */
  lockWaiters: number | null;
  /** The same people, each saving once every PACE_MS (an offered load instead of "as fast as possible"). */
  paced: Omit<WritesResult, 'engine' | 'instances' | 'chainLagMs' | 'lockWaiters' | 'paced'>;
};

/** Closed loop: each person saves their indicator with the version of their previous save. */
export async function saveLoop(
  people: Person[],
  assessments: Map<string, string>,
  seconds: number,
  paceMs = 0,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: people.length });
  const put = (p: Person) =>
    putJson(agent, p.base, `/api/v1/assessments/${assessments.get(p.orgCode)}/items/${p.indicator}`, p, {
      level: 1 + (p.version % 5),
      justification: 'bench',
      version: p.version,
    });
  const latencies: number[] = [];
  const counts = { errors: 0, conflicts: 0, other: 0 };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    people.map(async (p) => {
      // Paced: each person saves once every paceMs (starting at a random moment, so the 50 do
      // not fire together); unpaced: the next save as soon as the previous answer arrives.
      if (paceMs) await sleep(Math.random() * paceMs);
      while (performance.now() < until) {
        const t0 = performance.now();
        const r = await put(p);
        latencies.push(performance.now() - t0);
        if (r.status === 200) p.version = (JSON.parse(r.body) as { data: { version: number } }).data.version;
        else if (r.status === 409) counts.conflicts += 1;
        else if (r.status === 0 || r.status >= 500) counts.errors += 1;
        else counts.other += 1;
        if (paceMs) await sleep(t0 + paceMs - performance.now());
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    savesPerSecond: Math.round(latencies.length / seconds),
    p50: pct(0.5),
    p99: pct(0.99),
    max: Math.round(latencies[latencies.length - 1] ?? 0),
    ...counts,
  };
}
