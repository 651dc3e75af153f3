import type { FollowupResult, Step } from './followup-types';
import type { LoadResult } from './lib';

const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));
const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The "Follow-up (issue 7)" section of docs/BENCHMARKS.md. */
export function followupMarkdown(results: FollowupResult[], duration: number): string {
  const pgr = results.find((r) => r.engine === 'postgres');
  const s = (pgr ?? results[0])?.seed ?? {};
  const n = (v: number | undefined) => (v ?? 0).toLocaleString('en');
  const name = (r: FollowupResult) => (r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite');
  const ratio = (r: FollowupResult) => medianOf(r.rounds.map((x) => x.funnel.rps / x.hello.rps));
  const row = (label: string, f: (r: FollowupResult) => string) =>
    `| ${label} | ${results.map(f).join(' | ')} |`;
  const loadText = (l: LoadResult) =>
    `${l.rps.toLocaleString('en')} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.errors + l.non2xx ? `, errors ${l.errors + l.non2xx}` : ''}`;
  const prof = (k: Step) => (r: FollowupResult) => `${ms(r.profile[k].median)} (p95 ${ms(r.profile[k].p95)})`;
  const targets = pgr
    ? `| Target (PostgreSQL) | Measured | Met |
|---|---|---|
| National headline and milestones without the read cache: p99 ≤ 100 ms at 10 concurrent readers | p99 ${pgr.uncached.p99} ms, p50 ${pgr.uncached.p50} ms (${pgr.uncached.rps.toLocaleString('en')} req/s) | ${pgr.uncached.p99 <= 100 ? 'yes' : 'NO'} |
| With the read cache on: ≥ 25% of bare node:http (same 10 connections, median of ${pgr.rounds.length} alternating rounds) | ${Math.round(ratio(pgr) * 100)}% | ${ratio(pgr) >= 0.25 ? 'yes' : 'NO'} |
`
    : '';
  const p = pgr?.profile;
  const why =
    pgr && p && pgr.uncached.p99 > 100
      ? `
**The uncached target is missed in this run.** One national answer alone costs the server
${ms(p.total.median)} ms (read ${ms(p.drizzle.median)} ms, rules ${ms(p.compute.median)} ms, present ${ms(p.present.median)} ms); the server process runs one
request's JavaScript at a time, and PostgreSQL, autocannon and the server share 2 cores.
`
      : '';
  const flight =
    'With the read cache off, identical requests that arrive while the same answer is being computed ' +
    'share that computation (`platform/read-cache.ts`: a single flight, nothing kept once it is answered, ' +
    'dropped by any write on the instance), so an answer is at most one computation older than its ' +
    'request. One request alone is timed step by step below.';
  return `## Follow-up (issue 7)

\`GET /api/v1/funnel\` as a national supervisor: the cohort, the headline (followed up, following the
host's path, improved: each a count and a percent), the seven milestones and the 12-month trend,
counted by the pure rules in \`src/shared/followup\` over one stored summary per body
(\`followup_facts.summary\`: the reference date, each milestone's date, the path progress to each
host). The rules that produce a summary run in the transaction of the event that changed the body
(and again for a host's followers when the host's levels change), so a national answer reads
small rows and counts instead of recomputing from 150,000 items. Each engine gets a new database of its own (\`bench_followup_<random>\` on
PostgreSQL, dropped afterwards; a temporary \`DATA_DIR\` for PGlite), started once by the server with
the sample accounts, then seeded in set-based SQL by \`bench/followup.ts\`: ${n(s.visitors)} bodies that
visited the host Kabupaten Sumedang (${n(s.visits)} visits from January 2024 to August 2026, 15% of
the bodies also visited another host), ${n(s.signatures)} commitment signatures, ${n(s.submissions)}
self-assessment submissions with all 47 levels, ${n(s.planVersions)} approved plan versions,
${n(s.items)} action items (${n(s.done)} done and ${n(s.verified)} verified, ${n(s.evidence)} of them with an
evidence file), ${n(s.practices)} published practices of ${n(s.practiceHosts)} hosts, ${n(s.adoptions)} adoptions
(${n(s.agreed)} agreed or further, ${n(s.live)} of them live; ${n(s.transitions)} stage transitions) and
${n(s.official)} official results of 2024 and 2025 (${n(s.officialLevels)} with all 47 levels, the host's
2024 result among them). The facts are then built from these events as the server builds them.
Load: autocannon with 10 connections, ${duration} s after a 2 s warm-up; the servers run with the
daily job off. Only this part: \`npm run bench -- followup\` (or \`BENCH_ONLY=followup\`), which
rewrites only this section.

${flight}

${targets}
| Measure | ${results.map(name).join(' | ')} |
|---|${results.map(() => '---').join('|')}|
${row('National answer: cohort; followed up, following the path, improved', (r) => `${r.headline.cohort}; ${r.headline.followedUp}, ${r.headline.followingPath}, ${r.headline.improved} (${Math.round(r.headline.bytes / 1024)} KiB)`)}
${row('Milestones in that answer', (r) => r.headline.milestones)}
${row('`GET /api/v1/funnel`, read cache off (`READ_CACHE_SECONDS=0`)', (r) => loadText(r.uncached))}
${row('`GET /api/v1/funnel/bodies?milestone=followedUp`, read cache off', (r) => loadText(r.bodies))}
${row('`GET /api/v1/funnel`, read cache on (5 s): funnel / node:http req/s in the same round', (r) => r.rounds.map((x) => `${x.funnel.rps.toLocaleString('en')} / ${x.hello.rps.toLocaleString('en')} = ${Math.round((x.funnel.rps / x.hello.rps) * 100)}% (p99 ${x.funnel.p99} ms)`).join('; '))}
${row('Rebuild of every body’s facts in one transaction (`refreshFollowupFacts`, 2 runs)', (r) => `${r.rebuild.ms.map(sec).join(', ')} for ${r.rebuild.bodies} bodies`)}
${row('One body’s refresh in one transaction: the write-path cost an event adds', (r) => `median ${ms(r.refreshOne.median)} ms, p95 ${ms(r.refreshOne.p95)} ms (the body with the most finished items, ${r.refreshOne.items} items; ${r.refreshOne.runs} runs)`)}
${row('The host’s refresh in one transaction (Kabupaten Sumedang: its followers are summarised again)', (r) => `median ${ms(r.refreshHost.median)} ms, p95 ${ms(r.refreshHost.p95)} ms (${r.refreshHost.followers} followers; ${r.refreshHost.runs} runs)`)}
${row('Start-up to the first 200, every fact row present', (r) => sec(r.startPresent))}
${row('Start-up to the first 200, no fact row (all built by `ensureFollowupFacts`)', (r) => sec(r.startMissing))}
${row('Seeding (set-based SQL from the bench process)', (r) => sec(r.seedMs))}
${row('Server memory after the cached rounds (RSS / peak MiB)', (r) => `${r.memory.rss} / ${r.memory.peak}`)}
${row('Machine load average (1 min) when the part started', (r) => r.loadAverage.toFixed(1))}

Where an uncached national answer's time goes, timed step by step in the bench process on the same
database, one request at a time (median ms of 20 after 5 warm-up runs, p95 in brackets;
${results.map((r) => `${name(r)}: ${r.profile.rows} summary rows, ${(r.profile.bytes / 1e6).toFixed(2)} MB as JSON text`).join('; ')}):

| Step | ${results.map(name).join(' | ')} |
|---|${results.map(() => '---:').join('|')}|
${row('Database: read every summary row', prof('detoast'))}
${row('Database: the same, written out as JSON text (nothing sent)', prof('serverText'))}
${row('SQL read of every summary row as text, received (no JSON parse)', prof('sql'))}
${row('`JSON.parse` of those rows', prof('parse'))}
${row('The server’s read: `storedBodies` (the driver parses the JSON)', prof('drizzle'))}
${row('Pure rules: `measureScope` counting over the nation', prof('compute'))}
${row('`presentFunnel` + `JSON.stringify`', prof('present'))}
${row('The server’s path: its read + rules + present', prof('total'))}
${row('The drill-down’s read: `storedBodies` with the reasons (texts)', prof('reasons'))}
${why}`;
}
