import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { chainAuditEvents } from './audit';
import { writeAnchor } from './audit-anchor';

export type AuditChainer = {
  key: Buffer;
  anchorDir: string;
  /** Chains every event committed so far (waiting for a chainer running elsewhere); coalesced. */
  flush: () => Promise<void>;
  /** The same for readers: a failure (database down, another instance's key) is logged, not thrown. */
  tryFlush: () => Promise<void>;
  /** Background runs every intervalMs on this instance; returns the stop function. */
  start: (intervalMs?: number) => () => void;
};

/**
 * The audit chain's runner on one instance. Writers only insert events; this links them (one
 * chainer at a time across instances, see chainAuditEvents) about every second, and on demand
 * before the log is read. After a run it writes a signed anchor of the head to AUDIT_ANCHOR_DIR
 * when the head moved and the last anchor of this instance is older than AUDIT_ANCHOR_SECONDS.
 */
export function createAuditChainer(opts: {
  db: Db;
  key: Buffer;
  anchorDir: string;
  anchorSeconds: number;
  log: FastifyBaseLogger;
}): AuditChainer {
  let running: Promise<void> | null = null;
  let lastAnchor = { chainSeq: -1, atMs: 0 };

  const runOnce = async (wait: boolean) => {
    const r = await chainAuditEvents(opts.db, opts.key, { wait });
    const now = Date.now();
    if (
      r.head &&
      r.head.chainSeq !== lastAnchor.chainSeq &&
      now - lastAnchor.atMs >= opts.anchorSeconds * 1000
    ) {
      writeAnchor(opts.anchorDir, opts.key, r.head, new Date(now));
      lastAnchor = { chainSeq: r.head.chainSeq, atMs: now };
    }
  };

  // A flush asked for while a run is under way needs a run that starts after it (the running one
  // may have read its work list before the caller's event committed); a background tick just
  // joins whatever is running.
  const run = async (wait: boolean): Promise<void> => {
    if (running && !wait) return running;
    if (running) {
      const current = running;
      await current.catch(() => {});
      if (running && running !== current) return running; // started after this call: enough
    }
    running ??= runOnce(wait).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    key: opts.key,
    anchorDir: opts.anchorDir,
    flush: () => run(true),
    tryFlush: () => run(true).catch((err) => opts.log.error({ err }, 'audit chainer failed')),
    start: (intervalMs = 1000) => {
      let failing = false;
      const timer = setInterval(() => {
        run(false).then(
          () => {
            failing = false;
          },
          (err) => {
            // Logged once per outage, not every second.
            if (!failing) opts.log.error({ err }, 'audit chainer failed');
            failing = true;
          },
        );
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
