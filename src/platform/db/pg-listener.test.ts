import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createLogger } from '../logger.js';
import { createPgListener, type PgListener } from './pg-listener.js';

describe('PostgreSQL listener', () => {
  let database: TestDatabase;
  let listener: PgListener;
  let writer: pg.Client;
  const received: string[] = [];
  let resets = 0;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    listener = createPgListener({ url: database.url, logger: createLogger({ logLevel: 'silent' }), reconnectMs: 50 });
    listener.subscribe('kapal_test_changes', (payload) => received.push(payload));
    listener.onReset(() => resets++);
    writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    await waitFor(() => listener.live, { what: 'the listener' });
  });
  afterAll(async () => {
    await writer.end();
    await listener.close();
    await database.drop();
  });

  it('delivers every notification committed before a barrier by the time the barrier resolves', async () => {
    for (let i = 0; i < 20; i++) {
      await writer.query(`select pg_notify('kapal_test_changes', $1)`, [String(i)]);
      // Several callers at once share round trips; each must still see its own commit delivered.
      await Promise.all([listener.barrier(), listener.barrier(), listener.barrier()]);
      expect(received.at(-1)).toBe(String(i));
    }
  });

  it('never delivers a notification of a rolled-back transaction', async () => {
    await writer.query('begin');
    await writer.query(`select pg_notify('kapal_test_changes', 'rolled back')`);
    await writer.query('rollback');
    await writer.query(`select pg_notify('kapal_test_changes', 'committed')`);
    await listener.barrier();
    expect(received).not.toContain('rolled back');
    expect(received.at(-1)).toBe('committed');
  });

  it('resets its subscribers when the connection drops, and listens again after reconnecting', async () => {
    const before = resets;
    await writer.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'kapal-listener' and datname = current_database()",
    );
    await waitFor(() => !listener.live, { what: 'the listener to notice' });
    expect(resets).toBeGreaterThan(before);
    await waitFor(() => listener.live, { timeoutMs: 10_000, what: 'the listener back' });
    await writer.query(`select pg_notify('kapal_test_changes', 'after reconnect')`);
    await listener.barrier();
    expect(received.at(-1)).toBe('after reconnect');
  });
});
