import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser, tableCounts } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { auditLog } from '../audit/audit.tables.js';
import { refreshTokens, users } from './accounts.tables.js';
import { hashRefreshToken } from './refresh-token.js';

describe('auth: errors', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;

  it('POST /auth/register refuses an email that exists in another case (409) and writes nothing', async () => {
    const user = await registerUser(t);
    const before = await tableCounts(t);
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: user.email.toUpperCase(), password: 'another-password-1', name: 'Copy' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'An account with this email already exists' });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('POST /auth/login with a wrong password is 401 and is audited against the account', async () => {
    const user = await registerUser(t);
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'wrong-password-1' },
      remoteAddress: '192.0.2.44',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Invalid email or password');
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.targetId, user.id)));
    expect(entry).toMatchObject({ actorId: null, ip: '192.0.2.44', details: { reason: 'wrong_password' } });
  });

  it('POST /auth/login with an unknown email answers exactly like a wrong password, and is audited', async () => {
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody-here@example.test', password: 'wrong-password-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Invalid email or password');
    const entries = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.details}->>'email' = 'nobody-here@example.test'`);
    expect(entries).toMatchObject([{ action: 'auth.login_failed', details: { reason: 'unknown_email' } }]);
  });

  it('POST /auth/login is refused for a deactivated account even with the right password', async () => {
    const user = await registerUser(t);
    await db().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('This account is deactivated');
  });

  it('POST /auth/refresh refuses an unknown token and an expired one', async () => {
    const unknown = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: 'not-a-token' },
    });
    expect(unknown.statusCode).toBe(401);

    const user = await registerUser(t);
    await db()
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(user.refreshToken)));
    const expired = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe('Invalid or expired refresh token');
    const [row] = await db()
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(user.refreshToken)));
    expect(row!.usedAt).toBeNull();
  });

  it('POST /auth/refresh refuses the token of a deactivated user', async () => {
    const user = await registerUser(t);
    await db().update(users).set({ isActive: false }).where(eq(users.id, user.id));
    const res = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    expect(res.statusCode).toBe(401);
  });
});
