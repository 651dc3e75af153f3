import os from 'node:os';
import { BODIES, PACE_MS, PER_BODY, type WritesResult } from './writes-load';

export function writesMarkdown(results: WritesResult[], duration: number): string {
  type Figures = WritesResult['paced'];
  const cells = (f: Figures) =>
    `${f.savesPerSecond.toLocaleString('en')} | ${f.p50} | ${f.p99} | ${f.max} | ${f.errors} | ${f.conflicts} | ${f.otherNon2xx}`;
  const rows = results.flatMap((r) => [
    `| ${r.engine} | ${r.instances} | as fast as answered | ${cells(r)} | ${r.lockWaiters ?? '—'} | ${r.chainLagMs === null ? '—' : `${r.chainLagMs} ms`} |`,
    `| ${r.engine} | ${r.instances} | one save per person every ${PACE_MS} ms | ${cells(r.paced)} | | |`,
  ]);
  const ok = (f: Figures) => f.p99 <= 30 && f.errors === 0 && f.conflicts === 0 && f.otherNon2xx === 0;
  const pgRow = results.find((r) => r.engine === 'PostgreSQL');
  return `## Writes (issue 9)

Measured by \`npm run bench -- writes\` (bench/writes.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores,
Node ${process.version}. ${BODIES * PER_BODY} people (${PER_BODY} operators on each of ${BODIES} assessments, each on their own
indicator) save a level, each with the version of their previous save, for ${duration} s (after a 2 s warm-up); on
PostgreSQL people alternate between two app instances on one database. Every save is a real write: the version check,
the level, a history row, the body's last-activity day and an audit event in one statement (one transaction). Two loads: "as fast as answered" (each person sends the
next save when the previous answer arrives: the throughput ceiling, where latency is queueing, p50 ≈ 50 / saves per
second) and "paced" (each person saves every ${PACE_MS} ms, an offered load of ${Math.round((BODIES * PER_BODY * 1000) / PACE_MS)} saves/s, above the
whole platform's expected peak: latency is then the time a save takes). The load generator runs on the same machine.
"Waiting for a lock" is the mean number of database sessions waiting for a lock, sampled every 100 ms during the
first load (a global lock shows as most of the 50; it does not depend on the machine's speed). "Chained after" is the
time from the end of the load until every audit event was linked into the chain.

| Database | Instances | Load | Saves/s | p50 ms | p99 ms | max ms | errors (5xx, network) | 409 | other non-2xx | waiting for a lock | Chained after |
|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Target (PostgreSQL, 2 instances, 50 concurrent users, several per assessment): p99 ≤ 30 ms and 0 errors, judged on
the paced load (the time a save takes): ${pgRow ? (ok(pgRow.paced) ? 'met' : 'NOT met') : 'not measured'} in this run. The "as fast as answered" row is
the ceiling, not the target: with no pause 50 people keep 50 saves in flight, so the mean latency is 50 / saves per
second (Little's law) and a p99 of 30 ms there would take well over 1,700 saves/s on these 2 cores; it is
${pgRow ? (ok(pgRow) ? 'within' : 'above') : 'not measured against'} 30 ms in this run.
`;
}
