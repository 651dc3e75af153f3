import path from 'node:path';
import { z } from 'zod';

// Configuration comes only from environment variables and is validated once at start-up:
// a bad value stops the process with a message naming the variable (see .env.example).
const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

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
  TRUST_PROXY: boolish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
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
  trustProxy: boolean;
  logLevel: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  rateLimitPerMinute: number;
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
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
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
  };
}
