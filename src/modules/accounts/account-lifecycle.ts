import { and, count, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { recordDomainEvent } from '../domain-events/index.js';
import { ROLES } from './access-token.js';
import { revokeSessions } from './accounts.repository.js';
import { users } from './accounts.tables.js';

/**
 * Deactivates an account in the caller's transaction: the row is marked inactive (the guard then refuses
 * its access tokens), every session is revoked (no refresh), and `user.deactivated` goes to the outbox so
 * the subscriptions module can stop the user's apps.
 */
export async function deactivateAccount(
  tx: DbExecutor,
  options: { userId: string; by: 'self' | 'administrator'; actorId: string; now: Date },
): Promise<void> {
  await tx
    .update(users)
    .set({ isActive: false, deactivatedAt: options.now, updatedAt: options.now })
    .where(eq(users.id, options.userId));
  await revokeSessions(tx, { userId: options.userId, reason: 'deactivated', now: options.now });
  await recordDomainEvent(tx, {
    type: 'user.deactivated',
    aggregateId: options.userId,
    payload: { userId: options.userId, by: options.by, actorId: options.actorId },
    occurredAt: options.now,
  });
}

/** Active administrators; the platform must always keep one. */
export async function countActiveAdministrators(executor: DbExecutor): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, ROLES.ADMINISTRATOR), eq(users.isActive, true)));
  return row?.n ?? 0;
}

/** A transaction-scoped lock around "is there still another administrator?" decisions, so two cannot race. */
export async function lockAdministrators(tx: DbExecutor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7302)`);
}
