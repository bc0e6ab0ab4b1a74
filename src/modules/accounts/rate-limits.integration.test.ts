import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, freshIp, registerUser, tableCounts, uniqueEmail } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';

/**
 * The limits exactly as docs/ACCOUNTS.md states them (literal numbers, not read from the code):
 *   login    30 / 5 min per IP, 10 / 15 min per email (also password confirmation in /me/password, DELETE /me)
 *   register 10 / hour per IP,   5 / hour per email
 *   refresh  60 / min per IP,    10 / min per user
 * Every attempt counts; over the limit: 429 RATE_LIMITED with Retry-After (seconds left in the window).
 */
describe('auth rate limits, as documented', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.close());

  const login = (email: string, remoteAddress = freshIp()) =>
    call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'guess-number-1' },
      remoteAddress,
    });
  const register = (email: string, remoteAddress = freshIp()) =>
    call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'correct-horse-battery-9', name: 'New' },
      remoteAddress,
    });
  const refresh = (refreshToken: string, remoteAddress = freshIp()) =>
    call(t, { method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken }, remoteAddress });

  /** The 429 the documentation promises: the envelope, and a Retry-After within the window. */
  function expectLimited(res: Awaited<ReturnType<typeof call>>, windowSeconds: number) {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  }

  it('login: 30 attempts per IP in 5 minutes, the 31st is refused; another IP is not', async () => {
    const ip = '203.0.113.10';
    for (let i = 1; i <= 30; i++) expect((await login(uniqueEmail(), ip)).statusCode, `attempt ${i}`).toBe(401);
    expectLimited(await login(uniqueEmail(), ip), 300);
    expect((await login(uniqueEmail())).statusCode).toBe(401);
  });

  it('login: 10 attempts per email in 15 minutes from any addresses, the 11th is refused', async () => {
    const email = uniqueEmail('target');
    for (let i = 1; i <= 10; i++) expect((await login(email)).statusCode, `attempt ${i}`).toBe(401);
    expectLimited(await login(email), 900);
    const key = `${t.runtime.config.queue.prefix}:ratelimit:login:email:${email}`;
    expect(Number(await t.runtime.redis.get(key))).toBe(11);
  });

  it('login: confirming the password in /me/password counts against the same 10 per email', async () => {
    const user = await registerUser(t);
    const confirm = () =>
      call(t, {
        method: 'POST',
        url: '/api/v1/me/password',
        headers: user.headers,
        payload: { currentPassword: 'wrong-password-1', newPassword: 'another-secret-22' },
      });
    for (let i = 1; i <= 5; i++) expect((await confirm()).statusCode, `confirmation ${i}`).not.toBe(429);
    for (let i = 6; i <= 10; i++) expect((await login(user.email)).statusCode, `attempt ${i}`).toBe(401);
    expectLimited(await confirm(), 900);
    expectLimited(await login(user.email), 900);
  });

  it('register: 10 per IP in an hour, the 11th is refused and writes nothing', async () => {
    const ip = '203.0.113.20';
    for (let i = 1; i <= 10; i++) expect((await register(uniqueEmail(), ip)).statusCode, `sign-up ${i}`).toBe(201);
    const before = await tableCounts(t);
    expectLimited(await register(uniqueEmail(), ip), 3600);
    expect(await tableCounts(t)).toEqual(before);
    expect((await register(uniqueEmail())).statusCode).toBe(201);
  });

  it('register: 5 per email in an hour from any addresses (failed attempts count), the 6th is refused', async () => {
    const email = uniqueEmail('taken');
    expect((await register(email)).statusCode).toBe(201);
    for (let i = 2; i <= 5; i++) expect((await register(email)).statusCode, `attempt ${i}`).toBe(409);
    expectLimited(await register(email), 3600);
  });

  it('refresh: 60 per IP in a minute, the 61st is refused', async () => {
    const ip = '203.0.113.30';
    for (let i = 1; i <= 60; i++) expect((await refresh(`bogus-${i}`, ip)).statusCode, `attempt ${i}`).toBe(401);
    expectLimited(await refresh('bogus', ip), 60);
    expect((await refresh('bogus')).statusCode).toBe(401);
  });

  it('refresh: 10 per user in a minute, from any addresses; the 11th is refused and its token stays unspent', async () => {
    const user = await registerUser(t);
    let token = user.refreshToken;
    for (let i = 1; i <= 10; i++) {
      const res = await refresh(token);
      expect(res.statusCode, `refresh ${i}`).toBe(200);
      token = res.json().refreshToken;
    }
    expectLimited(await refresh(token), 60);
    // Refused before it was used: presenting it again is still not reuse (which would revoke the session).
    expectLimited(await refresh(token), 60);
    const me = await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(me.statusCode).toBe(200);
  });
});
