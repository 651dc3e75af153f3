// Which errors mean "the database cannot be reached right now" (a restart, a failover, dropped
// connections, a database closed to new connections) rather than a bug: such requests answer
// 503 DATABASE_UNAVAILABLE, which tells a client or load balancer to retry, instead of 500.

// Socket-level failures of node-postgres while connecting or talking to the server.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

// SQLSTATEs of a server going away or refusing sessions: class 08 (connection exception),
// 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up, recovery), 53300 too_many_connections.
const sqlStates = new Set(['57P01', '57P02', '57P03', '53300']);

// Messages node-postgres gives without a code when the connection ends under it or the pool
// gives up waiting for one (connectionTimeoutMillis), and PostgreSQL's refusal while
// ALLOW_CONNECTIONS is false (55000 is also used for unrelated states, so the message decides).
const messages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /is not currently accepting connections/i,
];

function oneIsUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (networkCodes.has(code) || sqlStates.has(code) || code.startsWith('08')) return true;
  }
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && messages.some((m) => m.test(message));
}

/** True when the error (or one it wraps: Drizzle wraps driver errors in `cause`) is a lost database. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  // A short walk: causes can in principle form a cycle.
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (oneIsUnavailable(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
