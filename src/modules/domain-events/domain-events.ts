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
