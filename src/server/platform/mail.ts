import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, DbOrTx } from '../db/client';
import { outbox } from '../db/schema';

/**
 * An attachment travels with the delivery only (e.g. an event's .ics): the outbox keeps the text,
 * and whatever the attachment holds can be fetched again from the link the text gives.
 */
export type MailAttachment = { filename: string; content: string; contentType: string };
export type MailMessage = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
};
export type QueuedMail = { id: string; message: MailMessage };

export type Mailer = {
  /** Records the message in the outbox and, when SMTP is configured, delivers it. Never throws. */
  send: (db: Db, message: MailMessage) => Promise<{ status: 'stored' | 'sent' | 'failed' }>;
  /**
   * Records messages in the outbox inside the caller's transaction, in one statement: they exist
   * exactly when the change that caused them commits. deliver() them after the commit.
   */
  queue: (tx: DbOrTx, messages: MailMessage[]) => Promise<QueuedMail[]>;
  /** Delivers queued messages when SMTP is configured (else they stay stored). Never throws. */
  deliver: (db: Db, queued: QueuedMail[]) => Promise<void>;
};

// Mail is sent after the transaction that caused it has committed (a rolled-back change must not
// email anybody). Without SMTP_URL every message stays in the outbox table for admins to read.
export function createMailer(opts: { smtpUrl?: string; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  const deliverOne = async (db: Db, { id, message }: QueuedMail) => {
    if (!transport) return 'stored' as const;
    try {
      await transport.sendMail({
        from: opts.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments,
      });
      await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, id));
      return 'sent' as const;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await db.update(outbox).set({ status: 'failed', error }).where(eq(outbox.id, id));
      return 'failed' as const;
    }
  };
  const queue = async (tx: DbOrTx, messages: MailMessage[]) => {
    // Ids made here pair each row with its message without relying on RETURNING's order.
    const queued = messages.map((message) => ({ id: randomUUID(), message }));
    if (queued.length)
      await tx.insert(outbox).values(
        queued.map(({ id, message: { attachments: _, ...m } }) => ({
          id,
          ...m,
          status: 'stored' as const,
        })),
      );
    return queued;
  };
  return {
    queue,
    async send(db, message) {
      const [queued] = await queue(db, [message]);
      return { status: await deliverOne(db, queued!) };
    },
    async deliver(db, queued) {
      for (const q of queued) await deliverOne(db, q);
    },
  };
}
