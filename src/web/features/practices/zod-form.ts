import type { z } from 'zod';
import { issueMessage, isTextKey, text } from '../../../shared/texts';
import { ApiError } from '../../api/client';
import { getLocale } from '../../i18n/locale-store';

type Issue = z.core.$ZodRawIssue;

/** zod's own messages are English: say the issue in the user's language (schema keys win). */
function localIssue(issue: Issue): string {
  return issueMessage(getLocale(), { ...(issue as object), message: undefined });
}

/**
 * A contract message is a key of the shared text tables (the same sentence the server sends);
 * older ones are still "Bahasa Indonesia / English", of which the user's half is shown.
 */
function oneLanguage(message: string, issue?: { minimum?: unknown; maximum?: unknown }): string {
  if (isTextKey(message)) {
    return text(getLocale(), message, { min: Number(issue?.minimum ?? 0), max: Number(issue?.maximum ?? 0) });
  }
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return getLocale() === 'en' ? parts[1]! : parts[0]!;
}

/**
 * Mantine form errors from a zod schema, keyed by the field's path ("indicators.0.level"), so a
 * form validates with the very schema the server applies.
 */
export function zodErrors<S extends z.ZodType>(schema: S, value: unknown): Record<string, string> {
  const res = schema.safeParse(value, { error: localIssue });
  if (res.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of res.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= oneLanguage(issue.message, issue as { minimum?: unknown; maximum?: unknown });
  }
  return errors;
}

/** A VALIDATION_FAILED answer's issues keyed by full path (and by the last segment, as a fallback). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.field.replace(/^body\./, '');
    out[field] ??= oneLanguage(i.message);
    const last = field.split('.').pop();
    if (last) out[last] ??= oneLanguage(i.message);
  }
  return out;
}
