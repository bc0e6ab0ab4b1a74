import { and, inArray, isNull } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { domainEvents } from './domain-events.tables.js';

/** The facts modules publish. Consumers (the subscriptions issue) read unprocessed rows and mark them processed. */
export interface DomainEventTypes {
  /** A user's account was deactivated (by themselves or an administrator): their subscriptions must stop. */
  'user.deactivated': { userId: string; by: 'self' | 'administrator'; actorId: string };
  /** An administrator deleted a user who had no live subscriptions. */
  'user.deleted': { userId: string; actorId: string };
}

export type DomainEventType = keyof DomainEventTypes;

/** Writes an event into the outbox, in the caller's transaction: it exists if and only if the change committed. */
export async function recordDomainEvent<T extends DomainEventType>(
  tx: DbExecutor,
  event: { type: T; aggregateId: string; payload: DomainEventTypes[T]; occurredAt: Date },
): Promise<void> {
  await tx.insert(domainEvents).values({
    type: event.type,
    aggregateId: event.aggregateId,
    payload: event.payload,
    occurredAt: event.occurredAt,
  });
}

export interface DomainEventRow {
  id: string;
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * The oldest unprocessed events of `types`, locked for the caller's transaction (rows another consumer
 * run holds are skipped): handle them in that transaction and mark them with `markDomainEventsProcessed`.
 */
export async function claimUnprocessedDomainEvents(
  tx: DbExecutor,
  types: readonly DomainEventType[],
  limit: number,
): Promise<DomainEventRow[]> {
  return tx
    .select({
      id: domainEvents.id,
      type: domainEvents.type,
      aggregateId: domainEvents.aggregateId,
      payload: domainEvents.payload,
      occurredAt: domainEvents.occurredAt,
    })
    .from(domainEvents)
    .where(and(isNull(domainEvents.processedAt), inArray(domainEvents.type, [...types])))
    .orderBy(domainEvents.occurredAt, domainEvents.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markDomainEventsProcessed(tx: DbExecutor, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(domainEvents)
    .set({ processedAt: now })
    .where(inArray(domainEvents.id, [...ids]));
}
