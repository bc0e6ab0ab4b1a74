import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, registerUser, uniqueEmail } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { auditLog } from '../audit/audit.tables.js';
import { authSessions, refreshTokens, users } from './accounts.tables.js';
import { hashRefreshToken } from './refresh-token.js';

describe('auth: happy path', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;

  it('POST /auth/register creates the account (normalised email, argon2id hash), a session, an audit entry and a welcome job', async () => {
    const email = uniqueEmail('Ayu').toUpperCase();
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: `  ${email} `, password: 'correct-horse-battery-9', name: '  Ayu Lestari ' },
      remoteAddress: '203.0.113.7',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: email.toLowerCase(), name: 'Ayu Lestari', role: 'USER', isActive: true });
    expect(body.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });

    const [row] = await db().select().from(users).where(eq(users.id, body.user.id));
    expect(row!.email).toBe(email.toLowerCase());
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain('correct-horse');

    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, body.user.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.ip).toBe('203.0.113.7');
    const tokens = await db().select().from(refreshTokens).where(eq(refreshTokens.sessionId, sessions[0]!.id));
    expect(tokens.map((r) => r.tokenHash)).toEqual([hashRefreshToken(body.tokens.refreshToken)]);
    expect(tokens[0]!.tokenHash).not.toBe(body.tokens.refreshToken);

    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, body.user.id));
    expect(audit.map((a) => a.action)).toEqual(['user.registered']);
    expect(audit[0]!.ip).toBe('203.0.113.7');

    const job = await t.runtime.jobs.queues().get('notifications')!.getJob(`welcome-${body.user.id}`);
    expect(job?.name).toBe('notifications.welcome');
    expect(job?.data).toEqual({ userId: body.user.id });
  });

  it('POST /auth/login accepts the email in any case and records the sign-in', async () => {
    const user = await registerUser(t);
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email.toUpperCase(), password: user.password },
      remoteAddress: '198.51.100.20',
      headers: { 'user-agent': 'vitest' },
    });
    expect(res.statusCode).toBe(200);
    const { tokens } = res.json();
    const me = await call(t, { method: 'GET', url: '/api/v1/me', headers: bearer(tokens.accessToken) });
    expect(me.json().id).toBe(user.id);

    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.ip === '198.51.100.20')?.userAgent).toBe('vitest');
    const [login] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'auth.login')));
    expect(login).toMatchObject({ ip: '198.51.100.20', targetType: 'session' });
    const [row] = await db().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).not.toBeNull();
  });

  it('POST /auth/refresh rotates: a new pair, the old token marked used, the new access token works', async () => {
    const user = await registerUser(t);
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(res.statusCode).toBe(200);
    const pair = res.json();
    expect(pair.refreshToken).not.toBe(user.refreshToken);

    const [old] = await db()
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(user.refreshToken)));
    expect(old!.usedAt).not.toBeNull();
    const [next] = await db()
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(pair.refreshToken)));
    expect(next!.sessionId).toBe(old!.sessionId);
    expect(next!.usedAt).toBeNull();

    const me = await call(t, { method: 'GET', url: '/api/v1/me', headers: bearer(pair.accessToken) });
    expect(me.statusCode).toBe(200);
    // And the new refresh token is good for one more turn.
    const again = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    });
    expect(again.statusCode).toBe(200);
  });

  it('POST /auth/logout revokes the session: its access and refresh tokens stop working, other sessions do not', async () => {
    const user = await registerUser(t);
    const other = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/logout', headers: user.headers });
    expect(res.statusCode).toBe(204);

    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions.filter((s) => s.revokedAt !== null).map((s) => s.revokedReason)).toEqual(['logout']);

    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers })).statusCode).toBe(401);
    const refresh = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const stillIn = await call(t, {
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(other.json().tokens.accessToken),
    });
    expect(stillIn.statusCode).toBe(200);
  });
});
