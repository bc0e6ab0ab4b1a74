import { createHash, randomBytes } from 'node:crypto';

/** An opaque, high-entropy refresh token (256 bits); the database only ever sees its SHA-256. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');
