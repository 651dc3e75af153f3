import type { ApiErrorBody, ErrorCode } from '../../shared/errors';
import { getLocale } from '../i18n/locale-store';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
    /** Seconds to wait before trying again (Retry-After on 429 and 503 answers), when the server said. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Field-level messages from a VALIDATION_FAILED answer, keyed by the last path segment. */
  fieldErrors(): Record<string, string> {
    const issues =
      (this.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
    return Object.fromEntries(issues.map((i) => [i.field.split('.').pop() ?? i.field, i.message]));
  }
}

/** The session's CSRF token (cookie ll_csrf, readable by scripts): present while signed in. */
export function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('ll_csrf='))
    ?.slice('ll_csrf='.length);
}

/** Retry-After in seconds: a number of seconds, or an HTTP date (as some proxies send). */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The ApiError of a refused answer. The body is the API's error JSON, except when something in
 * front of the server answered (a proxy's 502 page, a gateway timeout): then the status says it,
 * and the request id comes from the header the server sets on every answer.
 */
function refusal(
  status: number,
  statusText: string,
  text: string,
  header: (name: string) => string | null,
): ApiError {
  let err: ApiErrorBody['error'] | undefined;
  try {
    err = (JSON.parse(text) as ApiErrorBody | undefined)?.error;
  } catch {
    err = undefined;
  }
  const wait =
    parseRetryAfter(header('retry-after')) ??
    (err?.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return new ApiError(
    status,
    err?.code ?? (status === 429 ? 'RATE_LIMITED' : 'INTERNAL'),
    err?.message ?? statusText,
    err?.details,
    err?.requestId ?? header('x-request-id') ?? undefined,
    typeof wait === 'number' ? wait : undefined,
  );
}

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, unknown>;
};

export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const url = `/api/v1${path}${qs.size ? `?${qs}` : ''}`;
  const headers: Record<string, string> = { 'accept-language': getLocale() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      getLocale() === 'en' ? 'Cannot reach the server.' : 'Tidak dapat menghubungi server.',
    );
  }
  const text = await res.text();
  if (!res.ok) throw refusal(res.status, res.statusText, text, (name) => res.headers.get(name));
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends one file as multipart/form-data, reporting upload progress (fetch cannot), so a large
 * import on a slow connection shows how far it is. Errors become ApiError like api().
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  opts: { name?: string; query?: Record<string, unknown>; onProgress?: (fraction: number) => void } = {},
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const form = new FormData();
  form.append('file', file, opts.name ?? (file instanceof File ? file.name : 'file'));
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}${qs.size ? `?${qs}` : ''}`);
    xhr.setRequestHeader('accept-language', getLocale());
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'NETWORK',
          getLocale() === 'en' ? 'Cannot reach the server.' : 'Tidak dapat menghubungi server.',
        ),
      );
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        return reject(
          refusal(xhr.status, xhr.statusText, xhr.responseText, (name) => xhr.getResponseHeader(name)),
        );
      }
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch {
        resolve(undefined as T);
      }
    };
    xhr.send(form);
  });
}
