import { sql } from 'drizzle-orm';
import type { DbHandle } from '../src/server/db/client';
import { refreshFollowupFacts } from '../src/server/modules/followup/followup.facts';
import { presentFunnel } from '../src/server/modules/funnel/funnel.presenter';
import * as fq from '../src/server/modules/funnel/funnel.queries';
import type { ResolvedScope } from '../src/server/modules/funnel/funnel.service';
import { today } from '../src/server/platform/calendar';
import type { BodyInfo } from '../src/shared/followup/facts';
import { measureScope } from '../src/shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../src/shared/followup/milestones';
import { bodiesWithEvents } from './followup-data';
import type { Profile, Stats, Step } from './followup-types';
import { progress } from './lib';

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s.at(-1)!, runs: s.length };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/** The write-path cost: every body's facts in one transaction, and one body's refresh. */
export async function rebuildFacts(db: DbHandle['db']) {
  const ids = await bodiesWithEvents(db);
  const rebuild: number[] = [];
  for (let i = 0; i < 2; i++) {
    progress(`rebuild the follow-up facts of ${ids.length} bodies (one transaction)`);
    rebuild.push((await timed(() => db.transaction((tx) => refreshFollowupFacts(tx, ids))))[1]);
  }
  const first = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const refresh = async (orgId: string, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++)
      times.push((await timed(() => db.transaction((tx) => refreshFollowupFacts(tx, [orgId]))))[1]);
    return stats(times.slice(5));
  };
  // One body with many finished items: the refresh an item's "done" or a new adoption pays.
  const busiest = await first(sql`select org_id, count(*)::int as n from action_items
      where status in ('done', 'verified') group by org_id order by 2 desc limit 1`);
  const one = busiest.org_id as string;
  const items = Number(
    (await first(sql`select count(*)::int as n from action_items where org_id = ${one}`)).n,
  );
  // The host: its followers' summaries read its levels, so they are summarised again with it.
  const host = (await first(sql`select id from orgs where code = '32.11'`)).id as string;
  const followers = Number(
    (
      await first(sql`select count(*)::int as n from followup_facts
        where summary is not null and (summary::jsonb)->'hosts' ? ${host}`)
    ).n,
  );
  progress('time one body’s refresh and the host’s');
  return {
    rebuild: { bodies: ids.length, ms: rebuild },
    refreshOne: { ...(await refresh(one, 20)), items },
    refreshHost: { ...(await refresh(host, 5)), followers },
  };
}

/**
 * Where an uncached national measure spends its time, in this process, one step at a time: the
 * database's share, the SQL read of every stored summary as text, parsing that JSON, the same read
 * as the server does it (driver + drizzle, parse included), the pure rules over the summaries,
 * and presenting + serialising the answer; and the drill-down's read, which adds the reasons.
 */
export async function profileMeasure(db: DbHandle['db']): Promise<Profile> {
  const r: ResolvedScope = { scope: { kind: 'national' }, ref: null, name: 'Nasional', thresholdPercent: 25 };
  const samples: Record<Step, number[]> = {
    detoast: [],
    serverText: [],
    sql: [],
    parse: [],
    drizzle: [],
    compute: [],
    present: [],
    total: [],
    reasons: [],
  };
  let bytes = 0;
  let rowCount = 0;
  for (let i = 0; i < 25; i++) {
    // The database's own share: reading every stored summary, then also writing it out as JSON
    // text, without sending the rows.
    const [, detoastMs] = await timed(() =>
      db.execute(sql`select count(json_typeof(summary)) from followup_facts`),
    );
    const [, serverTextMs] = await timed(() =>
      db.execute(sql`select sum(length(summary::text)) from followup_facts`),
    );
    const [raw, sqlMs] = await timed(
      async () =>
        (await db.execute(
          sql`select f.summary::text as summary from followup_facts f join orgs o on o.id = f.org_id
              where f.summary is not null`,
        )) as unknown as { rows: { summary: string }[] },
    );
    const [, parseMs] = await timed(async () => raw.rows.map((x) => JSON.parse(x.summary) as unknown));
    const t0 = performance.now();
    const [rows, drizzleMs] = await timed(() => fq.storedBodies(db, false));
    const [m, computeMs] = await timed(async () =>
      measureScope({
        bodies: rows,
        info: new Map<string, BodyInfo>(rows.map((row) => [row.info.orgId, row.info])),
        scope: r.scope,
        options: { pathThreshold: r.thresholdPercent / 100 || DEFAULT_PATH_THRESHOLD },
        today: today(),
      }),
    );
    const [json, presentMs] = await timed(async () => JSON.stringify({ data: presentFunnel(m, r) }));
    const total = performance.now() - t0; // the server's path: read + rules + present
    const [, reasonsMs] = await timed(() => fq.storedBodies(db, true));
    if (i >= 5) {
      samples.detoast.push(detoastMs);
      samples.serverText.push(serverTextMs);
      samples.sql.push(sqlMs);
      samples.parse.push(parseMs);
      samples.drizzle.push(drizzleMs);
      samples.compute.push(computeMs);
      samples.present.push(presentMs);
      samples.total.push(total);
      samples.reasons.push(reasonsMs);
    }
    bytes = raw.rows.reduce((sum, x) => sum + x.summary.length, 0);
    rowCount = raw.rows.length;
    if (!json) throw new Error('empty answer');
  }
  return {
    ...(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])) as Record<Step, Stats>),
    bytes,
    rows: rowCount,
  };
}
