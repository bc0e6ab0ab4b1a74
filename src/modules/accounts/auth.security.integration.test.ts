import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, registerUser } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { auditLog } from '../audit/audit.tables.js';
import { authSessions, users } from './accounts.tables.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth: security', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;
  const me = (token: string) => call(t, { method: 'GET', url: '/api/v1/me', headers: bearer(token) });

  /** A token with the platform's claims, signed as the test says. */
  async function forge(user: { id: string; sessionId: string }, options: { key?: string; exp?: number } = {}) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: 'USER', sid: user.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer('kapal')
      .setAudience('kapal-api')
      .setIssuedAt(now - 3600)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(new TextEncoder().encode(options.key ?? t.runtime.config.auth.jwtSecret));
  }

  async function sessionOf(userId: string) {
    const [session] = await db().select().from(authSessions).where(eq(authSessions.userId, userId));
    return { id: userId, sessionId: session!.id };
  }

  it('a correctly forged token is accepted (so the refusals below are about what was changed)', async () => {
    const user = await registerUser(t);
    expect((await me(await forge(await sessionOf(user.id)))).statusCode).toBe(200);
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const user = await registerUser(t);
    const [header, payload, signature] = user.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${b64({ ...claims, role: 'ADMINISTRATOR' })}.${signature}`;
    const res = await me(tampered);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Invalid access token');
  });

  it('refuses an expired token', async () => {
    const user = await registerUser(t);
    const res = await me(await forge(await sessionOf(user.id), { exp: Math.floor(Date.now() / 1000) - 5 }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Access token expired');
  });

  it('refuses alg: none', async () => {
    const user = await registerUser(t);
    const [, payload] = user.accessToken.split('.') as [string, string];
    const res = await me(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const user = await registerUser(t);
    const res = await me(await forge(await sessionOf(user.id), { key: 'another-secret-of-at-least-32-characters!!' }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Invalid access token');
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expect((await call(t, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect(
      (await call(t, { method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } })).statusCode,
    ).toBe(401);
    expect((await me('not.a.jwt')).statusCode).toBe(401);
  });

  it("refuses a deactivated user's still-valid access token at once", async () => {
    const user = await registerUser(t);
    expect((await me(user.accessToken)).statusCode).toBe(200);
    // Deactivated behind the API's back (another replica, an operator's SQL): the session cache learns it
    // from the database's notification, and the barrier waits for that notification to arrive.
    await db().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    await t.runtime.dbNotifications.barrier();
    const res = await me(user.accessToken);
    expect(res.statusCode).toBe(401);
  });

  it('reuse of a spent refresh token revokes the whole family, the newest tokens included', async () => {
    const user = await registerUser(t);
    const first = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(first.statusCode).toBe(200);
    const current = first.json();

    // An attacker replays the token the client already spent.
    const replay = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
      remoteAddress: '198.51.100.66',
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toMatch(/already used/);

    const [session] = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(session).toMatchObject({ revokedReason: 'refresh_token_reuse' });
    expect(session!.revokedAt).not.toBeNull();
    // The legitimate client's newest pair is dead too: the family is gone.
    const next = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: current.refreshToken },
    });
    expect(next.statusCode).toBe(401);
    expect((await me(current.accessToken)).statusCode).toBe(401);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'auth.refresh_reuse'));
    expect(entry).toMatchObject({ targetId: session!.id, ip: '198.51.100.66', details: { userId: user.id } });
  });
  // The rate limits, with the documented numbers: rate-limits.integration.test.ts.
});
