import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestApp, loginAs, type Session, type TestApp } from '../../../tests/support/test-app';

// A NUL anywhere in a request is a clear 400 on every route, never a database error (500).
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t, 'platform_admin', 'KEMENDAGRI');
});
afterAll(() => t?.close());
const api = apiFor(() => t);

describe('NUL characters', () => {
  it.each([
    '/practices?q=%00',
    '/practices?host=%00',
    '/practices?province=a%00b',
    '/orgs/%00/path',
    '/funnel/bodies?q=%00',
  ])('are refused in the address: %s', async (url) => {
    const res = await api('GET', url, admin);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('are refused in a JSON body, naming the field', async () => {
    const res = await api('POST', '/practices', admin, {
      hostCode: '32.11',
      title: 'Judul\u0000',
      summary: 'Ringkasan yang cukup panjang',
      type: 'sop',
      indicators: [{ indicator: 1, level: 3 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.title');
  });

  it('still answer 401 first to a caller without a session', async () => {
    expect((await api('GET', '/orgs/%00/path')).statusCode).toBe(401);
    expect((await api('GET', '/practices?q=%00')).statusCode).toBe(400);
  });
});
