import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './access-token.js';

const secret = 'test-secret-that-is-at-least-32-chars!';
const key = new TextEncoder().encode(secret);
const claims = {
  userId: '5f0c8a52-7a3e-4d3c-9d57-2c1a2b3c4d5e',
  role: 'USER' as const,
  sessionId: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
};
const now = () => Math.floor(Date.now() / 1000);
const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Signs a header and payload by hand, for headers jose would refuse to write. */
function signed(header: object, payloadPart: string) {
  const head = b64(header);
  const mac = createHmac('sha256', secret).update(`${head}.${payloadPart}`).digest('base64url');
  return `${head}.${payloadPart}.${mac}`;
}

/** A token like ours, with one thing changed. */
function build(change: { header?: Record<string, unknown>; payload?: Record<string, unknown>; omit?: string[] } = {}) {
  const payload: Record<string, unknown> = {
    role: 'USER',
    sid: claims.sessionId,
    sub: claims.userId,
    iss: 'kapal',
    aud: 'kapal-api',
    iat: now(),
    exp: now() + 600,
    ...change.payload,
  };
  for (const k of change.omit ?? []) delete payload[k];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...change.header } as { alg: string })
    .sign(key);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('access tokens', () => {
  const tokens = createAccessTokens({ secret, ttlSeconds: 900 });

  it('round-trips its own tokens and a well-formed one built elsewhere', async () => {
    expect(tokens.verify(await tokens.sign(claims))).toEqual(claims);
    expect(tokens.verify(await build())).toEqual(claims);
  });

  it('expires after ttlSeconds by the injected clock', async () => {
    let at = new Date('2030-01-01T00:00:00Z');
    const clocked = createAccessTokens({ secret, ttlSeconds: 900, now: () => at });
    const token = await clocked.sign(claims);
    at = new Date('2030-01-01T00:14:59Z');
    expect(clocked.verify(token)).toEqual(claims);
    at = new Date('2030-01-01T00:15:00Z');
    // Twice: the second answer comes from the verified-token cache, which must honour expiry too.
    expect(thrown(() => clocked.verify(token))).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Access token expired',
    });
    expect(thrown(() => clocked.verify(token))).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Access token expired',
    });
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['another algorithm (HS512)', () => new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS512' }).sign(key)],
    ['alg none', async () => `${b64({ alg: 'none' })}.${(await build()).split('.')[1]}.`],
    ['a crit header', async () => signed({ alg: 'HS256', crit: ['exp'], exp: 1 }, (await build()).split('.')[1]!)],
    ['a typ other than JWT', () => build({ header: { typ: 'at+jwt' } })],
    ['another issuer', () => build({ payload: { iss: 'evil' } })],
    ['another audience', () => build({ payload: { aud: 'other-api' } })],
    ['no expiry', () => build({ omit: ['exp'] })],
    ['not valid yet', () => build({ payload: { nbf: now() + 3600 } })],
    ['no session id', () => build({ omit: ['sid'] })],
    ['an unknown role', () => build({ payload: { role: 'ROOT' } })],
    ['a non-string subject', () => build({ payload: { sub: 42 } })],
    ['a truncated signature', async () => (await build()).slice(0, -4)],
    ['four segments', async () => `${await build()}.x`],
    ['garbage', async () => 'a.b.c'],
  ];
  for (const [what, make] of refused) {
    it(`refuses ${what}`, async () => {
      const token = await make();
      expect(thrown(() => tokens.verify(token))).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  }
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The token with its part `index` ending in another character that decodes to the same bytes, if any. */
function sameBytesVariant(token: string, index: number): string | undefined {
  const parts = token.split('.');
  const part = parts[index]!;
  const bytes = Buffer.from(part, 'base64url');
  for (const c of ALPHABET) {
    const altered = part.slice(0, -1) + c;
    if (altered !== part && Buffer.from(altered, 'base64url').equals(bytes)) {
      parts[index] = altered;
      return parts.join('.');
    }
  }
  return undefined;
}

describe('access tokens: only canonical text verifies', () => {
  it('refuses variants that decode to the same bytes, and none of them enters the verified-token cache', async () => {
    const tokens = createAccessTokens({ secret, ttlSeconds: 900 });
    const token = await tokens.sign(claims);
    expect(tokens.verify(token)).toEqual(claims);
    expect(tokens.cachedCount).toBe(1);

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const variants = [
      `${token}!`,
      `${token}~`,
      `${token}=`,
      `${header}!.${payload}.${signature}`,
      `${header}.${payload.slice(0, 10)}~${payload.slice(10)}.${signature}`,
      `${header}.${payload}.${signature.slice(0, 5)}!!${signature.slice(5)}`,
      `${header}.${payload}.${signature}==`,
      `${header}.${payload} .${signature}`,
      `${header}.${payload}.${Buffer.from(signature, 'base64url').toString('base64')}`,
      // HS256's 32-byte MAC takes 43 characters with 2 spare bits in the last one: flipping them
      // changes the text but not the bytes.
      sameBytesVariant(token, 2),
    ];
    expect(variants[variants.length - 1]).toBeDefined();
    for (const variant of variants) {
      expect(
        thrown(() => tokens.verify(variant!)),
        variant,
      ).toMatchObject({
        code: 'UNAUTHORIZED',
        message: 'Invalid access token',
      });
    }
    expect(tokens.cachedCount).toBe(1);
    // The original still verifies from the cache.
    expect(tokens.verify(token)).toEqual(claims);
  });

  it('refuses a token longer than 2 KB before any work', async () => {
    const tokens = createAccessTokens({ secret, ttlSeconds: 900 });
    const long = await build({ payload: { pad: 'x'.repeat(2048) } });
    expect(long.length).toBeGreaterThan(2048);
    expect(thrown(() => tokens.verify(long))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(tokens.cachedCount).toBe(0);
  });

  it('keeps verifying distinct real tokens (the cache is keyed by a hash, not defeated by it)', async () => {
    const tokens = createAccessTokens({ secret, ttlSeconds: 900 });
    const a = await tokens.sign(claims);
    const b = await tokens.sign({ ...claims, sessionId: '11111111-2222-4333-8444-555555555555' });
    expect(tokens.verify(a)).toEqual(claims);
    expect(tokens.verify(b).sessionId).toBe('11111111-2222-4333-8444-555555555555');
    expect(tokens.cachedCount).toBe(2);
  });
});
