import { randomBytes } from 'node:crypto';
import { authSessions, users } from '../../src/modules/accounts/accounts.tables.js';
import { createAccessTokens, type Role } from '../../src/modules/accounts/index.js';
import type { TestRuntime } from './test-runtime.js';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  sessionId: string;
  token: string;
  /** `{ authorization: 'Bearer …' }` for `app.inject`. */
  headers: { authorization: string };
}

/**
 * A user of the given role with a live session and a signed access token, written straight to the
 * database (no login round trip), for tests of routes that need one. The password hash is unusable on
 * purpose: this user signs in only through the token.
 */
export async function createUserWithToken(
  t: Pick<TestRuntime, 'runtime'>,
  options: { role?: Role; email?: string; name?: string } = {},
): Promise<TestUser> {
  const { config, database } = t.runtime;
  const role = options.role ?? 'USER';
  const email = options.email ?? `user-${randomBytes(6).toString('hex')}@example.test`;
  const [user] = await database.db
    .insert(users)
    .values({ email, passwordHash: 'unusable', name: options.name ?? 'Test User', role })
    .returning({ id: users.id });
  const [session] = await database.db
    .insert(authSessions)
    .values({ userId: user!.id })
    .returning({ id: authSessions.id });
  const token = await createAccessTokens({
    secret: config.auth.jwtSecret,
    ttlSeconds: config.auth.accessTtlSeconds,
  }).sign({ userId: user!.id, role, sessionId: session!.id });
  return {
    id: user!.id,
    email,
    role,
    sessionId: session!.id,
    token,
    headers: { authorization: `Bearer ${token}` },
  };
}
