// Every module of Kapal, in build order: a module whose `build` reads another's port comes after it.
// The API, the worker, the job catalog, the seed and the table list all come from this one list.
import { accountsModule } from './accounts/index.js';
import { adminUsersModule } from './admin-users/index.js';
import { auditModule } from './audit/index.js';
import { billingModule } from './billing/index.js';
import { catalogModule } from './catalog/index.js';
import { clusterModule } from './cluster/index.js';
import { domainEventsModule } from './domain-events/index.js';
import { healthModule } from './health/index.js';
import { notificationsModule } from './notifications/index.js';
import { queuesModule } from './queues/index.js';
import { subscriptionsModule } from './subscriptions/index.js';
import { templatesModule } from './templates/index.js';
import { workersModule } from './workers/index.js';

export const modules = [
  healthModule,
  auditModule,
  domainEventsModule,
  accountsModule,
  subscriptionsModule,
  adminUsersModule,
  notificationsModule,
  templatesModule,
  catalogModule,
  billingModule,
  queuesModule,
  workersModule,
  clusterModule,
] as const;

type Jobs<M> = M extends { jobs?: infer J } ? (J extends object ? J : never) : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The application's job catalog: every module's jobs, by name. */
export type AppJobCatalog = Intersect<Jobs<(typeof modules)[number]>>;
