import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
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

/** Short-lived HS256 access tokens. Only HS256 is accepted on the way in: no `alg: none`, no key confusion. */
export function createAccessTokens(options: { secret: string; ttlSeconds: number; now?: () => Date }) {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? (() => new Date());
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
        .sign(key);
    },
    async verify(token: string): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: now(),
        });
        const role = payload.role;
        if (
          typeof payload.sub !== 'string' ||
          (role !== ROLES.USER && role !== ROLES.ADMINISTRATOR) ||
          typeof payload.sid !== 'string'
        ) {
          throw unauthorized('Invalid access token');
        }
        return { userId: payload.sub, role, sessionId: payload.sid };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw unauthorized('Access token expired');
        if (err instanceof joseErrors.JOSEError) throw unauthorized('Invalid access token');
        throw err;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
