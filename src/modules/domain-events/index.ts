export {
  claimUnprocessedDomainEvents,
  type DomainEventRow,
  type DomainEventType,
  type DomainEventTypes,
  markDomainEventsProcessed,
  recordDomainEvent,
} from './domain-events.js';
export { domainEventsModule } from './domain-events.module.js';
