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
