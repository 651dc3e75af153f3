import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database with sample data', () => {
    const c = loadConfig({});
    expect(c.database).toBe('pglite');
    expect(c.sampleData).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.cookieSecure).toBe(false);
  });

  it('turns sample data off on PostgreSQL unless asked for', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).sampleData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', LIVING_LAB_SAMPLE_DATA: '1' }).sampleData).toBe(
      true,
    );
  });

  it('uses secure cookies behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://livinglab.example.id/' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://livinglab.example.id/' }).publicUrl).toBe(
      'https://livinglab.example.id',
    );
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('SMTP_URL');
    }
  });

  it('takes TRUST_PROXY as a hop count or proxy addresses, never "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,loopback,fd00::/8' }).trustProxy).toEqual({
      addresses: ['10.0.0.5', '10.0.1.0/24', 'loopback', 'fd00::/8'],
    });
    for (const [value, says] of [
      ['true', 'how many proxies'],
      ['yes', 'how many proxies'],
      ['10.0.0.5,nginx', 'not understood: nginx'],
      ['10.0.0.0/33', 'not understood: 10.0.0.0/33'],
    ]) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(says);
    }
  });

  it('refuses the lockout variables that sign-in throttling replaced, naming the new ones', () => {
    expect(() => loadConfig({ LOGIN_MAX_FAILURES: '5' })).toThrow('replaced by LOGIN_FAILURES_PER_ADDRESS');
    expect(loadConfig({ LOGIN_FAILURES_PER_ADDRESS: '3' }).loginThrottle).toEqual({
      failuresPerAddress: 3,
      failuresPerAccount: 20,
      maxWaitMinutes: 15,
    });
  });

  it('reads which framework new self-assessments use from a year onward, refusing what it cannot read', () => {
    expect(loadConfig({}).assessmentFrameworkByYear).toEqual([]);
    expect(loadConfig({ ASSESSMENT_FRAMEWORK_BY_YEAR: '2026:pemdi-2026' }).assessmentFrameworkByYear).toEqual(
      [{ from: 2026, frameworkId: 'pemdi-2026' }],
    );
    expect(
      loadConfig({ ASSESSMENT_FRAMEWORK_BY_YEAR: '2026:spbe-2020, 2028:pemdi-2026' })
        .assessmentFrameworkByYear,
    ).toEqual([
      { from: 2026, frameworkId: 'spbe-2020' },
      { from: 2028, frameworkId: 'pemdi-2026' },
    ]);
    for (const [value, says] of [
      ['pemdi-2026', /ASSESSMENT_FRAMEWORK_BY_YEAR: entries "YEAR:framework-id"/],
      ['26:pemdi-2026', /not understood: "26:pemdi-2026"/],
      ['2026:Pemdi 2026', /not understood/],
      ['1999:spbe-2020', /not understood/],
      ['2028:pemdi-2026,2026:spbe-2020', /years must rise/],
    ] as const) {
      expect(() => loadConfig({ ASSESSMENT_FRAMEWORK_BY_YEAR: value }), value).toThrow(says);
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database).toBe('pglite');
  });
});

describe('.env.example', () => {
  it('documents every variable the server reads, with valid defaults', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync('.env.example', 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(() => loadConfig(env)).not.toThrow();
    const source = fs.readFileSync('src/server/config.ts', 'utf8');
    const read = [...source.matchAll(/^ {2}([A-Z_]+): /gm)].map((m) => m[1]);
    expect(Object.keys(env).sort()).toEqual([...read].sort());
  });

  it('keeps evidence on disk unless an S3 bucket is configured, with both keys or none', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(loadConfig({ S3_BUCKET: 'bukti', S3_ENDPOINT: 'http://minio:9000' }).s3).toMatchObject({
      bucket: 'bukti',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(() => loadConfig({ S3_BUCKET: 'bukti', S3_ACCESS_KEY_ID: 'x' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
