export { type DomainEventType, type DomainEventTypes, recordDomainEvent } from './domain-events.js';
export { domainEventsModule } from './domain-events.module.js';
