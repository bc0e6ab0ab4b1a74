// The SQL drizzle generates for a query, captured by running it once, so a baseline can run the very same.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** Runs `fn` on a drizzle instance configured as Kapal's (snake_case) and returns every statement it sent. */
export async function captureSql(
  pool: pg.Pool,
  fn: (db: NodePgDatabase) => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  const db = drizzle(pool, {
    casing: 'snake_case',
    logger: { logQuery: (text, params) => queries.push({ text, params }) },
  });
  await fn(db);
  return queries;
}
