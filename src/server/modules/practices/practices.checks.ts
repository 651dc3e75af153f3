import { and, eq, inArray } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import type { TextKey, TextParams } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { evidenceFiles, memberships } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { findFramework } from '../frameworks/frameworks.registry';

// Input checks that need the database. Each answers VALIDATION_FAILED naming the field, the same
// shape as zod's failures, so the form can show the problem next to the input.

/** One field's problem as a text key (localised by the error handler). */
export const invalid = (field: string, message: TextKey, params?: TextParams) =>
  new AppError('VALIDATION_FAILED', { issues: [{ field, message, params }] });

/** The framework (an unknown id is a bad input here, not a missing page). */
export async function frameworkFor(db: DbOrTx, frameworkId: string, field = 'body.frameworkId') {
  try {
    return await findFramework(db, frameworkId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw invalid(field, 'FRAMEWORK_UNKNOWN', { framework: frameworkId });
    throw err;
  }
}

/** Every indicator number must exist in the framework. */
export function checkIndicators(framework: Framework, numbers: number[], field: string) {
  const known = new Set(framework.indicators.map((i) => i.number));
  const unknown = numbers.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: unknown.map((n) => ({
        field,
        message: 'INDICATOR_UNKNOWN' satisfies TextKey,
        params: { indicator: n, framework: framework.id },
      })),
    });
  }
}

/** Users who hold the mentor role in the host (contacts, assigned mentors). */
export async function checkMentors(db: DbOrTx, hostId: string, userIds: string[], field: string) {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return;
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, hostId), eq(memberships.role, 'mentor'), inArray(memberships.userId, wanted)),
    );
  const found = new Set(rows.map((r) => r.id));
  if (wanted.some((id) => !found.has(id))) throw invalid(field, 'NOT_HOST_MENTOR');
}

/** Files must already be in this body's evidence locker. */
export async function checkLockerFiles(db: DbOrTx, orgId: string, fileIds: string[], field: string) {
  const wanted = [...new Set(fileIds)];
  if (!wanted.length) return;
  const rows = await db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.orgId, orgId), inArray(evidenceFiles.id, wanted)));
  if (rows.length !== wanted.length) throw invalid(field, 'FILE_NOT_IN_LOCKER');
}
