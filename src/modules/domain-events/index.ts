export { type DomainEventType, type DomainEventTypes, recordDomainEvent } from './domain-events.js';
export { domainEvents } from './domain-events.schema.js';
