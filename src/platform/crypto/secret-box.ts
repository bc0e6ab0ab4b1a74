import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Authenticated encryption of small secrets at rest (AES-256-GCM, random 96-bit IV per value).
 * `context` is bound as additional authenticated data: a ciphertext copied to another row (another
 * context) fails to decrypt instead of yielding a valid secret for the wrong owner.
 * Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export function createSecretBox(key: Buffer) {
  if (key.length !== 32) throw new SecretBoxError('the key must be 32 bytes');

  return {
    seal(plaintext: string, context: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [FORMAT, iv, tag, ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },

    open(sealed: string, context: string): string {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== FORMAT) throw new SecretBoxError('not a sealed secret');
      const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed secret');
      try {
        const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // Wrong key, wrong context or tampered data: GCM cannot tell which, and neither do we.
        throw new SecretBoxError('the secret cannot be decrypted with this key and context');
      }
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
