import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import { unauthorized } from '../../platform/errors.js';

export const ROLES = { USER: 'USER', ADMINISTRATOR: 'ADMINISTRATOR' } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];

export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

const ISSUER = 'kapal';
const AUDIENCE = 'kapal-api';
const CLOCK_TOLERANCE_SECONDS = 0;
/** Verified tokens remembered, keyed by their SHA-256; the oldest is dropped first. */
const VERIFIED_CACHE_SIZE = 20_000;
/** Ours are about 300 characters; anything this long is not one of ours and is refused before any work. */
export const MAX_ACCESS_TOKEN_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const invalid = () => unauthorized('Invalid access token');

/**
 * Decodes one part of a compact JWS, refusing anything but canonical base64url. Node's decoder skips
 * characters outside the alphabet and ignores trailing bits, so without this one valid token padded
 * with `!` or with its last character's spare bits flipped would verify as endless distinct strings.
 */
function decodePart(segment: string): Buffer {
  if (!BASE64URL.test(segment)) throw invalid();
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) throw invalid();
  return bytes;
}

function decodeJson(segment: string): Record<string, unknown> {
  const bytes = decodePart(segment);
  try {
    const value = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid();
    return value as Record<string, unknown>;
  } catch {
    throw invalid();
  }
}

/**
 * Short-lived HS256 access tokens. Signing uses jose; verification runs on every authenticated request,
 * so it is done here with node:crypto's synchronous HMAC (about ten times cheaper than jose's WebCrypto
 * path) and is deliberately narrow: the header must say exactly HS256 (no `alg: none`, no key confusion),
 * the signature is compared in constant time before any claim is trusted, then exp/nbf/iss/aud/sub/sid/role.
 */
export function createAccessTokens(options: { secret: string; ttlSeconds: number; now?: () => Date }) {
  const key = Buffer.from(options.secret, 'utf8');
  const signingKey = new Uint8Array(key);
  const now = options.now ?? (() => new Date());
  const verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();
  /** Verifies signature and claims; throws 401 on anything off. */
  function check(token: string): { claims: AccessClaims; expiresAt: number } {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalid();
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart);
    if (header.alg !== 'HS256' || (header.typ !== undefined && header.typ !== 'JWT') || 'crit' in header) {
      throw invalid();
    }
    const expected = createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest();
    const given = decodePart(signaturePart);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();

    const payload = decodeJson(payloadPart);
    const nowSeconds = now().getTime() / 1000;
    if (typeof payload.exp !== 'number') throw invalid();
    if (payload.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) throw unauthorized('Access token expired');
    if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw invalid();
    const audience = payload.aud;
    const audienceOk = audience === AUDIENCE || (Array.isArray(audience) && audience.includes(AUDIENCE));
    const role = payload.role;
    if (
      payload.iss !== ISSUER ||
      !audienceOk ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      (role !== ROLES.USER && role !== ROLES.ADMINISTRATOR)
    ) {
      throw invalid();
    }
    return { claims: { userId: payload.sub, role, sessionId: payload.sid }, expiresAt: payload.exp };
  }

  return {
    async sign(claims: AccessClaims): Promise<string> {
      const issuedAt = Math.floor(now().getTime() / 1000);
      return new SignJWT({ role: claims.role, sid: claims.sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + options.ttlSeconds)
        .sign(signingKey);
    },
    /** Synchronous: it runs on every authenticated request. Throws a 401 AppError. */
    verify(token: string): AccessClaims {
      if (token.length > MAX_ACCESS_TOKEN_LENGTH) throw invalid();
      // A token that verified once verifies again until it expires: skip the HMAC and the JSON decoding.
      // Only canonical tokens are ever stored, and the key is the hash of the exact text, so a variant
      // of a known token misses here and is refused by `check`.
      const cacheKey = createHash('sha256').update(token).digest('base64');
      const known = verified.get(cacheKey);
      if (known) {
        if (known.expiresAt <= now().getTime() / 1000 - CLOCK_TOLERANCE_SECONDS) {
          verified.delete(cacheKey);
          throw unauthorized('Access token expired');
        }
        return known.claims;
      }
      const result = check(token);
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(cacheKey, result);
      return result.claims;
    },
    /** How many verified tokens are remembered (for tests and metrics). */
    get cachedCount(): number {
      return verified.size;
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
