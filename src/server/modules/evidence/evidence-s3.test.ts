import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../../tests/support/multipart';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';

// The same evidence locker with an S3-compatible object store: s3rver is a real S3 API server
// (HTTP, signatures, buckets on disk) running in this process.
let s3: S3rver;
let s3Dir: string;
let endpoint: string;
let t: TestApp;
let operator: Session;
let otherOp: Session;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-s3-'));
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: 'bukti', configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  t = await createTestApp({
    S3_BUCKET: 'bukti',
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  operator = await login(t.app, (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email);
  otherOp = await login(t.app, (await createUser(t.database, { role: 'operator', orgCode: '32.04' })).email);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

describe('evidence in an S3-compatible store', () => {
  it('stores uploads once in the bucket and streams them back to those in scope', async () => {
    const pdf = samples.pdf();
    const body = multipartFile(pdf, 'laporan.pdf');
    const up = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs/32.05/evidence',
        headers: { ...operator.headers, ...body.headers },
        payload: body.payload,
      });
    const first = await up();
    expect(first.statusCode, first.body).toBe(201);
    expect((await up()).json().duplicate).toBe(true);
    const id = first.json().data.id;

    const client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'bukti' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([
      expect.stringMatching(/^evidence\/[0-9a-f-]+\/[0-9a-f]{64}$/),
    ]);
    expect(listed.Contents?.[0]?.Size).toBe(pdf.length);

    const dl = await t.app.inject({ url: `/api/v1/evidence/${id}/download`, headers: operator.headers });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await t.app.inject({ url: `/api/v1/evidence/${id}/download`, headers: otherOp.headers })).statusCode,
    ).toBe(404);
    // Nothing was left behind in the local temporary area.
    expect(fs.readdirSync(path.join(t.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });
});
