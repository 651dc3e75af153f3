import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Session, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
let operator: Session;
let admin: Session;

beforeAll(async () => {
  const people = { operator: ['operator', '32.05'], admin: ['platform_admin', 'LL-SEKRETARIAT'] } as const;
  ({
    t,
    s: { operator, admin },
  } = await openTestApp({ host: '32.11', mentees: ['32.05'], people }));
});
afterAll(() => t?.close());

async function list(query: string, s = operator) {
  const res = await t.app.inject({ url: `/api/v1/orgs?${query}`, headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('directory', () => {
  it('holds all 38 provinces and 514 kabupaten/kota with Kemendagri codes', async () => {
    expect((await list('type=province')).pagination.total).toBe(38);
    const regencies = (await list('type=regency')).pagination.total;
    const cities = (await list('type=city')).pagination.total;
    expect(regencies + cities).toBe(514);
    expect(cities).toBe(98);
  });

  it('tells which bodies the SPBE evaluation does not score separately', async () => {
    const dki = await list('province=31&pageSize=10');
    const notEvaluated = dki.data.filter((o: { evaluated: boolean }) => !o.evaluated);
    expect(notEvaluated.map((o: { code: string }) => o.code)).toEqual([
      '31.01',
      '31.71',
      '31.72',
      '31.73',
      '31.74',
      '31.75',
    ]);
    const body = await t.app.inject({ url: '/api/v1/orgs/31.71', headers: operator.headers });
    expect(body.json().data).toMatchObject({ name: 'Kota Administrasi Jakarta Pusat', evaluated: false });
    expect((await list('q=sumedang')).data[0].evaluated).toBe(true);
  });

  it('finds bodies by name or code prefix', async () => {
    const byName = await list('q=sumedang');
    expect(byName.data.map((o: { code: string }) => o.code)).toEqual(['32.11']);
    expect(byName.data[0]).toMatchObject({
      name: 'Kabupaten Sumedang',
      provinceName: 'Jawa Barat',
      isHost: true,
    });
    const byCode = await list('q=32.1&pageSize=100');
    expect(byCode.data.every((o: { code: string }) => o.code.startsWith('32.1'))).toBe(true);
    expect((await list('q=%25')).pagination.total).toBe(0); // LIKE wildcards are literal
  });

  it('filters by province, pages and sorts', async () => {
    const p1 = await list('province=32&pageSize=10&page=1');
    expect(p1.pagination).toEqual({ page: 1, pageSize: 10, total: 28, pageCount: 3 });
    const p3 = await list('province=32&pageSize=10&page=3');
    expect(p3.data).toHaveLength(8);
    const byName = await list('province=32&sort=name&dir=desc&pageSize=1');
    expect(byName.data[0].name).toBe('Kota Tasikmalaya');
  });

  it('exports the filtered directory as CSV', async () => {
    const res = await t.app.inject({
      url: '/api/v1/orgs/export?province=32&sort=name',
      headers: operator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(29);
    expect(lines[0]).toBe(
      'code,name,type,province_code,province_name,is_member,member_since,is_host,is_sample',
    );
    expect(lines.some((l) => l.startsWith('32.11,Kabupaten Sumedang,regency,32,Jawa Barat'))).toBe(true);
  });

  it('rejects bad query parameters naming the field', async () => {
    const res = await t.app.inject({ url: '/api/v1/orgs?type=planet&page=0', headers: operator.headers });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.type', 'querystring.page']));
  });

  it('shows a body page with supervisors, mentors and abilities', async () => {
    const res = await t.app.inject({ url: '/api/v1/orgs/32.05', headers: operator.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.name).toBe('Kabupaten Garut');
    expect(body.data.supervisedBy.map((o: { code: string }) => o.code).sort()).toEqual([
      '32',
      'KEMENDAGRI',
      'KEMENPANRB',
    ]);
    expect(body.data.mentoredBy).toEqual([{ code: '32.11', name: 'Kabupaten Sumedang' }]);
    expect(body.data.userCount).toBe(1);
    expect(body.abilities).toEqual({
      readPrivate: true,
      manageUsers: false,
      update: false,
      delete: false,
      changeSharing: false,
      decideMentorAccess: false,
      downloadReport: false,
    });
    const other = await t.app.inject({ url: '/api/v1/orgs/32.11', headers: operator.headers });
    expect(other.json().data.userCount).toBeNull();
    expect(other.json().abilities.readPrivate).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/orgs/99.99', headers: operator.headers })).statusCode).toBe(
      404,
    );
  });
});

describe('managing bodies', () => {
  it('lets a platform admin add, edit and delete a central body', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { code: 'KOMDIGI', name: 'Kementerian Komunikasi dan Digital', type: 'ministry' },
    });
    expect(created.statusCode).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { code: 'KOMDIGI', name: 'Lagi', type: 'ministry' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ORG_CODE_TAKEN');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/KOMDIGI',
      headers: admin.headers,
      payload: { isMember: true, memberSince: '2024-01-15' },
    });
    expect(patched.json().data).toMatchObject({ isMember: true, memberSince: '2024-01-15' });
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/orgs/KOMDIGI', headers: admin.headers });
    expect(del.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/orgs/KOMDIGI', headers: admin.headers })).statusCode).toBe(
      404,
    );
  });

  it('keeps Kemendagri reference bodies: no rename, no delete', async () => {
    const rename = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/32.11',
      headers: admin.headers,
      payload: { name: 'Sumedang Baru' },
    });
    expect(rename.statusCode).toBe(400);
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/orgs/32.11', headers: admin.headers });
    expect(del.statusCode).toBe(409);
    const member = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/32.11',
      headers: admin.headers,
      payload: { isMember: true, memberSince: '2022-11-21' },
    });
    expect(member.statusCode).toBe(200);
  });

  it('refuses other roles with 403 and does not write', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: operator.headers,
      payload: { code: 'LSM-X', name: 'LSM X', type: 'ngo' },
    });
    expect(res.statusCode).toBe(403);
    expect((await list('q=LSM-X')).pagination.total).toBe(0);
  });
});
