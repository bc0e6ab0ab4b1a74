import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, registerUser, tableCounts } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { auditLog } from '../audit/audit.tables.js';
import { domainEvents } from '../domain-events/domain-events.tables.js';
import { authSessions, users } from './accounts.tables.js';

describe('/me', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;
  const login = async (email: string, password: string) =>
    call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  describe('happy path', () => {
    it('GET /me answers the caller and nothing secret', async () => {
      const user = await registerUser(t, { name: 'Budi' });
      const res = await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, email: user.email, name: 'Budi', role: 'USER', isActive: true });
      expect(res.body).not.toMatch(/password/i);
    });

    it('PATCH /me updates name and phone in the database', async () => {
      const user = await registerUser(t);
      const res = await call(t, {
        method: 'PATCH',
        url: '/api/v1/me',
        headers: user.headers,
        payload: { name: ' Budi Santoso ', phone: '+62 812 3456 7890' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Budi Santoso', phone: '+62 812 3456 7890' });
      const [row] = await db().select().from(users).where(eq(users.id, user.id));
      expect(row).toMatchObject({ name: 'Budi Santoso', phone: '+62 812 3456 7890' });
      const cleared = await call(t, {
        method: 'PATCH',
        url: '/api/v1/me',
        headers: user.headers,
        payload: { phone: null },
      });
      expect(cleared.json().phone).toBeNull();
    });

    it('POST /me/password changes the password and signs out every other session, not this one', async () => {
      const user = await registerUser(t);
      const elsewhere = (await login(user.email, user.password)).json().tokens;
      const res = await call(t, {
        method: 'POST',
        url: '/api/v1/me/password',
        headers: user.headers,
        payload: { currentPassword: user.password, newPassword: 'brand-new-secret-7' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ revokedSessions: 1 });

      const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
      expect(sessions.map((s) => s.revokedReason).sort()).toEqual(['password_changed', null].sort());
      expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers })).statusCode).toBe(200);
      expect(
        (await call(t, { method: 'GET', url: '/api/v1/me', headers: bearer(elsewhere.accessToken) })).statusCode,
      ).toBe(401);
      const refresh = await call(t, {
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: elsewhere.refreshToken },
      });
      expect(refresh.statusCode).toBe(401);
      expect((await login(user.email, user.password)).statusCode).toBe(401);
      expect((await login(user.email, 'brand-new-secret-7')).statusCode).toBe(200);
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.password_changed'), eq(auditLog.actorId, user.id)));
      expect(entry?.details).toEqual({ revokedSessions: 1 });
    });

    it('DELETE /me deactivates: sign-in refused, tokens dead at once, sessions revoked, user.deactivated recorded', async () => {
      const user = await registerUser(t);
      const res = await call(t, {
        method: 'DELETE',
        url: '/api/v1/me',
        headers: user.headers,
        payload: { password: user.password },
      });
      expect(res.statusCode).toBe(204);

      const [row] = await db().select().from(users).where(eq(users.id, user.id));
      expect(row!.isActive).toBe(false);
      expect(row!.deactivatedAt).not.toBeNull();
      const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
      // Registration signed the user in once: that one session, revoked.
      expect(sessions.map((s) => s.revokedReason)).toEqual(['deactivated']);
      const events = await db().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id));
      expect(events).toMatchObject([
        { type: 'user.deactivated', payload: { userId: user.id, by: 'self', actorId: user.id }, processedAt: null },
      ]);
      expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers })).statusCode).toBe(401);
      expect((await login(user.email, user.password)).statusCode).toBe(401);
      const refresh = await call(t, {
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: user.refreshToken },
      });
      expect(refresh.statusCode).toBe(401);
    });
  });

  describe('errors', () => {
    it('POST /me/password with a wrong current password is a 400 naming the field; nothing changes', async () => {
      const user = await registerUser(t);
      const [before] = await db().select().from(users).where(eq(users.id, user.id));
      const counts = await tableCounts(t);
      const res = await call(t, {
        method: 'POST',
        url: '/api/v1/me/password',
        headers: user.headers,
        payload: { currentPassword: 'not-my-password-1', newPassword: 'brand-new-secret-7' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        { path: 'body.currentPassword', message: 'is not your current password' },
      ]);
      const [after] = await db().select().from(users).where(eq(users.id, user.id));
      expect(after!.passwordHash).toBe(before!.passwordHash);
      expect(await tableCounts(t)).toEqual(counts);
    });

    it('DELETE /me with a wrong password changes nothing', async () => {
      const user = await registerUser(t);
      const counts = await tableCounts(t);
      const res = await call(t, {
        method: 'DELETE',
        url: '/api/v1/me',
        headers: user.headers,
        payload: { password: 'not-my-password-1' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.password');
      expect(await tableCounts(t)).toEqual(counts);
    });

    it('DELETE /me refuses the last active administrator (409), and allows it once there is another', async () => {
      const admin = await registerUser(t);
      await db().update(users).set({ role: 'ADMINISTRATOR' }).where(eq(users.id, admin.id));
      await db()
        .update(users)
        .set({ role: 'USER' })
        .where(and(eq(users.role, 'ADMINISTRATOR')));
      await db().update(users).set({ role: 'ADMINISTRATOR' }).where(eq(users.id, admin.id));
      const refuse = await call(t, {
        method: 'DELETE',
        url: '/api/v1/me',
        headers: admin.headers,
        payload: { password: admin.password },
      });
      expect(refuse.statusCode).toBe(409);
      expect(refuse.json().error.message).toMatch(/last active administrator/);
      const [row] = await db().select().from(users).where(eq(users.id, admin.id));
      expect(row!.isActive).toBe(true);

      const second = await registerUser(t);
      await db().update(users).set({ role: 'ADMINISTRATOR' }).where(eq(users.id, second.id));
      const ok = await call(t, {
        method: 'DELETE',
        url: '/api/v1/me',
        headers: admin.headers,
        payload: { password: admin.password },
      });
      expect(ok.statusCode).toBe(204);
    });
  });
});
