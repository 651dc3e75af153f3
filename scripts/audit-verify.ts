// npm run audit:verify — links the events not yet chained, then recomputes the keyed audit hash
// chain and checks it against the signed anchors in AUDIT_ANCHOR_DIR. Reports the first missing,
// altered, forged or re-linked event, a chain cut short at its end, or an invalid anchor.
// Exit code 0 when intact, 1 when not. Needs the same AUDIT_KEY (or DATA_DIR/audit.key) as the app.
import { openConfiguredDatabase } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { runMigrations } from '../src/server/db/migrate';
import { chainAuditEvents, verifyAuditChain } from '../src/server/platform/audit';
import { loadAuditKey, writeAnchor } from '../src/server/platform/audit-anchor';

const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  await runMigrations(database);
  const key = loadAuditKey(config, { create: false });
  if (!key) {
    console.error(
      `No audit key: set AUDIT_KEY or DATA_DIR (the key file ${config.auditKeyFile} does not exist). Only events hashed before the key existed can be verified.`,
    );
  }
  const verify = () => verifyAuditChain(database.db, { key, anchorDir: config.auditAnchorDir });
  // Verify what is there before chaining anything: a chain broken by someone must not be extended.
  let result = await verify();
  if (key && result.ok && result.pending > 0) {
    await chainAuditEvents(database.db, key);
    result = await verify();
  }
  const anchors = result.latestAnchor
    ? `${result.anchors} anchors, the latest of ${result.latestAnchor.at} at event ${result.latestAnchor.chainSeq}`
    : 'no anchors yet';
  if (result.ok) {
    console.log(
      `Audit chain intact: ${result.count} events verified against ${anchors} (${config.database}, anchors in ${config.auditAnchorDir}).`,
    );
    if (result.pending > 0)
      console.log(`${result.pending} events are not chained yet (no key to chain them).`);
    if (key && result.count > 0 && result.count !== result.latestAnchor?.chainSeq) {
      // The head verified: anchor it, so later tampering with these events is caught too.
      const head = await chainAuditEvents(database.db, key);
      if (head.head) writeAnchor(config.auditAnchorDir, key, head.head);
    }
  } else {
    console.error(
      `Audit chain BROKEN after ${result.count} good events: ${result.problem?.message}. (${anchors}.)`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
