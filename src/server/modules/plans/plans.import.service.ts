import type { Db } from '../../db/client';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { readImportTable } from '../results/results.import-table';
import { applyItemPatch, createItems } from './plans.items.service';
import { planPolicy } from './plans.policy';
import { memberIdsByEmail, sheetItems } from './plans.queries';
import { loadPlan } from './plans.service';
import { validateSheet } from './plans.sheet';

/**
 * An exported plan edited offline comes back: every row is checked first (including that its item
 * did not change since the export), and nothing is applied unless all rows are valid.
 */
export async function importPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  file: { buf: Buffer; filename: string },
) {
  const table = await readImportTable(file.buf);
  return db.transaction(async (tx) => {
    const loaded = await loadPlan(tx, actor, planId, true);
    const { plan } = loaded;
    if (!planPolicy.can(actor, 'maintain', loaded.subject)) throw new AppError('FORBIDDEN');
    const [items, userIdByEmail] = await Promise.all([
      sheetItems(tx, plan.id),
      memberIdsByEmail(tx, plan.orgId),
    ]);
    const { changes, creates, problems } = validateSheet(table, {
      items: new Map(items.map((i) => [i.id, i])),
      userIdByEmail,
      planStatus: plan.status,
    });
    if (problems.length) {
      throw new AppError('IMPORT_INVALID', {
        problems: problems.slice(0, 500),
        problemCount: problems.length,
        rowCount: table.rows.length,
      });
    }
    for (const c of changes)
      await applyItemPatch(tx, actor, loaded, c.id, { ...c.patch, version: c.version });
    if (creates.length) {
      await createItems(
        tx,
        ctx,
        plan,
        creates.map((c) => c.item),
        'plan.items_imported',
      );
    }
    await recordAudit(tx, ctx, {
      action: 'plan.imported',
      entityType: 'action_plan',
      entityId: plan.id,
      orgId: plan.orgId,
      summary: { file: file.filename, updated: changes.length, created: creates.length },
    });
    await refreshFollowupFacts(tx, [plan.orgId]);
    return { updated: changes.length, created: creates.length };
  });
}
