import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto';

// Check-in codes: `<participant id>.<tag>`, the tag an HMAC of the event and participant under a
// key derived from the platform key, so a code cannot be forged or moved to another event, and
// an organiser's phone can read the participant from the code itself while offline. Single use
// is the database's: a participant is checked in once, whatever code or device repeats it.

export type CodeKey = Buffer;

/** The check-in key: a purpose-bound derivation of the platform (audit) key, never the key itself. */
export function deriveCodeKey(platformKey: Buffer): CodeKey {
  return createHmac('sha256', platformKey).update('living-lab/event-check-in/v1').digest();
}

const tag = (key: CodeKey, eventId: string, participantId: string) =>
  createHmac('sha256', key).update(`${eventId}:${participantId}`).digest('base64url').slice(0, 22);

export function checkInCode(key: CodeKey, eventId: string, participantId: string): string {
  return `${participantId}.${tag(key, eventId, participantId)}`;
}

/** The participant a code names, when its signature holds for this event; else null. */
export function readCheckInCode(key: CodeKey, eventId: string, code: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/i.exec(code.trim());
  if (!m) return null;
  const participantId = m[1]!.toLowerCase();
  return safeEqual(tag(key, eventId, participantId), m[2]!) ? participantId : null;
}
