import { multipartFile, samples } from '../../../../tests/support/multipart';
import type { Session, TestApp } from '../../../../tests/support/test-app';

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
