import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerUser, uniqueEmail } from '../../../test/helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';

const PROXIES = '192.0.2.0/24, fd00:1::7';

/**
 * Who the client is, as rate limits see it: X-Forwarded-For is believed only from the proxies listed in
 * TRUST_PROXY, and IPv6 clients are counted per /64. Observed where it matters: the Redis counters.
 */
describe('client address: TRUST_PROXY and IPv6 /64 rate limits', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ env: { TRUST_PROXY: PROXIES } });
  });
  afterAll(() => t.close());

  const counter = async (rule: string, key: string) => {
    const value = await t.runtime.redis.get(`${t.runtime.config.queue.prefix}:ratelimit:${rule}:${key}`);
    return value === null ? 0 : Number(value);
  };
  const login = (remoteAddress: string, forwardedFor?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { email: uniqueEmail('nobody'), password: 'not-the-password-1' },
    });

  it('believes X-Forwarded-For from a listed proxy', async () => {
    expect((await login('192.0.2.10', '203.0.113.7')).statusCode).toBe(401);
    expect(await counter('login:ip', '203.0.113.7')).toBe(1);
    expect(await counter('login:ip', '192.0.2.10')).toBe(0);

    expect((await login('fd00:1::7', '203.0.113.9')).statusCode).toBe(401);
    expect(await counter('login:ip', '203.0.113.9')).toBe(1);
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    expect((await login('198.51.100.9', '203.0.113.8')).statusCode).toBe(401);
    expect(await counter('login:ip', '198.51.100.9')).toBe(1);
    expect(await counter('login:ip', '203.0.113.8')).toBe(0);
    // fd00:1::8 is not the listed fd00:1::7: no /64 widening of the trust list.
    expect((await login('fd00:1::8', '203.0.113.10')).statusCode).toBe(401);
    expect(await counter('login:ip', '203.0.113.10')).toBe(0);
  });

  it('takes the nearest untrusted hop, so a client cannot choose its address by prepending one', async () => {
    expect((await login('192.0.2.10', '1.1.1.1, 203.0.113.60')).statusCode).toBe(401);
    expect(await counter('login:ip', '203.0.113.60')).toBe(1);
    expect(await counter('login:ip', '1.1.1.1')).toBe(0);
    // Through two listed proxies: the address before them.
    expect((await login('192.0.2.10', '203.0.113.61, 192.0.2.99')).statusCode).toBe(401);
    expect(await counter('login:ip', '203.0.113.61')).toBe(1);
  });

  it('counts IPv6 clients of one /64 together (registration: 10 per hour per IP)', async () => {
    const register = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress,
        payload: { email: uniqueEmail('v6'), password: 'correct-horse-battery-9', name: 'Ayu' },
      });
    const sameNetwork = ['2001:db8:7:1::1', '2001:db8:7:1::2', '2001:db8:7:1:ffff:ffff:ffff:fffe'];
    for (let i = 0; i < 10; i++) expect((await register(sameNetwork[i % 3]!)).statusCode, `attempt ${i + 1}`).toBe(201);
    const over = await register('2001:db8:7:1:abcd::9');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect(await counter('register:ip', '2001:db8:7:1::/64')).toBe(11);
    // The next /64 has a limit of its own.
    expect((await register('2001:db8:7:2::1')).statusCode).toBe(201);
  });

  it('counts an IPv4-mapped IPv6 client as its IPv4 address', async () => {
    expect((await login('::ffff:198.51.100.77')).statusCode).toBe(401);
    expect((await login('198.51.100.77')).statusCode).toBe(401);
    expect(await counter('login:ip', '198.51.100.77')).toBe(2);
  });
});

describe('access tokens through the API: only the canonical text is accepted', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.close());

  it('refuses a valid token padded or altered into another spelling of the same bytes', async () => {
    const user = await registerUser(t);
    const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect((await me(user.accessToken)).statusCode).toBe(200);
    const [header, payload, signature] = user.accessToken.split('.') as [string, string, string];
    for (const variant of [
      `${user.accessToken}!`,
      `${user.accessToken}~~~~`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}!.${signature}`,
      `${header}.${payload}.${signature.slice(0, 10)}~${signature.slice(10)}`,
      `${user.accessToken}${'!'.repeat(4096)}`,
    ]) {
      const res = await me(variant);
      expect(res.statusCode, variant.slice(-12)).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Invalid access token' });
    }
    expect((await me(user.accessToken)).statusCode).toBe(200);
  });
});
