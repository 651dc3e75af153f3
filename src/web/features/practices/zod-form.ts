import type { z } from 'zod';
import { ApiError } from '../../api/client';

/**
 * Mantine form errors from a zod schema, keyed by the field's path ("indicators.0.level"), so a
 * form validates with the very schema the server applies.
 */
export function zodErrors<S extends z.ZodType>(schema: S, value: unknown): Record<string, string> {
  const res = schema.safeParse(value);
  if (res.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of res.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A VALIDATION_FAILED answer's issues keyed by full path (and by the last segment, as a fallback). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const i of issues) {
    out[i.field] ??= i.message;
    const last = i.field.split('.').pop();
    if (last) out[last] ??= i.message;
  }
  return out;
}
