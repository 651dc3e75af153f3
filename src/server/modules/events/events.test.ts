import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../tests/support/smtp';
import {
  apiFor,
  createTestApp,
  createUser,
  login,
  type Session,
  setHost,
  type TestApp,
} from '../../../../tests/support/test-app';
import { auditEvents } from '../../db/schema';

// Events end to end through the API: organising, visibility across provinces, invitations,
// registrations with a real SMTP delivery (.ics attached), signed check-in codes and attendance.

const people = {
  jabar: ['province_supervisor', '32'],
  jateng: ['province_supervisor', '33'],
  national: ['national_supervisor', 'KEMENDAGRI'],
  mentor: ['mentor', '32.11'],
  garutAdmin: ['body_admin', '32.05'],
  garutOp: ['operator', '32.05'],
  bandungAdmin: ['body_admin', '32.04'],
  semarangAdmin: ['body_admin', '33.74'],
} as const;
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const s = {} as Record<keyof typeof people, Session>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url });
  await setHost(t.database, '32.11');
  for (const [who, [role, orgCode]] of Object.entries(people)) {
    s[who as keyof typeof people] = await login(
      t.app,
      (await createUser(t.database, { role, orgCode })).email,
    );
  }
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const api = apiFor(() => t);

const bimtek = (over: Record<string, unknown> = {}) => ({
  organiserCode: '32',
  title: 'Bimtek Arsitektur SPBE Kabupaten/Kota Jawa Barat',
  type: 'bimtek',
  audience: 'technical',
  place: 'Gedung Sate, Bandung',
  startsAt: '2026-10-01T09:00',
  endsAt: '2026-10-01T15:30',
  agenda: '09.00 Pembukaan\n10.00 Arsitektur SPBE',
  capacity: 3,
  ...over,
});

let eventId = '';

describe('events', () => {
  it('a province supervisor creates an event in Jakarta time; only organisers may', async () => {
    const res = await api('POST', '/events', s.jabar, bimtek());
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json().data;
    eventId = e.id;
    expect(e).toMatchObject({
      organiser: { code: '32' },
      startsAt: '2026-10-01T02:00:00.000Z',
      startsLocal: '2026-10-01T09:00',
      timeZone: 'Asia/Jakarta',
      visibility: 'private',
      status: 'scheduled',
    });
    // Another province's supervisor, a body admin that is no host, and Jabar for Jateng: refused.
    expect((await api('POST', '/events', s.jateng, bimtek())).statusCode).toBe(403);
    expect((await api('POST', '/events', s.garutAdmin, bimtek({ organiserCode: '32.05' }))).statusCode).toBe(
      403,
    );
    // A host's mentor organises for the host.
    const host = await api(
      'POST',
      '/events',
      s.mentor,
      bimtek({ organiserCode: '32.11', visibility: 'open' }),
    );
    expect(host.statusCode, host.body).toBe(201);
    const list = (await api('GET', '/events', s.jabar)).json();
    expect(list.abilities.organiseFor).toEqual([{ code: '32', name: expect.any(String) }]);
    expect((await api('GET', '/events', s.garutOp)).json().abilities.organiseFor).toEqual([]);
  });

  it('refuses malformed input with the field named (never a 500)', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await api('POST', '/events', s.jabar, bimtek(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    };
    await bad({ endsAt: '2026-10-01T08:00' }, 'endsAt');
    await bad({ startsAt: '1 Oktober' }, 'startsAt');
    await bad({ place: '', onlineUrl: null }, 'place');
    await bad({ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl');
    await bad({ type: 'pesta' }, 'type');
    expect((await api('GET', '/events?sort=nope', s.jabar)).statusCode).toBe(400);
  });

  it('hides a private event from another province and from bodies not invited', async () => {
    expect((await api('GET', `/events/${eventId}`, s.jateng)).statusCode).toBe(404);
    expect((await api('GET', `/events/${eventId}`, s.semarangAdmin)).statusCode).toBe(404);
    expect((await api('GET', `/events/${eventId}`, s.garutAdmin)).statusCode).toBe(404);
    expect((await api('GET', `/events/${eventId}`, s.national)).statusCode).toBe(200);
    const jateng = (await api('GET', '/events', s.jateng)).json();
    expect(jateng.data.map((e: { organiser: { code: string } }) => e.organiser.code)).toEqual(['32.11']);
    const found = (await api('GET', '/events?q=arsitektur&type=bimtek&sort=title&dir=asc', s.jabar)).json();
    expect(found.pagination.total).toBe(2);
  });

  it('invites by list and province, only within the supervisor’s province', async () => {
    const outside = await api('POST', `/events/${eventId}/invitations`, s.jabar, { orgCodes: ['33.74'] });
    expect(outside.statusCode, outside.body).toBe(400);
    expect(
      (await api('POST', `/events/${eventId}/invitations`, s.garutAdmin, { orgCodes: ['32.05'] })).statusCode,
    ).toBe(404);
    const res = await api('POST', `/events/${eventId}/invitations`, s.jabar, {
      orgCodes: ['32.05', '32.04'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual({ added: 2, invited: 2 });
    const again = await api('POST', `/events/${eventId}/invitations`, s.jabar, { orgCodes: ['32.05'] });
    expect(again.json().data).toEqual({ added: 0, invited: 2 });
    const detail = (await api('GET', `/events/${eventId}`, s.garutAdmin)).json();
    expect(detail.abilities).toMatchObject({
      update: false,
      invite: false,
      registerFor: [{ code: '32.05' }],
    });
    expect((await api('GET', `/events/${eventId}`, s.garutOp)).json().abilities.registerFor).toEqual([]);
  });

  it('a body registers only its own people, within capacity, and the participant gets mail with an .ics', async () => {
    const reg = (who: Session, orgCode: string, n: number) =>
      api('POST', `/events/${eventId}/participants`, who, {
        orgCode,
        name: `Operator ${n}`,
        position: 'Pranata Komputer',
        tier: 'technical',
        email: `operator${n}@garutkab.test`,
      });
    expect((await reg(s.garutAdmin, '32.04', 1)).statusCode).toBe(404);
    expect((await reg(s.garutOp, '32.05', 1)).statusCode).toBe(403);
    expect((await reg(s.semarangAdmin, '33.74', 1)).statusCode).toBe(404);
    const first = await reg(s.garutAdmin, '32.05', 1);
    expect(first.statusCode, first.body).toBe(201);
    expect((await reg(s.garutAdmin, '32.05', 1)).statusCode).toBe(400);
    expect((await reg(s.garutAdmin, '32.05', 2)).statusCode).toBe(201);
    expect((await reg(s.bandungAdmin, '32.04', 3)).statusCode).toBe(201);
    const full = await reg(s.bandungAdmin, '32.04', 4);
    expect(full.json().error.code).toBe('EVENT_FULL');
    const mail = smtp.received.find((m) => m.to.includes('operator1@garutkab.test'));
    expect(mail?.raw).toContain('text/calendar');
    expect(mail?.raw).toContain('kegiatan.ics');
    expect(mail?.raw.replace(/=\r?\n/g, '')).toMatch(/Kode kehadiran Anda: [0-9a-f-]{36}\.[A-Za-z0-9_-]{22}/);
    // Garut's admin sees its own people only; the organiser sees everyone.
    const garut = (await api('GET', `/events/${eventId}/people`, s.garutAdmin)).json().data;
    expect(garut.participants.map((p: { name: string }) => p.name)).toEqual(['Operator 1', 'Operator 2']);
    const all = (await api('GET', `/events/${eventId}/people`, s.jabar)).json().data;
    expect(all.participants).toHaveLength(3);
    const ics = await api('GET', `/events/${eventId}/calendar.ics`, s.garutOp);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261001T020000Z');
  });

  it('checks in once by signed code (also queued with its original time), or manually, and exports attendance', async () => {
    const people0 = (await api('GET', `/events/${eventId}/people`, s.jabar)).json().data.participants;
    const named = (n: string) => (people0 as { id: string; name: string }[]).find((p) => p.name === n)!;
    const [op1, op2, bdg] = [named('Operator 1'), named('Operator 2'), named('Operator 3')];
    const codeRes = await api('GET', `/events/${eventId}/participants/${op1!.id}/code`, s.garutAdmin);
    expect(codeRes.statusCode, codeRes.body).toBe(200);
    const code = codeRes.json().data;
    expect(code.qrSvg).toContain('<svg');
    expect(
      (await api('GET', `/events/${eventId}/participants/${bdg!.id}/code`, s.garutAdmin)).statusCode,
    ).toBe(404);
    // Only the organiser checks in; a forged or foreign code is refused.
    expect(
      (await api('POST', `/events/${eventId}/check-ins`, s.garutAdmin, { code: code.code })).statusCode,
    ).toBe(403);
    const forged = `${op2!.id}.${code.code.split('.')[1]}`;
    expect(
      (await api('POST', `/events/${eventId}/check-ins`, s.jabar, { code: forged })).json().error.code,
    ).toBe('CHECKIN_CODE_INVALID');
    const at = '2026-10-01T02:15:00.000Z';
    const first = await api('POST', `/events/${eventId}/check-ins`, s.jabar, { code: code.code, at });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toMatchObject({
      result: 'checked_in',
      participant: { checkedInAt: at, checkInMethod: 'code' },
    });
    // Another device syncing its queue later (a different time): still the first check-in.
    const repeat = await api('POST', `/events/${eventId}/check-ins`, s.jabar, {
      code: code.code,
      at: '2026-10-01T03:00:00.000Z',
    });
    expect(repeat.json().data).toMatchObject({ result: 'already', participant: { checkedInAt: at } });
    const manual = await api('POST', `/events/${eventId}/check-ins`, s.jabar, {
      participantId: bdg!.id,
      at: '2026-10-01T09:20:00+07:00',
    });
    expect(manual.json().data.participant.checkInMethod).toBe('manual');
    const tooEarly = await api('POST', `/events/${eventId}/check-ins`, s.jabar, {
      participantId: op2!.id,
      at: '2026-09-01T09:00:00+07:00',
    });
    expect(tooEarly.statusCode).toBe(400);
    const summary = (await api('GET', `/events/${eventId}/people`, s.jabar)).json().data;
    expect(summary.invited).toEqual([
      expect.objectContaining({ code: '32.04', registered: 1, attended: 1 }),
      expect.objectContaining({ code: '32.05', registered: 2, attended: 1 }),
    ]);
    expect(summary.byTier.find((x: { tier: string }) => x.tier === 'technical')).toEqual({
      tier: 'technical',
      registered: 3,
      attended: 2,
    });
    // A checked-in registration stays.
    expect((await api('DELETE', `/events/${eventId}/participants/${op1!.id}`, s.garutAdmin)).statusCode).toBe(
      409,
    );
    const csv = await api('GET', `/events/${eventId}/attendance.csv`, s.jabar);
    expect(csv.body.split('\n')[0]).toContain('Instansi;Kode instansi'.split(';')[0]);
    expect(csv.body).toContain('Operator 1');
    expect((await api('GET', `/events/${eventId}`, s.jabar)).json().data.attendedCount).toBe(2);
  });

  it('edits and cancels with the change audited; a cancelled event takes no more registrations', async () => {
    const low = await api('PUT', `/events/${eventId}`, s.jabar, bimtek({ capacity: 1 }));
    expect(low.statusCode).toBe(400);
    const edit = await api(
      'PUT',
      `/events/${eventId}`,
      s.jabar,
      bimtek({ capacity: 10, title: 'Bimtek Arsitektur SPBE (diubah)' }),
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await api('PUT', `/events/${eventId}`, s.jateng, bimtek())).statusCode).toBe(404);
    expect(
      (await api('POST', `/events/${eventId}/cancel`, s.garutAdmin, { reason: 'Ditunda' })).statusCode,
    ).toBe(403);
    const cancelled = await api('POST', `/events/${eventId}/cancel`, s.jabar, {
      reason: 'Ditunda karena banjir',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ data: { status: 'cancelled' }, abilities: { update: false } });
    const late = await api('POST', `/events/${eventId}/participants`, s.garutAdmin, {
      orgCode: '32.05',
      name: 'Terlambat',
      tier: 'other',
      email: 'late@garutkab.test',
    });
    expect(late.json().error.code).toBe('EVENT_CANCELLED');
    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, eventId));
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['event.created', 'event.updated', 'event.cancelled', 'event.checked_in']),
    );
  });
});
