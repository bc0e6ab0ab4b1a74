import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, badRequest } from '../../platform/errors.js';

/**
 * Email verification tokens: `<payload>.<mac>`, both base64url, where payload is
 * `{"p":"email-verification","sub":<user id>,"em":<hash of the email>,"exp":<unix seconds>}` and mac is
 * HMAC-SHA256 over the payload with a key derived from JWT_SECRET for this purpose only (an access token
 * cannot pass for one, nor one for an access token). Verified statelessly: nothing is stored. The email is
 * bound by its hash, so a link stops working when the account's email changes, and the address itself
 * does not travel in URLs and logs.
 */

export const VERIFICATION_PURPOSE = 'email-verification';
export const VERIFICATION_TTL_SECONDS = 24 * 3600;
/** Ours are about 200 characters; anything much longer is refused before any work. */
export const MAX_VERIFICATION_TOKEN_LENGTH = 512;
export const VERIFICATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const invalidVerificationLink = () =>
  badRequest('This verification link is not valid; request a new one from your account');
export const expiredVerificationLink = () =>
  new AppError('LINK_EXPIRED', 'This verification link has expired; request a new one from your account');

/** A stable fingerprint of an email (already normalised by the caller's schema; lower-cased again here). */
export const emailFingerprint = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);

/** Canonical base64url only: Node's decoder skips foreign characters, so variants would otherwise verify. */
function decodeCanonical(segment: string): Buffer {
  if (!BASE64URL.test(segment)) throw invalidVerificationLink();
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) throw invalidVerificationLink();
  return bytes;
}

export interface VerificationClaims {
  userId: string;
  emailFingerprint: string;
  expiresAt: Date;
  /** Genuine but past its time: the caller answers 410 LINK_EXPIRED unless there is nothing left to do. */
  expired: boolean;
}

export function createVerificationTokens(options: { secret: string; ttlSeconds?: number; now: () => Date }) {
  const key = createHmac('sha256', options.secret).update(`kapal/${VERIFICATION_PURPOSE}/v1`).digest();
  const ttlSeconds = options.ttlSeconds ?? VERIFICATION_TTL_SECONDS;
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();

  return {
    /** A token for this user and this email, valid `ttlSeconds` from the clock's now. */
    sign(subject: { userId: string; email: string }): { token: string; expiresAt: Date } {
      const exp = Math.floor(options.now().getTime() / 1000) + ttlSeconds;
      const payload = Buffer.from(
        JSON.stringify({ p: VERIFICATION_PURPOSE, sub: subject.userId, em: emailFingerprint(subject.email), exp }),
      ).toString('base64url');
      return { token: `${payload}.${mac(payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
    },

    /**
     * The claims of a genuine token; 400 BAD_REQUEST for anything not signed by us for this purpose. Expiry
     * is reported, not thrown, so an already-verified user can be answered kindly whatever the link's age.
     */
    read(token: string): VerificationClaims {
      if (token.length > MAX_VERIFICATION_TOKEN_LENGTH) throw invalidVerificationLink();
      const parts = token.split('.');
      if (parts.length !== 2) throw invalidVerificationLink();
      const [payloadPart, macPart] = parts as [string, string];
      const given = decodeCanonical(macPart);
      const expected = mac(payloadPart);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidVerificationLink();
      let claims: Record<string, unknown>;
      try {
        claims = JSON.parse(decodeCanonical(payloadPart).toString('utf8'));
      } catch {
        throw invalidVerificationLink();
      }
      if (
        typeof claims !== 'object' ||
        claims === null ||
        claims.p !== VERIFICATION_PURPOSE ||
        typeof claims.sub !== 'string' ||
        typeof claims.em !== 'string' ||
        typeof claims.exp !== 'number'
      ) {
        throw invalidVerificationLink();
      }
      const expiresAt = new Date(claims.exp * 1000);
      const expired = expiresAt.getTime() <= options.now().getTime();
      return { userId: claims.sub, emailFingerprint: claims.em, expiresAt, expired };
    },
  };
}

export type VerificationTokens = ReturnType<typeof createVerificationTokens>;
