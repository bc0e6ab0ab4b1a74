import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

export const PASSWORD_POLICY = 'must be 10 to 128 characters long and contain at least one letter and one digit';

/** The password policy, as a schema so a violation is a 400 naming the field. */
export const passwordSchema = z
  .string({ message: 'must be a string' })
  .min(10, { message: PASSWORD_POLICY, abort: true })
  .max(128, { message: PASSWORD_POLICY, abort: true })
  .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), PASSWORD_POLICY);

// argon2id (the library's default algorithm) at OWASP's baseline: 19 MiB, 2 passes, 1 lane. A sign-in costs one.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown email takes as long as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('timing-equaliser-0');
  await verifyPassword(await dummyHash, password);
}
