import { multipartFile, samples } from '../../../../tests/support/multipart';
import { openTestApp, type Session, type TestApp } from '../../../../tests/support/test-app';
import type { Role } from '../../../shared/contracts/common';

// Shared by this module's integration tests (not a test file itself).

export const practicePayload = (over: Record<string, unknown> = {}) => ({
  hostCode: '32.11',
  title: 'Aplikasi layanan terpadu',
  summary: 'Satu aplikasi untuk layanan perizinan dan kependudukan.',
  problem: 'Warga mengurus izin di banyak loket.',
  type: 'application',
  indicators: [
    { indicator: 15, level: 4 },
    { indicator: 18, level: 4 },
  ],
  ...over,
});

/** Uploads a PDF to a body's evidence locker and returns its id. */
export async function uploadTo(t: TestApp, who: Session, orgCode: string, name = 'dokumen.pdf') {
  const body = multipartFile(samples.pdf(), name);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgCode}/evidence`,
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`upload failed: ${res.body}`);
  return res.json().data.id as string;
}

/**
 * A test app with the module's two hosts (Kabupaten Sumedang 32.11, Kota Semarang 33.74) and one
 * signed-in user per row (who, role, body code); fills the test file's session and id tables.
 */
export async function appWithPeople<W extends string>(
  people: [W, Role, string][],
  s: Record<W, Session>,
  id: Record<W, string>,
): Promise<TestApp> {
  const opened = await openTestApp({
    hosts: ['32.11', '33.74'],
    people: Object.fromEntries(people.map(([who, role, org]) => [who, [role, org] as const])),
  });
  Object.assign(s, opened.s);
  Object.assign(id, opened.ids);
  return opened.t;
}
