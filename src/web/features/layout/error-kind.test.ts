import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from '../../api/client';
import { errorKind, isChunkLoadError } from './error-kind';

describe('errorKind', () => {
  it('tells apart what the user can do about a failed request', () => {
    expect(errorKind(new ApiError(404, 'NOT_FOUND', 'Data tidak ditemukan.'))).toEqual({ kind: 'notFound' });
    expect(errorKind(new ApiError(429, 'RATE_LIMITED', 'x', undefined, 'r1', 12))).toEqual({
      kind: 'rateLimited',
      retryAfter: 12,
      requestId: 'r1',
    });
    expect(errorKind(new ApiError(500, 'INTERNAL', 'x', undefined, 'r2'))).toMatchObject({
      kind: 'server',
      requestId: 'r2',
    });
    expect(errorKind(new ApiError(502, 'INTERNAL', 'Bad Gateway'))).toMatchObject({ kind: 'server' });
    expect(errorKind(new ApiError(0, 'NETWORK', 'offline'))).toEqual({ kind: 'network' });
    expect(errorKind(new ApiError(403, 'FORBIDDEN', 'Tidak diizinkan.'))).toMatchObject({
      kind: 'refused',
      message: 'Tidak diizinkan.',
    });
  });

  it('recognises a script or style that failed to load, in each browser’s words', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: https://x/assets/a.js',
      'error loading dynamically imported module: https://x/assets/a.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/a.css',
    ]) {
      expect(isChunkLoadError(new TypeError(message)), message).toBe(true);
      expect(errorKind(new Error(message))).toEqual({ kind: 'chunk' });
    }
    expect(errorKind(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatchObject({
      kind: 'app',
    });
  });

  it('reads the router’s own error responses and a fetch that failed outright', () => {
    expect(errorKind({ status: 404, statusText: 'Not Found', internal: true, data: '' })).toEqual({
      kind: 'notFound',
    });
    expect(errorKind({ status: 503, statusText: 'Unavailable', data: '' })).toEqual({ kind: 'server' });
    expect(errorKind(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date, and ignores what is neither', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(' 5 ')).toBe(5);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThanOrEqual(9);
    expect(parseRetryAfter(inTenSeconds)).toBeLessThanOrEqual(10);
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
