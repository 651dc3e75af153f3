import { and, desc, eq } from 'drizzle-orm';
import { type Framework, frameworkSchema } from '../../../shared/framework/framework-schema';
import {
  pemdi2026Framework,
  spbe2018Framework,
  spbe2020Framework,
} from '../../../shared/framework/frameworks';
import type { TextParams } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { frameworkDefinitions } from '../../db/schema';
import { AppError } from '../../platform/app-error';

// The frameworks shipped with the platform, plus those admins loaded from JSON (stored in the
// database so every app instance sees them). Stored definitions are parsed once per version.
// The current version of an id serves new work; a recorded version (an assessment's) is always
// found as it was, so a correction never re-scores what was assessed before it.
const shipped: Framework[] = [spbe2020Framework, pemdi2026Framework, spbe2018Framework];
const parsed = new Map<string, Framework>();

export function shippedFramework(id: string): Framework | undefined {
  return shipped.find((x) => x.id === id);
}

type StoredRow = { id: string; version: string; correctsVersion: string | null; definition: unknown };

function parseStored(row: StoredRow): Framework {
  const key = `${row.id}@${row.version}`;
  let f = parsed.get(key);
  if (!f) {
    f = frameworkSchema.parse(row.definition);
    parsed.set(key, f);
  }
  return f;
}

/**
 * The version of an id that serves new work, from its stored rows (newest first): a shipped
 * framework's latest correction of the version shipped now, else the shipped copy; a loaded
 * framework's latest version.
 */
function currentOf(id: string, rows: StoredRow[]): Framework | undefined {
  const s = shippedFramework(id);
  if (s) {
    const correction = rows.find((r) => r.correctsVersion === s.version);
    return correction ? parseStored(correction) : s;
  }
  return rows[0] ? parseStored(rows[0]) : undefined;
}

const storedColumns = {
  id: frameworkDefinitions.id,
  version: frameworkDefinitions.version,
  correctsVersion: frameworkDefinitions.correctsVersion,
  definition: frameworkDefinitions.definition,
};

/** Every framework in its current version: the shipped ones first, then the loaded ones by id. */
export async function listFrameworks(db: DbOrTx): Promise<Framework[]> {
  const rows = await db
    .select(storedColumns)
    .from(frameworkDefinitions)
    .orderBy(frameworkDefinitions.id, desc(frameworkDefinitions.createdAt));
  const byId = new Map<string, StoredRow[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const loaded = [...byId.keys()].filter((id) => !shippedFramework(id));
  return [...shipped.map((s) => s.id), ...loaded].map((id) => currentOf(id, byId.get(id) ?? [])!);
}

/** The versions of an id kept in the database, newest first (the shipped copy is not among them). */
export async function storedVersions(db: DbOrTx, id: string) {
  return db
    .select({ ...storedColumns, createdAt: frameworkDefinitions.createdAt })
    .from(frameworkDefinitions)
    .where(eq(frameworkDefinitions.id, id))
    .orderBy(desc(frameworkDefinitions.createdAt));
}

/**
 * A framework by id: the version recorded with a piece of work when one is given, else the
 * current one. A recorded version that is no longer known (a release replaced the shipped copy
 * under another version name) is read in the current version: the indicator numbers it answered
 * stay those of the same id.
 */
export async function findFramework(db: DbOrTx, id: string, version?: string): Promise<Framework> {
  const s = shippedFramework(id);
  // The shipped copy in the version asked for needs no database read (every saved level asks).
  if (s && version === s.version) return s;
  if (version !== undefined) {
    const [row] = await db
      .select(storedColumns)
      .from(frameworkDefinitions)
      .where(and(eq(frameworkDefinitions.id, id), eq(frameworkDefinitions.version, version)));
    if (row) return parseStored(row);
  }
  const current = currentOf(id, await storedVersions(db, id));
  if (!current) throw new AppError('NOT_FOUND');
  return current;
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
