import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from './secret-box.js';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('opens what it sealed, and never seals the same value to the same text twice', () => {
    const a = box.seal('hunter2 ✓', 'sub-1/db-password');
    const b = box.seal('hunter2 ✓', 'sub-1/db-password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(box.open(a, 'sub-1/db-password')).toBe('hunter2 ✓');
    expect(box.open(b, 'sub-1/db-password')).toBe('hunter2 ✓');
  });

  it('refuses another context, another key, and tampered data', () => {
    const sealed = box.seal('s3cret', 'sub-1/a');
    expect(() => box.open(sealed, 'sub-2/a')).toThrow(SecretBoxError);
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'sub-1/a')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), ciphertext.toString('base64url')].join('.');
    expect(() => box.open(tampered, 'sub-1/a')).toThrow(SecretBoxError);
    expect(() => box.open('garbage', 'sub-1/a')).toThrow(SecretBoxError);
  });

  it('requires a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
