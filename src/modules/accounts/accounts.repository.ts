import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { authSessions, refreshTokens, users } from './accounts.tables.js';

export type UserRow = typeof users.$inferSelect;
/** A user as the rest of the system sees it: everything but the password hash. */
export type Account = Omit<UserRow, 'passwordHash'>;

export const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  locale: users.locale,
  role: users.role,
  isActive: users.isActive,
  emailVerifiedAt: users.emailVerifiedAt,
  lastLoginAt: users.lastLoginAt,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** Matches the unique index on lower(email), so the lookup is indexed and case-insensitive. */
export const emailEquals = (email: string) => sql`lower(${users.email}) = ${email.toLowerCase()}`;

export async function findUserByEmail(executor: DbExecutor, email: string): Promise<UserRow | undefined> {
  const [row] = await executor.select().from(users).where(emailEquals(email));
  return row;
}

export async function findAccount(executor: DbExecutor, id: string): Promise<Account | undefined> {
  const [row] = await executor.select(accountColumns).from(users).where(eq(users.id, id));
  return row;
}

/** Many accounts in one query (one array parameter; unknown ids are left out), for a set of users at once. */
export async function findAccounts(executor: DbExecutor, ids: readonly string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  return executor
    .select(accountColumns)
    .from(users)
    .where(sql`${users.id} = any(${sql.param([...ids])}::uuid[])`);
}

export async function findPasswordHash(executor: DbExecutor, id: string): Promise<string | undefined> {
  const [row] = await executor.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

export async function revokeSessions(
  executor: DbExecutor,
  options: { userId: string; reason: string; now: Date; exceptSessionId?: string },
): Promise<number> {
  const revoked = await executor
    .update(authSessions)
    .set({ revokedAt: options.now, revokedReason: options.reason })
    .where(
      and(
        eq(authSessions.userId, options.userId),
        isNull(authSessions.revokedAt),
        options.exceptSessionId ? ne(authSessions.id, options.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return revoked.length;
}

export async function insertSession(
  executor: DbExecutor,
  values: { userId: string; ip?: string; userAgent?: string; now: Date },
): Promise<string> {
  const [row] = await executor
    .insert(authSessions)
    .values({
      userId: values.userId,
      ip: values.ip ?? null,
      userAgent: values.userAgent?.slice(0, 512) ?? null,
      createdAt: values.now,
      lastUsedAt: values.now,
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

export async function insertRefreshToken(
  executor: DbExecutor,
  values: { sessionId: string; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await executor.insert(refreshTokens).values({
    sessionId: values.sessionId,
    tokenHash: values.tokenHash,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  });
}

/** The refresh token, its session and its user, locked so two exchanges of one token are serialised. */
export async function lockRefreshToken(executor: DbExecutor, tokenHash: string) {
  const [row] = await executor
    .select({
      tokenId: refreshTokens.id,
      expiresAt: refreshTokens.expiresAt,
      usedAt: refreshTokens.usedAt,
      sessionId: authSessions.id,
      sessionRevokedAt: authSessions.revokedAt,
      userId: users.id,
      role: users.role,
      isActive: users.isActive,
    })
    .from(refreshTokens)
    .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: [refreshTokens, authSessions] });
  return row;
}
