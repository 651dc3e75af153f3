import type { Locale } from '../errors';
import { assessmentTexts } from './assessments';
import { commitmentTexts } from './commitments';
import { commonTexts } from './common';
import { eventTexts } from './events';
import { followupTexts } from './followup';
import { notificationTexts } from './notifications';
import { orgTexts } from './orgs';
import { planTexts } from './plans';
import { practicesTexts } from './practices';
import { questionTexts } from './questions';
import { reportTexts } from './reports';
import { resultTexts } from './results';
import type { Text, TextParams } from './table';
import { userTexts } from './users';
import { issueText, validationTexts } from './validation';
import { visitTexts } from './visits';

// The one path for server text: every area's table is registered here, and text() turns a key
// into the request's language. Schemas and services write keys; the error handler (and any route
// that returns a report) localises them, so nothing hard-codes "id / en" in one string.
const tables = {
  ...commonTexts,
  ...validationTexts,
  ...planTexts,
  ...assessmentTexts,
  ...resultTexts,
  ...orgTexts,
  ...userTexts,
  ...visitTexts,
  ...commitmentTexts,
  ...notificationTexts,
  ...followupTexts,
  ...practicesTexts,
  ...questionTexts,
  ...reportTexts,
  ...eventTexts,
} as const;

export type TextKey = keyof typeof tables;
export type { TextParams };

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(tables, key);
}

export function text(locale: Locale, key: TextKey, params: TextParams = {}): string {
  const entry: Text = tables[key][locale];
  return typeof entry === 'function' ? entry(params) : entry;
}

/** A text in both languages, for what is stored or sent before the reader's language is known. */
export function inBoth(key: TextKey, params: TextParams = {}): Record<Locale, string> {
  return { id: text('id', key, params), en: text('en', key, params) };
}

/**
 * The message of one field issue: the schema's own text key if it has one, otherwise the issue's
 * code and bounds in the reader's language (zod's built-in messages are English only). A custom
 * check's own sentence (not a key) passes through.
 */
export function issueMessage(
  locale: Locale,
  issue: {
    message?: string;
    code?: string;
    origin?: string;
    minimum?: unknown;
    maximum?: unknown;
    input?: unknown;
  },
): string {
  const message = issue.message ?? '';
  if (isTextKey(message)) {
    return text(locale, message, { min: Number(issue.minimum ?? 0), max: Number(issue.maximum ?? 0) });
  }
  if (issue.code === 'custom' && message) return message;
  const { key, params } = issueText(issue);
  return text(locale, key, params);
}

/** A message that may be a key: localised if it is one, otherwise passed through unchanged. */
export function localiseMessage(locale: Locale, message: string, params?: TextParams): string {
  return isTextKey(message) ? text(locale, message, params) : message;
}

/**
 * Localises every `{ message, params? }` inside a reply's details (field issues, row problems),
 * wherever it sits, and drops the params once used. Returns a new value; the input is not changed.
 */
export function localiseDetails<T>(value: T, locale: Locale): T {
  if (Array.isArray(value)) return value.map((v) => localiseDetails(v, locale)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const params = src.params as TextParams | undefined;
  const localised = typeof src.message === 'string' && isTextKey(src.message);
  for (const [k, v] of Object.entries(src)) {
    if (k === 'params' && localised) continue;
    out[k] = k === 'message' && localised ? text(locale, v as TextKey, params) : localiseDetails(v, locale);
  }
  return out as T;
}
