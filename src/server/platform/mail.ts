import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export type MailMessage = { kind: string; to: string; subject: string; text: string };

export type Mailer = {
  /** Records the message in the outbox and, when SMTP is configured, delivers it. Never throws. */
  send: (db: Db, message: MailMessage) => Promise<{ status: 'stored' | 'sent' | 'failed' }>;
};

// Mail is sent after the transaction that caused it has committed (a rolled-back change must not
// email anybody). Without SMTP_URL every message stays in the outbox table for admins to read.
export function createMailer(opts: { smtpUrl?: string; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async send(db, message) {
      const [row] = await db
        .insert(outbox)
        .values({ ...message, status: 'stored' })
        .returning({ id: outbox.id });
      if (!transport) return { status: 'stored' };
      try {
        await transport.sendMail({
          from: opts.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, row!.id));
        return { status: 'sent' };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        await db.update(outbox).set({ status: 'failed', error }).where(eq(outbox.id, row!.id));
        return { status: 'failed' };
      }
    },
  };
}
