import { and, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { CheckInBody, CheckInCode, CheckInReply } from '../../../shared/contracts/events';
import type { Locale } from '../../../shared/errors';
import type { TextKey } from '../../../shared/texts';
import { text } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { eventParticipants } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { toCsv } from '../../platform/csv';
import { type CodeKey, checkInCode, readCheckInCode } from './events.codes';
import { readParticipants } from './events.people.service';
import { loadEvent, loadEventFor } from './events.service';

/** A participant's check-in code and its QR (SVG): for the organiser and the body's own admin. */
export async function getCheckInCode(
  db: Db,
  key: CodeKey,
  actor: Actor,
  id: string,
  participantId: string,
): Promise<CheckInCode> {
  const loaded = await loadEvent(db, actor, id);
  const [p] = await readParticipants(db, actor, loaded, eq(eventParticipants.id, participantId));
  if (!p) throw new AppError('NOT_FOUND');
  if (!p.canManage) throw new AppError('FORBIDDEN');
  const code = checkInCode(key, id, participantId);
  return { code, qrSvg: await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
}

// A queued check-in keeps the time it happened at the door; it must fall within the event's day(s)
// (from 12 hours before the start to 12 hours after the end) and not in the future.
const SLACK_MS = 12 * 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks a participant in by code or by choice (manual). Idempotent: a second check-in — another
 * device, a re-sent queue — answers `already` with the first time and changes nothing.
 */
export async function checkIn(
  db: Db,
  key: CodeKey,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: CheckInBody,
): Promise<CheckInReply> {
  const loaded = await loadEventFor(db, actor, id, 'checkIn');
  const participantId = input.code ? readCheckInCode(key, id, input.code) : input.participantId!;
  if (!participantId) throw new AppError('CHECKIN_CODE_INVALID');
  const at = input.at ? new Date(input.at) : new Date();
  const start = Date.parse(loaded.event.startsAt) - SLACK_MS;
  const end = Date.parse(loaded.event.endsAt) + SLACK_MS;
  if (at.getTime() < start || at.getTime() > Math.min(end, Date.now() + CLOCK_SKEW_MS)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.at', message: 'EVENT_CHECKIN_TIME' satisfies TextKey }],
    });
  }
  const method = input.code ? ('code' as const) : ('manual' as const);
  const changed = await db.transaction(async (tx) => {
    // The "checked_in_at is null" guard makes the first write win under concurrent devices.
    const [row] = await tx
      .update(eventParticipants)
      .set({ checkedInAt: at, checkInMethod: method, checkedInBy: actor.userId })
      .where(
        and(
          eq(eventParticipants.id, participantId),
          eq(eventParticipants.eventId, id),
          isNull(eventParticipants.checkedInAt),
        ),
      )
      .returning({ orgId: eventParticipants.orgId });
    if (row) {
      await recordAudit(tx, ctx, {
        action: 'event.checked_in',
        entityType: 'event',
        entityId: id,
        orgId: row.orgId,
        summary: { participant: participantId, method, at: at.toISOString() },
      });
    }
    return !!row;
  });
  const [participant] = await readParticipants(db, actor, loaded, eq(eventParticipants.id, participantId));
  // A signed code always names a participant of this event unless it was removed since.
  if (!participant) throw new AppError(input.code ? 'CHECKIN_CODE_INVALID' : 'NOT_FOUND');
  return { result: changed ? 'checked_in' : 'already', participant };
}

/** Attendance as CSV (the participants the actor may see), in the reader's language. */
export async function attendanceCsv(db: Db, actor: Actor, id: string, locale: Locale) {
  const loaded = await loadEvent(db, actor, id);
  const rows = await readParticipants(db, actor, loaded);
  const header = text(locale, 'EVENT_CSV_HEADER').split(';');
  const csv = toCsv(
    header,
    rows.map((p) => [
      p.org.name,
      p.org.code,
      p.name,
      p.position,
      p.tier,
      p.email,
      text(locale, p.checkedInAt ? 'EVENT_YES' : 'EVENT_NO'),
      p.checkedInAt ?? '',
      p.checkInMethod ?? '',
    ]),
  );
  return { csv, filename: `kehadiran-${id.slice(0, 8)}.csv` };
}
