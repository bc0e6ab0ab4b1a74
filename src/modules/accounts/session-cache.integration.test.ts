import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { authSessions, users } from './accounts.tables.js';

/** The guard's session cache against real PostgreSQL notifications (migration 0003's triggers). */
describe('session cache invalidation', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    await waitFor(() => t.runtime.dbNotifications.live, { what: 'the listener' });
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('sees a change another process made, once its notification arrives', async () => {
    const user = await createUserWithToken(t, { role: 'USER', name: 'Before' });
    expect((await me(user.token)).json().name).toBe('Before');

    // A change from another process: a plain SQL update on its own connection.
    const other = new pg.Client({ connectionString: t.database.url });
    await other.connect();
    try {
      await other.query('update users set name = $1 where id = $2', ['Renamed Elsewhere', user.id]);
    } finally {
      await other.end();
    }
    await waitFor(async () => (await me(user.token)).json().name === 'Renamed Elsewhere', {
      timeoutMs: 5_000,
      what: 'the renamed user',
    });
  });

  it('refuses a revoked session on the very next request', async () => {
    const user = await createUserWithToken(t, { role: 'USER' });
    expect((await me(user.token)).statusCode).toBe(200);
    await t.runtime.database.db
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(eq(authSessions.userId, user.id));
    await t.runtime.dbNotifications.barrier();
    expect((await me(user.token)).statusCode).toBe(401);
  });

  it('a role change takes effect on the next request after the API answered it', async () => {
    const admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const user = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/users',
          headers: { authorization: `Bearer ${user.token}` },
        })
      ).statusCode,
    ).toBe(200);
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { role: 'USER' },
    });
    expect(demote.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/users',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(after.statusCode).toBe(404);
    const [row] = await t.runtime.database.db.select({ role: users.role }).from(users).where(eq(users.id, user.id));
    expect(row?.role).toBe('USER');
  });

  it('drops everything and reads the database while notifications are not received', async () => {
    const user = await createUserWithToken(t, { role: 'USER' });
    expect((await me(user.token)).statusCode).toBe(200);
    // Kill the listener's connection: until it is back, nothing cached can be trusted.
    const admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    try {
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'kapal-listener' and datname = current_database()",
      );
      await waitFor(() => !t.runtime.dbNotifications.live, { what: 'the listener down' });
      await admin.query('update users set is_active = false where id = $1', [user.id]);
      expect((await me(user.token)).statusCode).toBe(401);
      await waitFor(() => t.runtime.dbNotifications.live, { timeoutMs: 10_000, what: 'the listener back' });
    } finally {
      await admin.end();
    }
  });
});
