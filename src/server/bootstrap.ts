import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import type { Config } from './config';
import { type DbHandle, openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { loadReferenceData } from './db/seed/reference';
import { loadSampleData } from './db/seed/sample';
import { ensureFollowupFacts } from './modules/followup/followup.facts';
import { reminderJobs } from './modules/reminders/reminders.daily';
import { jobLock } from './platform/job-lock';
import { createMailer } from './platform/mail';
import { startScheduler } from './platform/scheduler';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appVersion: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
export const defaultWebDir = path.join(root, 'dist', 'web');

export async function openConfiguredDatabase(config: Config): Promise<DbHandle> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir });
}

/** Migrations, reference data and (in sample mode) sample data: everything before serving. */
export async function prepareDatabase(database: DbHandle, config: Config) {
  await runMigrations(database);
  await loadReferenceData(database.db);
  if (config.sampleData) await loadSampleData(database.db);
  // Bodies whose follow-up facts are missing or of an older shape (an upgrade): built once here.
  await ensureFollowupFacts(database.db);
}

export async function createServer(config: Config, opts: { webDir?: string; logger?: boolean } = {}) {
  const database = await openConfiguredDatabase(config);
  await prepareDatabase(database, config);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const app = await buildApp(
    { config, database, mailer, version: appVersion },
    { webDir: opts.webDir ?? defaultWebDir, logger: opts.logger },
  );
  const stopJobs = config.jobsEnabled
    ? startScheduler({
        log: app.log,
        time: config.reminderTime,
        timeZone: config.reminderTimeZone,
        jobs: reminderJobs({
          db: database.db,
          mailer,
          publicUrl: config.publicUrl,
          timeZone: config.reminderTimeZone,
          lock: jobLock(database),
        }),
      })
    : () => {};
  if (config.database === 'postgres' && !config.auditKey) {
    app.log.warn(
      `AUDIT_KEY is not set: the audit chain's key is ${config.auditKeyFile}; every instance on this database must use the same key`,
    );
  }
  // Audit events are linked into the chain in the background, on every instance (one at a time).
  const stopChain = app.auditChain.start();
  app.addHook('onClose', async () => {
    stopJobs();
    await app.background.drain();
    stopChain();
    // Chain what this instance wrote before it goes (another instance would do it otherwise).
    await app.auditChain.flush().catch((err) => app.log.error({ err }, 'audit chainer failed at shutdown'));
    await database.close();
  });
  return app;
}
