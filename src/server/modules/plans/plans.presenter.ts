import type { ActionItem, ItemAbilities, PlanSummary } from '../../../shared/contracts/plans';
import type { actionItems } from '../../db/schema';
import type { ItemListRow, PlanRow } from './plans.queries';

// The API shape of plans and items (contracts/plans.ts), from the rows plans.queries.ts reads.

export function presentSummary(r: PlanRow, org: { code: string; name: string }): PlanSummary {
  return {
    id: r.p.id,
    org: { code: org.code, name: org.name },
    period: r.p.period,
    frameworkId: r.p.frameworkId,
    status: r.p.status,
    approvedVersion: r.p.approvedVersion,
    itemCount: r.itemCount,
    doneCount: r.doneCount,
    overdueCount: r.overdueCount,
    missingOwnerCount: r.missingOwnerCount,
    missingDueDateCount: r.missingDueDateCount,
    isSample: r.p.isSample,
  };
}

export function presentItem(r: ItemListRow, abilities: ItemAbilities): ActionItem {
  const { i } = r;
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    targets: i.targets,
    source: i.source,
    sourceRef: i.sourceRef,
    practice: i.practiceId && r.practiceTitle ? { id: i.practiceId, title: r.practiceTitle } : null,
    ownerUnit: i.ownerUnit,
    assignee: i.assigneeId && r.assigneeName ? { id: i.assigneeId, name: r.assigneeName } : null,
    startDate: i.startDate,
    dueDate: i.dueDate,
    status: i.status,
    blockedReason: i.blockedReason,
    progress: i.progress,
    version: i.version,
    overdue: r.overdue,
    evidence: r.evidence,
    commentCount: r.commentCount,
    isSample: i.isSample,
    updatedAt: i.updatedAt.toISOString(),
    abilities,
  };
}

/** The current state of an item, sent with a version conflict so the user can compare. */
export function presentRow(r: typeof actionItems.$inferSelect) {
  return {
    title: r.title,
    status: r.status,
    progress: r.progress,
    dueDate: r.dueDate,
    assigneeId: r.assigneeId,
    blockedReason: r.blockedReason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
