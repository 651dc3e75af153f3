import type { ItemQuery, PlanAbilities } from '../../../shared/contracts/plans';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { toCsv } from '../../platform/csv';
import { toXlsx } from '../../platform/xlsx';
import { getOrgInScope } from '../orgs/orgs.service';
import { bodyPlansPolicy, itemPolicy, planPolicy } from './plans.policy';
import { presentItem, presentSummary } from './plans.presenter';
import {
  findItemId,
  findVersion,
  itemHistory,
  listAssignees,
  listItems,
  listPlans,
  listVersions,
  sheetItems,
} from './plans.queries';
import { loadPlan } from './plans.service';
import { sheetHeader, toSheetRows } from './plans.sheet';

// What the plan routes read: each loads the plan (or body) in the actor's scope first, then answers
// with the records and what the actor may do with them.

export async function listBodyPlans(db: DbOrTx, actor: Actor, code: string) {
  const org = await getOrgInScope(db, actor, code);
  const rows = await listPlans(db, { orgId: org.id });
  return { data: rows.map((r) => presentSummary(r, org)), abilities: bodyPlansPolicy.abilities(actor, org) };
}

export async function getPlanDetail(db: DbOrTx, actor: Actor, id: string, filter: ItemQuery) {
  const { plan, org, subject } = await loadPlan(db, actor, id);
  const [[row], items, versions] = await Promise.all([
    listPlans(db, { planId: plan.id }),
    listItems(db, plan.id, filter),
    listVersions(db, plan.id),
  ]);
  const itemAbilities = itemPolicy.abilities(actor, subject);
  const abilities: PlanAbilities = planPolicy.abilities(actor, subject);
  return {
    data: {
      ...presentSummary(row!, org),
      items: items.map((i) => presentItem(i, itemAbilities)),
      versions,
    },
    abilities,
  };
}

export async function getPlanVersion(db: DbOrTx, actor: Actor, id: string, version: number) {
  const { plan } = await loadPlan(db, actor, id);
  const v = await findVersion(db, plan.id, version);
  if (!v) throw new AppError('NOT_FOUND');
  return {
    version: v.version,
    approvedAt: v.approvedAt.toISOString(),
    items: v.items as Record<string, unknown>[],
  };
}

export async function listPlanAssignees(db: DbOrTx, actor: Actor, id: string) {
  const { plan } = await loadPlan(db, actor, id);
  return listAssignees(db, plan.orgId);
}

export async function getItemHistory(db: DbOrTx, actor: Actor, planId: string, itemId: string) {
  const { plan } = await loadPlan(db, actor, planId);
  const found = await findItemId(db, plan.id, itemId);
  if (!found) throw new AppError('NOT_FOUND');
  return itemHistory(db, found);
}

/** The plan's items as a file to edit offline (and import back). */
export async function exportPlan(db: DbOrTx, actor: Actor, id: string, format: 'xlsx' | 'csv') {
  const { plan, org } = await loadPlan(db, actor, id);
  const rows = toSheetRows(await sheetItems(db, plan.id));
  const name = `rencana-aksi-${org.code}-${plan.period}`;
  return format === 'csv'
    ? { filename: `${name}.csv`, type: 'text/csv; charset=utf-8', body: toCsv([...sheetHeader], rows) }
    : {
        filename: `${name}.xlsx`,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await toXlsx(`Rencana ${plan.period}`, [...sheetHeader], rows),
      };
}
