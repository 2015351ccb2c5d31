/**
 * Tells a failure to reach PostgreSQL apart from every other error, so that an outage is
 * answered 503 with Retry-After (try again later) instead of 401 (you were signed out) or
 * 500 (we have a bug). The driver and the pool report an outage in several shapes: socket
 * errors with a Node `code`, server codes of class 08 (connection exception) and 57P
 * (operator intervention: shutting down, starting up), and pool timeouts with only a
 * message. TypeORM wraps the driver's error in `driverError`; Node wraps dual-stack
 * connection refusals in an AggregateError. When the server cuts a connection inside a
 * transaction (a restart: `pg_ctl stop -m fast`), TypeORM releases that query runner on the
 * driver's error, and the transaction's next statement, or its COMMIT, fails with only
 * "already released": the transaction did not commit, so that too is an outage, not a bug
 * (the resilience lane's database restart found these as 500s).
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// 57P0x: shutting down / starting up; 53300: too many connections; 3D000: the database is gone.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
  /Cannot use a pool after calling end/i,
  // An operator closed the database to connections (ALTER DATABASE … ALLOW_CONNECTIONS false).
  /is not currently accepting connections/i,
];

const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
    return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  const { driverError, cause, errors } = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => inner !== undefined && inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** How long a client should wait before trying again during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
