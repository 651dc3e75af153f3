// npm run audit:verify — recomputes the audit hash chain and reports the first altered or
// missing event. Exit code 0 when intact, 1 when not.
import { openConfiguredDatabase } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { runMigrations } from '../src/server/db/migrate';
import { verifyAuditChain } from '../src/server/platform/audit';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  await runMigrations(database);
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(`Audit chain intact: ${result.count} events verified (${config.database}).`);
  } else {
    console.error(`Audit chain BROKEN after ${result.count} good events: ${result.problem.message}.`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
