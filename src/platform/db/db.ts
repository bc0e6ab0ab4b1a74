import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle, type NodePgDatabase, type NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { withTimeout } from '../timeout.js';

// Modules query their own tables with drizzle's query builder; no relational schema is registered, so
// nothing in platform/ needs to know which tables exist.
export type Db = NodePgDatabase;
type NoSchema = Record<string, never>;
export type Tx = NodePgTransaction<NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** What a repository call runs on: the pool, or the transaction it must share with other calls. */
export type DbExecutor = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createDatabase(options: { url: string; poolMax?: number; applicationName?: string }): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? 'kapal',
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle(pool, { casing: 'snake_case' });
  return {
    db,
    pool,
    transaction: (fn) => db.transaction(fn),
    async ping(timeoutMs) {
      const client = await withTimeout(pool.connect(), timeoutMs, 'PostgreSQL did not answer');
      try {
        await withTimeout(client.query('select 1'), timeoutMs, 'PostgreSQL did not answer');
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
