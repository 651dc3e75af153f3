import { ApiError } from '../../api/client';

/**
 * What kind of failure an error is, for the words and the way out the app offers (ErrorNotice,
 * the error pages): each kind needs a different next step from the user.
 */
export type ErrorKind =
  /** The address or the page's record does not exist (or is not the user's to see). */
  | { kind: 'notFound' }
  /** Too many requests: try again after `retryAfter` seconds, when the server said. */
  | { kind: 'rateLimited'; retryAfter?: number; requestId?: string }
  /** Part of the app (a page's script or style) could not be loaded: only a reload helps. */
  | { kind: 'chunk' }
  /** The server could not be reached. */
  | { kind: 'network' }
  /** The server failed (5xx): the request id lets the operators find it in the logs. */
  | { kind: 'server'; requestId?: string; retryAfter?: number }
  /** Anything else the server refused (4xx): its own message says why. */
  | { kind: 'refused'; message: string; requestId?: string }
  /** A fault in the page itself. */
  | { kind: 'app'; message: string };

// A dynamic import that failed: Chromium, Firefox and Safari word it differently; Vite's preload
// helper fails the same way when a page's stylesheet does not load.
const chunkFailure =
  /dynamically imported module|importing a module script failed|unable to preload css|error loading dynamically imported/i;

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && chunkFailure.test(error.message);
}

/** A React Router error response (a thrown Response or data(), e.g. no route matched). */
function routeStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; internal?: unknown; statusText?: unknown };
  return typeof e.status === 'number' && 'statusText' in e ? e.status : undefined;
}

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK' || error.status === 0) return { kind: 'network' };
    if (error.status === 404) return { kind: 'notFound' };
    if (error.status === 429)
      return { kind: 'rateLimited', retryAfter: error.retryAfter, requestId: error.requestId };
    if (error.status >= 500)
      return { kind: 'server', requestId: error.requestId, retryAfter: error.retryAfter };
    return { kind: 'refused', message: error.message, requestId: error.requestId };
  }
  if (isChunkLoadError(error)) return { kind: 'chunk' };
  const status = routeStatus(error);
  if (status === 404) return { kind: 'notFound' };
  if (status !== undefined && status >= 500) return { kind: 'server' };
  // fetch() itself failing outside the API client (offline).
  if (error instanceof TypeError && /failed to fetch|networkerror|load failed/i.test(error.message))
    return { kind: 'network' };
  return { kind: 'app', message: error instanceof Error ? error.message : String(error) };
}
