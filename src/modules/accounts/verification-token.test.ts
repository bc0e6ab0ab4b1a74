import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config/config.js';
import { AppError } from '../../platform/errors.js';
import { createAccessTokens } from './access-token.js';
import { createVerificationTokens, emailFingerprint, VERIFICATION_TOKEN_PATTERN } from './verification-token.js';

const SECRET = 'unit-test-secret-0123456789abcdef-0123456789';
const USER = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
const at = (iso: string) => () => new Date(iso);

function refusal(read: () => unknown): { code: string; status: number } {
  try {
    read();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, status: err.status };
    throw err;
  }
  throw new Error('expected the token to be refused');
}

describe('email verification tokens', () => {
  const tokens = createVerificationTokens({ secret: SECRET, now: at('2030-01-01T00:00:00Z') });

  it('carry the user, a fingerprint of the email and a 24 h expiry; the address itself is not in the token', () => {
    const { token, expiresAt } = tokens.sign({ userId: USER, email: 'Ayu@Example.test' });
    expect(token).toMatch(VERIFICATION_TOKEN_PATTERN);
    expect(expiresAt.toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(tokens.read(token)).toEqual({
      userId: USER,
      emailFingerprint: emailFingerprint('ayu@example.test'),
      expiresAt,
      expired: false,
    });
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).not.toMatch(/ayu|example/i);
  });

  it('report expiry only once the 24 h are over', () => {
    const { token } = tokens.sign({ userId: USER, email: 'a@example.test' });
    const later = (iso: string) => createVerificationTokens({ secret: SECRET, now: at(iso) }).read(token).expired;
    expect(later('2030-01-01T23:59:59Z')).toBe(false);
    expect(later('2030-01-02T00:00:00Z')).toBe(true);
  });

  it('refuse a changed payload, a changed MAC, another key, and non-canonical spellings (400)', () => {
    const { token } = tokens.sign({ userId: USER, email: 'a@example.test' });
    const [payload, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    const flipped = mac.slice(0, -2) + (mac.at(-2) === 'A' ? 'B' : 'A') + mac.at(-1);
    const other = createVerificationTokens({ secret: `${SECRET}-other`, now: at('2030-01-01T00:00:00Z') });
    for (const bad of [
      `${forged}.${mac}`,
      `${payload}.${flipped}`,
      other.sign({ userId: USER, email: 'a@example.test' }).token,
      `${payload}.${mac}!`,
      `${payload}.${mac}~`,
      `${payload}=.${mac}`,
      `${payload}.${mac}.x`,
      'x'.repeat(600),
      '',
    ]) {
      expect(
        refusal(() => tokens.read(bad)),
        bad,
      ).toEqual({ code: 'BAD_REQUEST', status: 400 });
    }
  });

  it('refuse an access token signed with the same secret: the key and the claims are for another purpose', async () => {
    const access = await createAccessTokens({ secret: SECRET, ttlSeconds: 900 }).sign({
      userId: USER,
      role: 'USER',
      sessionId: USER,
    });
    const [header, payload, signature] = access.split('.');
    for (const bad of [access, `${payload}.${signature}`, `${header}.${signature}`]) {
      expect(refusal(() => tokens.read(bad))).toEqual({ code: 'BAD_REQUEST', status: 400 });
    }
  });
});

describe('REQUIRE_EMAIL_VERIFICATION', () => {
  const production = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://kapal.example.com',
    DATABASE_URL: 'postgres://kapal@db.internal:5432/kapal',
    REDIS_URL: 'redis://redis.internal:6379',
    SMTP_URL: 'smtp://mail.internal:587',
    JWT_SECRET: 'p'.repeat(40),
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    MIDTRANS_SERVER_KEY: 'Mid-server-real',
    MIDTRANS_CLIENT_KEY: 'Mid-client-real',
    MIDTRANS_IS_PRODUCTION: 'true',
    WORKER_AGENT_TOKEN: 'w'.repeat(20),
  };

  it('is on by default in production, off in development and tests, and can be set either way', () => {
    expect(loadConfig(production).auth.requireEmailVerification).toBe(true);
    expect(loadConfig({ ...production, REQUIRE_EMAIL_VERIFICATION: 'false' }).auth.requireEmailVerification).toBe(
      false,
    );
    expect(loadConfig({ NODE_ENV: 'development' }).auth.requireEmailVerification).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).auth.requireEmailVerification).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', REQUIRE_EMAIL_VERIFICATION: 'true' }).auth.requireEmailVerification).toBe(
      true,
    );
    expect(() => loadConfig({ REQUIRE_EMAIL_VERIFICATION: 'maybe' })).toThrow(
      /REQUIRE_EMAIL_VERIFICATION: must be true or false/,
    );
  });
});
