import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { timeZone } from '../../platform/calendar';

/**
 * A visit's obligation is met by a self-assessment submitted after the visit, or by an action plan
 * approved after the visit whose items cover at least one indicator studied in that visit (any
 * item, when the visit recorded no indicators). Nothing from before the visit counts. Called
 * where either of those happens, inside that transaction.
 */
export async function settleObligations(tx: DbOrTx, orgId: string): Promise<number> {
  const zone = timeZone();
  const met = await tx.execute(sql`
    update follow_up_obligations o set status = 'met', settled_at = now()
    from visits v
    where o.visit_id = v.id and o.org_id = ${orgId} and o.status <> 'met' and (
      exists (
        select 1 from assessment_submissions s join assessments a on a.id = s.assessment_id
        where a.org_id = o.org_id and (s.at at time zone ${zone})::date >= v.start_date)
      or exists (
        select 1 from action_plan_versions pv
        join action_plans p on p.id = pv.plan_id
        join action_items i on i.plan_id = p.id
        where p.org_id = o.org_id and (pv.approved_at at time zone ${zone})::date >= v.start_date
          and (jsonb_array_length(v.indicators) = 0 or exists (
            select 1 from jsonb_array_elements(i.targets) t
            where (t->>'indicator')::int in (select (jsonb_array_elements_text(v.indicators))::int)))))
    returning o.id`);
  return (met as unknown as { rows: unknown[] }).rows.length;
}
