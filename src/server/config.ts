import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { YearRuleEntry } from '../shared/framework/framework-for-year';

// Configuration comes only from environment variables and is validated once at start-up:
// a bad value stops the process with a message naming the variable (see .env.example).
const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Which proxies may tell the client's address in X-Forwarded-For (see .env.example). */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

// Named ranges that Fastify's proxy-addr understands besides addresses and CIDRs.
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.has(entry) || isIP(entry) !== 0) return true;
  const [ip, prefix, extra] = entry.split('/');
  const family = isIP(ip ?? '');
  if (extra !== undefined || family === 0 || !prefix || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

// "Trust every hop" let any client write its own address into X-Forwarded-For (issue 9): only a
// number of hops or the proxies' own addresses are accepted, and `true` is refused by name.
const trustProxySchema = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (value === '0' || value === 'false' || value === 'no') return false;
  if (/^\d+$/.test(value) && Number(value) <= 10) return { hops: Number(value) };
  if (value === 'true' || value === 'yes') {
    ctx.addIssue({
      code: 'custom',
      message:
        'no longer trusts every proxy: write how many proxies stand in front of the app (1 behind one nginx) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
    });
    return z.NEVER;
  }
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.filter((a) => !isProxyAddress(a));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `a hop count (0-10) or proxy addresses/CIDRs separated by commas; not understood: ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return { addresses };
});

// "2026:pemdi-2026" or "2026:spbe-2020,2028:pemdi-2026": from each year onward (until the next
// entry) new self-assessments use that framework; years before the first entry follow the
// frameworks' own evaluation years (shared/framework/framework-for-year.ts).
const frameworkByYearSchema = z.string().transform((raw, ctx): YearRuleEntry[] => {
  const entries: YearRuleEntry[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    const m = /^(\d{4}):([a-z0-9-]+)$/.exec(part);
    const from = Number(m?.[1]);
    if (!m || from < 2000 || from > 2100) {
      ctx.addIssue({
        code: 'custom',
        message: `entries "YEAR:framework-id" separated by commas (e.g. 2026:pemdi-2026); not understood: "${part}"`,
      });
      return z.NEVER;
    }
    if (entries.length > 0 && from <= entries.at(-1)!.from) {
      ctx.addIssue({ code: 'custom', message: `years must rise from one entry to the next (${part})` });
      return z.NEVER;
    }
    entries.push({ from, frameworkId: m[2]! });
  }
  return entries;
});

// Variables whose meaning changed: a deployment still setting them must not run with a setting
// silently ignored.
const renamed = new Map([
  ['LOGIN_MAX_FAILURES', 'LOGIN_FAILURES_PER_ADDRESS and LOGIN_FAILURES_PER_ACCOUNT'],
  ['LOGIN_LOCK_MINUTES', 'LOGIN_THROTTLE_MAX_MINUTES'],
]);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LIVING_LAB_SAMPLE_DATA: boolish.optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Living Lab SPBE <no-reply@livinglab.local>'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: trustProxySchema.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Sign-in throttling (modules/auth/auth.throttle.ts): failures per account from one address, and
  // per account from addresses it has not signed in from; then waits that double up to the maximum.
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_THROTTLE_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // API requests per minute: per session when signed in, per address otherwise (static files are
  // never limited); the open data (/api/v1/public/…) has its own budget.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(300),
  READ_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  // The daily reminder run (due dates, overdue escalation, missed follow-ups) and its time zone.
  JOBS_ENABLED: boolish.optional(),
  REMINDER_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, e.g. 07:00')
    .default('07:00'),
  REMINDER_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone, e.g. Asia/Jakarta')
    .default('Asia/Jakarta'),
  // Evidence files go to an S3-compatible bucket when S3_BUCKET is set; else under DATA_DIR/files.
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: boolish.default(true),
  // The audit chain's key (HMAC-SHA256): 64 hex characters or base64 of at least 32 bytes. Without
  // it the key is DATA_DIR/audit.key, created on first start. Several instances must share it.
  AUDIT_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64,}$/i.test(v) || Buffer.from(v, 'base64').length >= 32, {
      message: '64+ hex characters or base64 of at least 32 bytes',
    })
    .optional(),
  // Signed heads of the chain are appended here (outside the database; may be an external mount).
  AUDIT_ANCHOR_DIR: z.string().min(1).optional(),
  AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  ASSESSMENT_FRAMEWORK_BY_YEAR: frameworkByYearSchema.optional(),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  database: 'pglite' | 'postgres';
  sampleData: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: TrustProxy;
  logLevel: string;
  loginThrottle: LoginThrottleConfig;
  rateLimitPerMinute: number;
  /** The open data's own budget (GET /api/v1/public/…), keyed like the API's. */
  publicRateLimitPerMinute: number;
  /** TTL of the in-process read caches (0 = off); see platform/read-cache.ts. */
  readCacheSeconds: number;
  /** Scheduled jobs run in the server process (off in tests unless asked for). */
  jobsEnabled: boolean;
  reminderTime: string;
  reminderTimeZone: string;
  /** Where uploaded files are kept: disk under dataDir, or an S3-compatible bucket. */
  s3: S3Config | null;
  /** The audit chain's key as configured (AUDIT_KEY), else read from or created in auditKeyFile. */
  auditKey: string | undefined;
  auditKeyFile: string;
  auditAnchorDir: string;
  auditAnchorSeconds: number;
  /** Overrides of the framework new self-assessments use, by evaluation year (empty: the frameworks' own years). */
  assessmentFrameworkByYear: YearRuleEntry[];
};

export type LoginThrottleConfig = {
  failuresPerAddress: number;
  failuresPerAccount: number;
  maxWaitMinutes: number;
};

export type S3Config = {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const stale = [...renamed].filter(([k]) => k in cleaned);
  if (stale.length > 0) {
    const lines = stale.map(([k, now]) => `  ${k}: replaced by ${now} (see .env.example)`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      'Invalid configuration (see .env.example):\n  S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set both or neither',
    );
  }
  const database = e.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    database,
    // Sample data is on by default only on the embedded database (the "try it" mode).
    sampleData: e.LIVING_LAB_SAMPLE_DATA ?? database === 'pglite',
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    loginThrottle: {
      failuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
      failuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
      maxWaitMinutes: e.LOGIN_THROTTLE_MAX_MINUTES,
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    readCacheSeconds: e.READ_CACHE_SECONDS,
    jobsEnabled: e.JOBS_ENABLED ?? e.NODE_ENV !== 'test',
    reminderTime: e.REMINDER_TIME,
    reminderTimeZone: e.REMINDER_TIME_ZONE,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : null,
    auditKey: e.AUDIT_KEY,
    auditKeyFile: path.join(dataDir, 'audit.key'),
    auditAnchorDir: path.resolve(e.AUDIT_ANCHOR_DIR ?? path.join(dataDir, 'audit-anchors')),
    auditAnchorSeconds: e.AUDIT_ANCHOR_SECONDS,
    assessmentFrameworkByYear: e.ASSESSMENT_FRAMEWORK_BY_YEAR ?? [],
  };
}
