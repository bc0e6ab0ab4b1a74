import { defineModule } from '../module.js';
import * as tables from './domain-events.tables.js';

/** The outbox of domain events: modules record facts in their own transactions; consumers read them later. */
export const domainEventsModule = defineModule({
  name: 'domain-events',
  tables,
  build: () => ({}),
});
