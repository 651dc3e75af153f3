import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AdoptionStage } from '../../../shared/contracts/adoptions';
import { type BodyFacts, emptyFacts, FACTS_SHAPE, type LevelSet } from '../../../shared/followup/facts';
import { analyseBody } from '../../../shared/followup/milestones';
import type { Weights } from '../../../shared/followup/path';
import type { DbOrTx } from '../../db/client';
import { readAll, rowsOf } from '../../db/query-helpers';
import { followupFacts, orgs } from '../../db/schema';
import { timeZone, today } from '../../platform/calendar';
import { listFrameworks } from '../frameworks/frameworks.registry';

// Gathers each body's follow-up facts from its events with a handful of grouped queries (never
// one query per body) and stores them, in the transaction of the event that changed them.

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Calendar days in the configured time zone, as text (drivers turn date columns into local Dates). */
const dayOf = (expr: ReturnType<typeof sql>) =>
  sql`to_char((${expr}) at time zone ${timeZone()}, 'YYYY-MM-DD')`;

export async function gatherFacts(db: DbOrTx, orgIds: string[]): Promise<BodyFacts[]> {
  if (!orgIds.length) return [];
  const ids = sql`${sql.param(orgIds)}::uuid[]`;
  const q = (s: ReturnType<typeof sql>) => db.execute(s).then(rowsOf);
  const [visits, sigs, progs, subs, approvals, acting, adoptions, official, selfs, activity] = await readAll(
    db,
    [
      () =>
        q(sql`select id, visitor_org_id as org, host_org_id as host, start_date::text as d, programme_id as prog, indicators
          from visits where visitor_org_id = any(${ids})`),
      () =>
        q(sql`select id, org_id as org, text_version as v, ${dayOf(sql`signed_at::timestamptz`)} as d
          from commitment_signatures where org_id = any(${ids}) and revoked_at is null`),
      () =>
        q(
          sql`select programme_id as prog, org_id as org, ${dayOf(sql`added_at`)} as d from programme_members where org_id = any(${ids})`,
        ),
      () =>
        q(sql`select a.org_id as org, a.year, a.framework_id as fw, ${dayOf(sql`s.at`)} as d
          from assessment_submissions s join assessments a on a.id = s.assessment_id where a.org_id = any(${ids})`),
      () =>
        q(sql`select p.org_id as org, ${dayOf(sql`v.approved_at`)} as d
          from action_plan_versions v join action_plans p on p.id = v.plan_id where p.org_id = any(${ids})`),
      // Acting needs proof: an item finished with evidence attached, or verified by a mentor.
      () =>
        q(sql`select distinct i.org_id as org, ${dayOf(sql`coalesce(i.done_at, i.updated_at)`)} as d from action_items i
          where i.org_id = any(${ids}) and (i.status = 'verified'
            or (i.status = 'done' and exists (select 1 from action_item_evidence e where e.item_id = i.id)))`),
      () =>
        q(sql`select d.id, d.org_id as org, d.practice_id as practice, d.host_org_id as host, d.stage,
            (select ${dayOf(sql`min(t.at)`)} from adoption_transitions t where t.adoption_id = d.id and t.to_stage = 'agreed') as agreed,
            (select ${dayOf(sql`min(t.at)`)} from adoption_transitions t where t.adoption_id = d.id and t.to_stage = 'live') as live
          from adoptions d where d.org_id = any(${ids})`),
      () =>
        q(sql`select org_id as org, year, framework_id as fw, index, levels, ${dayOf(sql`updated_at`)} as d
          from official_results where org_id = any(${ids})`),
      // A self-assessment's levels as last submitted; accepted ones dated by their acceptance.
      () =>
        q(sql`select distinct on (a.id) a.org_id as org, a.year, a.framework_id as fw, a.status, s.levels, s.index,
            ${dayOf(sql`s.at`)} as d,
            (select ${dayOf(sql`max(t.at)`)} from assessment_transitions t where t.assessment_id = a.id and t.to_status = 'accepted') as accepted
          from assessments a join assessment_submissions s on s.assessment_id = a.id
          where a.org_id = any(${ids}) order by a.id, s.round desc`),
      () =>
        q(sql`select org, max(d) as d from (
            select org_id as org, ${dayOf(sql`max(updated_at)`)} as d from action_items where org_id = any(${ids}) group by 1
            union all select org_id, ${dayOf(sql`max(updated_at)`)} from assessments where org_id = any(${ids}) group by 1
            -- a level save writes only its item (not the assessment row): count it as activity too
            union all select a.org_id, ${dayOf(sql`max(i.updated_at)`)} from assessment_items i
              join assessments a on a.id = i.assessment_id where a.org_id = any(${ids}) group by 1
            union all select visitor_org_id, ${dayOf(sql`max(created_at)`)} from visits where visitor_org_id = any(${ids}) group by 1
            union all select org_id, ${dayOf(sql`max(updated_at)`)} from adoptions where org_id = any(${ids}) group by 1
          ) x group by org`),
    ] as const,
  );
  const byOrg = new Map(orgIds.map((id) => [id, emptyFacts(id)]));
  const f = (r: Row) => byOrg.get(r.org as string)!;
  for (const r of visits)
    f(r).visits.push({
      id: r.id as string,
      hostOrgId: r.host as string,
      date: r.d as string,
      programmeId: str(r.prog),
      indicators: (r.indicators as number[]) ?? [],
    });
  for (const r of sigs)
    f(r).signatures.push({ id: r.id as string, date: r.d as string, textVersion: Number(r.v) });
  for (const r of progs) f(r).programmes.push({ programmeId: r.prog as string, date: r.d as string });
  for (const r of subs)
    f(r).submissions.push({ date: r.d as string, year: Number(r.year), frameworkId: r.fw as string });
  for (const r of approvals) f(r).approvals.push(r.d as string);
  for (const r of acting) f(r).acting.push(r.d as string);
  for (const r of adoptions)
    f(r).adoptions.push({
      id: r.id as string,
      practiceId: r.practice as string,
      hostOrgId: r.host as string,
      stage: r.stage as AdoptionStage,
      agreedOn: str(r.agreed),
      liveOn: str(r.live),
    });
  for (const r of official)
    f(r).results.push({
      source: 'official',
      year: Number(r.year),
      frameworkId: r.fw as string,
      index: r.index === null ? null : Number(r.index),
      levels: (r.levels as LevelSet['levels']) ?? null,
      date: r.d as string,
      accepted: true,
    });
  for (const r of selfs)
    f(r).results.push({
      source: 'self',
      year: Number(r.year),
      frameworkId: r.fw as string,
      index: r.index === null ? null : Number(r.index),
      levels: (r.levels as LevelSet['levels']) ?? null,
      date: (r.status === 'accepted' && r.accepted ? r.accepted : r.d) as string,
      accepted: r.status === 'accepted',
    });
  for (const r of activity) f(r).lastActivity = str(r.d);
  for (const x of byOrg.values()) {
    // Stored sorted, so a rewrite with the same events is the same document.
    x.acting.sort();
    x.approvals.sort();
    x.visits.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    x.signatures.sort((a, b) => a.date.localeCompare(b.date));
    x.submissions.sort((a, b) => a.date.localeCompare(b.date));
  }
  return [...byOrg.values()];
}

const CHUNK = 200;

// Taken only by refreshFollowupFacts (it used to share the audit chain's lock, which writers no
// longer take). Every write of an event the facts read calls refreshFollowupFacts in its own
// transaction after that write, so of two such transactions on overlapping bodies the second
// waits here until the first commits, and its queries (READ COMMITTED: a new snapshot per
// statement) then see the first one's write: no refresh can miss an earlier committed event.
// A level save does not take it: its only trace in the facts is the last-activity day, moved by
// touchFollowupActivity's row update, and a rebuild reads the same day from the items' update
// times. A refresh that gathered just before such a save committed may write the previous day
// back; the body's next save or refresh moves it again.
const FOLLOWUP_FACTS_LOCK = 73_012_025;

/**
 * A level saved in a self-assessment only moves the body's last activity (what "stalled" reads):
 * one conditional update instead of a rebuild, on the hot path of filling an assessment.
 */
export async function touchFollowupActivity(tx: DbOrTx, orgId: string): Promise<void> {
  await tx.execute(followupActivityTouch(orgId, sql`true`));
}

/**
 * The same touch as a statement a write can embed in its own (a data-modifying WITH clause), so a
 * level save makes one round trip fewer; it changes the row only when `when` holds.
 */
export function followupActivityTouch(orgId: string, when: SQL): SQL {
  return sql`update followup_facts
    set facts = jsonb_set(facts, '{lastActivity}', to_jsonb(${today()}::text)), updated_at = now()
    where org_id = ${orgId} and coalesce(facts->>'lastActivity', '') < ${today()} and ${when}`;
}

/**
 * Rewrites the follow-up facts of these bodies from their events, and what the pure rules conclude
 * from them. Call it inside the transaction of every event the measure reads (visits, signatures,
 * programme membership, submissions, acceptances, plan approvals, finished items and their
 * evidence, adoptions, official results). It takes its own lock first, so it sees every write
 * committed before it (FOLLOWUP_FACTS_LOCK).
 */
export async function refreshFollowupFacts(tx: DbOrTx, orgIds: string[]): Promise<void> {
  const ids = [...new Set(orgIds.filter(Boolean))].sort();
  if (!ids.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${FOLLOWUP_FACTS_LOCK})`);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const facts = await gatherFacts(tx, ids.slice(i, i + CHUNK));
    await tx
      .insert(followupFacts)
      .values(facts.map((x) => ({ orgId: x.orgId, shape: FACTS_SHAPE, facts: x })))
      .onConflictDoUpdate({
        target: followupFacts.orgId,
        set: { shape: sql`excluded.shape`, facts: sql`excluded.facts`, updatedAt: sql`now()` },
      });
  }
  await summarise(tx, ids);
}

/**
 * Stores each body's summary (reference date, milestone dates, paths) next to its facts. A body's
 * path reads its host's levels, so when a host's facts change its followers are summarised again.
 */
async function summarise(tx: DbOrTx, ids: string[]) {
  const followers = rowsOf(
    await tx.execute(sql`select org_id from followup_facts
      where summary is not null and jsonb_exists_any((summary::jsonb)->'hosts', ${sql.param(ids)}::text[])`),
  ).map((r) => r.org_id as string);
  const all = [...new Set([...ids, ...followers])];
  for (let i = 0; i < all.length; i += CHUNK) {
    const facts = await storedFacts(tx, all.slice(i, i + CHUNK));
    const hostIds = [
      ...new Set(
        facts.flatMap((f) => [...f.visits.map((v) => v.hostOrgId), ...f.adoptions.map((a) => a.hostOrgId)]),
      ),
    ];
    const [hosts, names, frameworks] = await readAll(tx, [
      () => storedFacts(tx, hostIds),
      () => hostNames(tx),
      () => listFrameworks(tx),
    ] as const);
    const ctx = { factsById: new Map(hosts.map((f) => [f.orgId, f])), names, weights: weightsOf(frameworks) };
    const out = facts.map((f) => ({ id: f.orgId, a: analyseBody(f, ctx) }));
    await tx.execute(sql`update followup_facts f set summary = u.s::json, reasons = u.r::jsonb
      from unnest(${sql.param(out.map((o) => o.id))}::uuid[], ${sql.param(out.map((o) => (o.a ? JSON.stringify(o.a.summary) : null)))}::text[],
        ${sql.param(out.map((o) => (o.a ? JSON.stringify(o.a.reasons) : null)))}::text[]) as u(id, s, r)
      where f.org_id = u.id`);
  }
}

/** The stored facts of these bodies (those without a row have none). */
export async function storedFacts(db: DbOrTx, orgIds: string[]): Promise<BodyFacts[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .select({ facts: followupFacts.facts })
    .from(followupFacts)
    .where(inArray(followupFacts.orgId, orgIds));
  return rows.map((r) => r.facts as BodyFacts);
}

/** Every host's code and name by id (reasons and the path name hosts). */
export async function hostNames(db: DbOrTx) {
  const rows = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.isHost, true));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** Indicator weights per framework, for the path to the host. */
export function weightsOf(
  frameworks: { id: string; indicators: { number: number; weight: number }[] }[],
): Weights {
  return Object.fromEntries(
    frameworks.map((f) => [f.id, Object.fromEntries(f.indicators.map((i) => [String(i.number), i.weight]))]),
  );
}

/**
 * At start-up: (re)builds the facts of every body with events that has none, or has them in an
 * older shape (an upgrade, a database restored from before this table, rows changed by hand).
 */
export async function ensureFollowupFacts(db: DbOrTx): Promise<number> {
  const missing = rowsOf(
    await db.execute(sql`select o.id from orgs o
      left join followup_facts f on f.org_id = o.id
      where (f.org_id is null or f.shape <> ${FACTS_SHAPE}) and (
        exists (select 1 from visits v where v.visitor_org_id = o.id)
        or exists (select 1 from commitment_signatures s where s.org_id = o.id)
        or exists (select 1 from programme_members m where m.org_id = o.id)
        or exists (select 1 from assessments a where a.org_id = o.id and a.round > 0)
        or exists (select 1 from official_results r where r.org_id = o.id)
        or exists (select 1 from adoptions d where d.org_id = o.id))`),
  ).map((r) => r.id as string);
  if (missing.length) await db.transaction((tx) => refreshFollowupFacts(tx, missing));
  return missing.length;
}

/** Every stored fact row (one per body that has any), for the measure. */
export async function readAllFacts(db: DbOrTx): Promise<BodyFacts[]> {
  const rows = await db.select({ facts: followupFacts.facts }).from(followupFacts);
  return rows.map((r) => r.facts as BodyFacts);
}
