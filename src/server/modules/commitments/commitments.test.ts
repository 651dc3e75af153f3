import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFor,
  openTestApp,
  type Session,
  type Sessions,
  type TestApp,
} from '../../../../tests/support/test-app';

const people = {
  national: ['national_supervisor', 'KEMENPANRB'],
  garutLeader: ['leader', '32.05'],
  garutAdmin: ['body_admin', '32.05'],
  bandungLeader: ['leader', '32.04'],
  cianjurLeader: ['leader', '32.03'],
  admin: ['platform_admin', 'LL-SEKRETARIAT'],
  otherOp: ['operator', '33.74'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());

const api = apiFor(() => t);

const text = {
  title: 'Komitmen Bersama Living Lab SPBE',
  textId: 'Kami berkomitmen menindaklanjuti studi tiru dengan penilaian mandiri dan rencana aksi.',
  textEn: 'We commit to follow up study visits with a self-assessment and an action plan.',
};
const sign = (who: Session, org: string, textVersion = 1) =>
  api('POST', `/orgs/${org}/commitment-signatures`, who, {
    signerName: 'H. Rudy Gunawan',
    signerPosition: 'Bupati',
    textVersion,
  });
const verify = async (id: string) => (await api('GET', `/commitments/signatures/${id}/verify`)).json();
const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

describe('signed commitments', () => {
  let garutSig: string;

  it('are published by national supervisors and readable by anyone', async () => {
    expect((await api('POST', '/commitments', s.garutAdmin, text)).statusCode).toBe(403);
    const res = await api('POST', '/commitments', s.national, text);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({
      version: 1,
      isCurrent: true,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const list = await api('GET', '/commitments');
    expect(list.statusCode).toBe(200);
    expect(list.json().data[0].title).toBe(text.title);
  });

  it('are signed by the body’s leader only, once per text version', async () => {
    expect((await sign(s.garutAdmin, '32.05')).statusCode).toBe(403);
    expect((await sign(s.bandungLeader, '32.05')).statusCode).toBe(404);
    expect((await sign(s.garutLeader, '32.05', 2)).json().error.details.reason).toBe('text_changed');
    const res = await sign(s.garutLeader, '32.05');
    expect(res.statusCode, res.body).toBe(201);
    garutSig = res.json().data.id;
    expect(res.json().data).toMatchObject({ status: 'valid', algorithm: 'Ed25519', org: { code: '32.05' } });
    expect((await sign(s.garutLeader, '32.05')).json().error.details.reason).toBe('already_signed');
    const pub = (await api('GET', '/orgs/32.05/commitment-signatures')).json();
    expect(pub.data.map((x: { id: string }) => x.id)).toEqual([garutSig]);
    expect(pub.abilities.sign).toBe(false);
    expect((await api('GET', '/orgs/32.05/commitment-signatures', s.garutLeader)).json().abilities.sign).toBe(
      true,
    );
  });

  it('verify publicly, and turn invalid when any signed field or the text is altered', async () => {
    const ok = await verify(garutSig);
    expect(ok).toMatchObject({ status: 'valid', problems: [], text: { version: 1 } });
    expect(ok.notice.id).toContain('bukan tanda tangan elektronik tersertifikasi');
    const fields: [string, string][] = [
      ['org_code', "'32.06'"],
      ['org_name', "'Kabupaten Tasikmalaya'"],
      ['signer_name', "'Orang Lain'"],
      ['signer_position', "'Wakil Bupati'"],
      ['signed_at', "'2020-01-01T00:00:00.000Z'"],
      ['text_hash', `'${'0'.repeat(64)}'`],
      ['signer_user_id', 'gen_random_uuid()'],
      ['signature', "'AAAA'"],
    ];
    for (const [column, value] of fields) {
      const [before] = (
        (await exec(
          sql.raw(`select ${column}::text as v from commitment_signatures where id = '${garutSig}'`),
        )) as unknown as { rows: { v: string }[] }
      ).rows;
      await exec(sql.raw(`update commitment_signatures set ${column} = ${value} where id = '${garutSig}'`));
      const v = await verify(garutSig);
      expect(v.status, column).toBe('invalid');
      await exec(
        sql.raw(`update commitment_signatures set ${column} = '${before!.v}' where id = '${garutSig}'`),
      );
    }
    expect((await verify(garutSig)).status).toBe('valid');
    await exec(sql`update commitment_texts set text_id = text_id || ' (diubah)' where version = 1`);
    expect(await verify(garutSig)).toMatchObject({ status: 'invalid', problems: ['text'] });
    await exec(
      sql`update commitment_texts set text_id = replace(text_id, ' (diubah)', '') where version = 1`,
    );
    expect((await verify(garutSig)).status).toBe('valid');
    expect(
      (await api('GET', '/commitments/signatures/00000000-0000-4000-8000-000000000000/verify')).statusCode,
    ).toBe(404);
  });

  it('stay verifiable after the key is rotated', async () => {
    expect((await api('POST', '/commitments/keys/rotate', s.national)).statusCode).toBe(403);
    const rotated = await api('POST', '/commitments/keys/rotate', s.admin);
    expect(rotated.statusCode).toBe(200);
    const bandung = (await sign(s.bandungLeader, '32.04')).json().data;
    expect(bandung.keyId).toBe(rotated.json().data.current);
    expect(bandung.keyId).not.toBe((await verify(garutSig)).signature.keyId);
    expect((await verify(garutSig)).status).toBe('valid');
    expect((await verify(bandung.id)).status).toBe('valid');
    const keys = (await api('GET', '/commitments/keys')).json().data;
    expect(keys).toHaveLength(2);
    expect(keys[0].retiredAt).not.toBeNull();
    expect(keys[1].publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const [stored] = (
      (await exec(
        sql`select count(*)::int as n from signing_keys where private_key_pem is not null`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(stored!.n).toBe(1);
  });

  it('can be revoked with a reason, and a new version must be signed again', async () => {
    expect(
      (
        await api('POST', `/commitments/signatures/${garutSig}/revoke`, s.bandungLeader, {
          reason: 'bukan kami',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api('POST', `/commitments/signatures/${garutSig}/revoke`, s.garutLeader, {
          reason: 'Bupati berganti',
        })
      ).statusCode,
    ).toBe(200);
    expect(await verify(garutSig)).toMatchObject({
      status: 'revoked',
      signature: { revokedReason: 'Bupati berganti' },
    });
    expect(
      (await api('POST', `/commitments/signatures/${garutSig}/revoke`, s.national, { reason: 'lagi lagi' }))
        .statusCode,
    ).toBe(409);
    await api('POST', '/commitments', s.national, { ...text, title: `${text.title} 2027` });
    expect((await sign(s.cianjurLeader, '32.03', 1)).statusCode).toBe(409);
    expect((await sign(s.cianjurLeader, '32.03', 2)).statusCode).toBe(201);
    expect((await verify(garutSig)).status).toBe('revoked');
  });

  it('give the signer a PDF certificate with the verification link', async () => {
    const pdf = await api('GET', `/commitments/signatures/${garutSig}/certificate`, s.garutAdmin);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    expect((await api('GET', `/commitments/signatures/${garutSig}/certificate`, s.otherOp)).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/commitments/signatures/${garutSig}/certificate`)).statusCode).toBe(401);
  });
});
