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

const commitHooks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `hook` once the transaction `tx` has committed (never when it rolls back): for what must only count
 * what really happened, such as the money metrics. Only transactions opened by `Database.transaction` run
 * their hooks; a hook must not throw (an error is swallowed: the commit already happened).
 */
export function afterCommit(tx: Tx, hook: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(hook);
  else commitHooks.set(tx, [hook]);
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
    async transaction(fn) {
      let opened: Tx | undefined;
      const result = await db.transaction((tx) => {
        opened = tx;
        return fn(tx);
      });
      const hooks = opened && commitHooks.get(opened);
      if (hooks) {
        commitHooks.delete(opened!);
        for (const hook of hooks) {
          try {
            hook();
          } catch {}
        }
      }
      return result;
    },
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
