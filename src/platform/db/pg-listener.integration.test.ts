import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { startTcpProxy, type TcpProxy } from '../../../test/helpers/tcp-proxy.js';
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

describe('PostgreSQL listener on a connection that dies without a word', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let writer: pg.Client;
  const listeners: PgListener[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
  });
  afterEach(async () => {
    proxy.thaw();
    await Promise.all(listeners.splice(0).map((l) => l.close()));
  });
  afterAll(async () => {
    await writer.end();
    await proxy.close();
    await database.drop();
  });

  function listenThroughProxy(options: { heartbeatMs: number; timeoutMs: number }) {
    const url = new URL(database.url);
    url.port = String(proxy.port);
    const listener = createPgListener({
      url: url.toString(),
      logger: createLogger({ logLevel: 'silent' }),
      reconnectMs: 50,
      ...options,
    });
    listeners.push(listener);
    return listener;
  }

  it('the heartbeat notices, resets the caches, and the listener comes back once the path does', async () => {
    const listener = listenThroughProxy({ heartbeatMs: 100, timeoutMs: 300 });
    const received: string[] = [];
    let resets = 0;
    listener.subscribe('kapal_test_changes', (payload) => received.push(payload));
    listener.onReset(() => resets++);
    await waitFor(() => listener.live, { what: 'the listener' });
    const before = resets;

    proxy.freeze();
    await waitFor(() => !listener.live, { timeoutMs: 3_000, what: 'the heartbeat to notice' });
    expect(resets).toBeGreaterThan(before);

    proxy.thaw();
    await waitFor(() => listener.live, { timeoutMs: 10_000, what: 'the listener back' });
    await writer.query(`select pg_notify('kapal_test_changes', 'after the outage')`);
    await listener.barrier();
    expect(received.at(-1)).toBe('after the outage');
  });

  it('a barrier does not hang: it resolves within the timeout, having marked the listener lost', async () => {
    // No heartbeat within the test: only the barrier can find out.
    const listener = listenThroughProxy({ heartbeatMs: 600_000, timeoutMs: 400 });
    listener.subscribe('kapal_test_changes', () => {});
    let resets = 0;
    listener.onReset(() => resets++);
    await waitFor(() => listener.live, { what: 'the listener' });
    const before = resets;

    proxy.freeze();
    const started = performance.now();
    await Promise.all([listener.barrier(), listener.barrier(), listener.barrier()]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2_000);
    expect(listener.live).toBe(false);
    expect(resets).toBeGreaterThan(before);
    // While lost, a barrier answers at once: nothing cached is trusted, so there is nothing to wait for.
    const again = performance.now();
    await listener.barrier();
    expect(performance.now() - again).toBeLessThan(50);
  });

  it('gives up a connection attempt that hangs, and keeps trying', async () => {
    proxy.freeze();
    const listener = listenThroughProxy({ heartbeatMs: 100, timeoutMs: 300 });
    listener.subscribe('kapal_test_changes', () => {});
    await waitFor(() => proxy.connections >= 2, { timeoutMs: 5_000, what: 'a second attempt' });
    expect(listener.live).toBe(false);
    proxy.thaw();
    await waitFor(() => listener.live, { timeoutMs: 10_000, what: 'the listener' });
  });
});
