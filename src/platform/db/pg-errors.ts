/** PostgreSQL error codes the services turn into domain errors (drizzle wraps the driver's error in `cause`). */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function pgErrorCode(err: unknown): string | undefined {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  const code = (cause as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint said no (an email or slug that is taken, also under a race). */
export const isUniqueViolation = (err: unknown) => pgErrorCode(err) === PG_UNIQUE_VIOLATION;
/** A foreign key said no (something still refers to the row). */
export const isForeignKeyViolation = (err: unknown) => pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION;

/** Socket errors of a connection to PostgreSQL that did not open or was cut. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** The pool's and driver's own words for a connection that could not be made or was lost. */
const CONNECTION_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection error|Client was closed/i;

/**
 * PostgreSQL is down or restarting, not the query at fault: a connection refused, cut or timed out, a
 * connection-exception SQLSTATE (class 08), or an operator's shutdown (57P01-57P03). Callers answer 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let current: unknown = err, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_ERRNOS.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
    }
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
