import type { ApiErrorBody, ErrorCode } from '../../shared/errors';
import { getLocale } from '../i18n/locale-store';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
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

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('ll_csrf='))
    ?.slice('ll_csrf='.length);
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
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (json as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? res.statusText,
      err?.details,
      err?.requestId,
    );
  }
  return json as T;
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
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      const err = (json as ApiErrorBody | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? 'INTERNAL',
          err?.message ?? xhr.statusText,
          err?.details,
          err?.requestId,
        ),
      );
    };
    xhr.send(form);
  });
}
