import type { ComposedModules } from './composition.js';
import type { AppJobCatalog } from './jobs.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/db.js';
import type { PgListener } from './platform/db/pg-listener.js';
import type { KubeClient } from './platform/kube/kube-client.js';
import type { Logger } from './platform/logger.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { Metrics } from './platform/metrics.js';
import type { JobProducer } from './platform/queue/job-producer.js';
import type { Redis } from './platform/redis.js';

/** Everything the API and the worker are built from. Modules take the narrow part they need. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  /** PostgreSQL LISTEN/NOTIFY, for caches that must drop rows the moment they change. */
  dbNotifications: PgListener;
  redis: Redis;
  kube: KubeClient;
  jobs: JobProducer<AppJobCatalog>;
  mailer: Mailer;
  clock: Clock;
  metrics: Metrics;
}

/** A whole process: the platform, and every module built on it once (see src/composition.ts). */
export interface Kapal extends AppDeps {
  modules: ComposedModules<AppJobCatalog>;
}
