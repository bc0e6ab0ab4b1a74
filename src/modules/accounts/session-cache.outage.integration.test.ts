import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken } from '../../../test/helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { startTcpProxy, type TcpProxy } from '../../../test/helpers/tcp-proxy.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createPgListener, type PgListener } from '../../platform/db/pg-listener.js';
import { createLogger } from '../../platform/logger.js';
import { authSessions } from './accounts.tables.js';

/**
 * The session cache when its notifications stop arriving without a word (the LISTEN connection runs
 * through a TCP proxy that the test freezes): a revoked session must not be served from the cache, and
 * a write must still answer.
 */
describe('session cache when the notification connection dies silently', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let listener: PgListener;
  let t: TestRuntime;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    // No heartbeat within the test, so the first test sees what a barrier alone does.
    listener = createPgListener({
      url: proxied.toString(),
      logger: createLogger({ logLevel: 'silent' }),
      reconnectMs: 50,
      heartbeatMs: 600_000,
      timeoutMs: 500,
    });
    t = await startTestRuntime({ env: { DATABASE_URL: database.url }, overrides: { dbNotifications: listener } });
    await waitFor(() => listener.live, { what: 'the listener' });
  });
  afterAll(async () => {
    proxy.thaw();
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const revoke = (sessionId: string) =>
    t.runtime.database.db.update(authSessions).set({ revokedAt: new Date() }).where(eq(authSessions.id, sessionId));

  it('a write answers after the barrier times out, and then no revoked session is served from the cache', async () => {
    const revoked = await createUserWithToken(t);
    const writer = await createUserWithToken(t);
    expect((await me(revoked.token)).statusCode).toBe(200); // now cached
    expect((await me(writer.token)).statusCode).toBe(200);

    proxy.freeze();
    await revoke(revoked.sessionId); // its notification cannot arrive
    // Still trusted: nothing has noticed yet. This is the window the barrier and the heartbeat bound.
    expect((await me(revoked.token)).statusCode).toBe(200);

    const started = performance.now();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: writer.headers,
      payload: { name: 'Written during the outage' },
    });
    expect(patched.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(listener.live).toBe(false);

    expect((await me(revoked.token)).statusCode).toBe(401);
    expect((await me(writer.token)).json().name).toBe('Written during the outage');
  });

  it('after the path comes back, the cache starts empty and still refuses the revoked session', async () => {
    const user = await createUserWithToken(t);
    proxy.thaw();
    await waitFor(() => listener.live, { timeoutMs: 10_000, what: 'the listener back' });
    expect((await me(user.token)).statusCode).toBe(200);
    await revoke(user.sessionId);
    await listener.barrier();
    expect((await me(user.token)).statusCode).toBe(401);
  });
});
