import type { z } from 'zod';
import { issueMessage } from '../../../shared/texts';
import { ApiError } from '../../api/client';
import { getLocale } from '../../i18n/locale-store';

type Issue = z.core.$ZodRawIssue;

/** zod's own messages are English: say the issue in the user's language (schema keys win). */
function localIssue(issue: Issue): string {
  return issueMessage(getLocale(), { ...(issue as object), message: undefined });
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
    // A schema's message is a text key; localIssue has already said zod's own ones.
    errors[key] ??= issueMessage(getLocale(), { ...issue, code: 'custom' });
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
    out[field] ??= i.message;
    const last = field.split('.').pop();
    if (last) out[last] ??= i.message;
  }
  return out;
}
