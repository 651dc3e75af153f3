import { eq } from 'drizzle-orm';
import { type Framework, frameworkSchema } from '../../../shared/framework/framework-schema';
import { spbe2018Framework, spbe2020Framework } from '../../../shared/framework/frameworks';
import type { TextParams } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { frameworkDefinitions } from '../../db/schema';
import { AppError } from '../../platform/app-error';

// The frameworks shipped with the platform, plus those admins loaded from JSON (stored in the
// database so every app instance sees them). Stored definitions are parsed once per version.
const shipped: Framework[] = [spbe2020Framework, spbe2018Framework];
const parsed = new Map<string, Framework>();

export function shippedFramework(id: string): Framework | undefined {
  return shipped.find((x) => x.id === id);
}

function parseStored(row: { id: string; version: string; definition: unknown }): Framework {
  const key = `${row.id}@${row.version}`;
  let f = parsed.get(key);
  if (!f) {
    f = frameworkSchema.parse(row.definition);
    parsed.set(key, f);
  }
  return f;
}

export async function listFrameworks(db: DbOrTx): Promise<Framework[]> {
  const rows = await db.select().from(frameworkDefinitions).orderBy(frameworkDefinitions.id);
  return [...shipped, ...rows.map(parseStored)];
}

export async function findFramework(db: DbOrTx, id: string): Promise<Framework> {
  const s = shippedFramework(id);
  if (s) return s;
  const [row] = await db.select().from(frameworkDefinitions).where(eq(frameworkDefinitions.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return parseStored(row);
}

/**
 * Every problem in an uploaded definition, as path + message (empty when valid). The engine's own
 * checks write text keys with params; the error handler localises them.
 */
export function frameworkProblems(input: unknown): { path: string; message: string; params?: TextParams }[] {
  const r = frameworkSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: i.path.join('.') || '(root)',
    message: i.message,
    ...(i.code === 'custom' && i.params ? { params: i.params as TextParams } : {}),
  }));
}
