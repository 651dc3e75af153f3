import { sql } from 'drizzle-orm';
import type { Meta } from '../../../shared/contracts/health';
import type { Config } from '../../config';
import type { DbHandle } from '../../db/client';
import { sampleAccounts } from '../../db/seed/sample-accounts';

/** Is the database answering? The probe's answer, whichever it is. */
export async function checkHealth(database: DbHandle, version: string) {
  const facts = { database: database.engine, version };
  try {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, ...facts };
  } catch {
    return { status: 'unavailable' as const, ...facts };
  }
}

/** What the web needs before anyone signs in: sample accounts and the zone dates are shown in. */
export function meta(database: DbHandle, config: Config, version: string): Meta {
  return {
    version,
    database: database.engine,
    sampleMode: config.sampleData,
    sampleAccounts: config.sampleData
      ? sampleAccounts.map((a) => ({ email: a.email, role: a.role, org: a.orgCode }))
      : [],
    samplePassword: config.sampleData ? 'livinglab-sample' : null,
    timeZone: config.reminderTimeZone,
  };
}
