import type { AppDeps } from './deps.js';
import { jobCatalog } from './jobs.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config/config.js';
import { createDatabase } from './platform/db/db.js';
import { createPgListener } from './platform/db/pg-listener.js';
import { createKubeClient, loadKubeConfig } from './platform/kube/kube-client.js';
import { createLogger } from './platform/logger.js';
import { createSmtpMailer } from './platform/mail/mailer.js';
import { createMetrics } from './platform/metrics.js';
import { createJobProducer } from './platform/queue/job-producer.js';
import { createRedis } from './platform/redis.js';

export interface Runtime extends AppDeps {
  close(): Promise<void>;
}

/** The composition root: opens every real client the config names. Only the CLI and tests call it. */
export function createRuntime(config: Config, overrides: Partial<AppDeps> = {}): Runtime {
  const logger = overrides.logger ?? createLogger(config);
  const database = overrides.database ?? createDatabase({ url: config.database.url, poolMax: config.database.poolMax });
  const dbNotifications = overrides.dbNotifications ?? createPgListener({ url: config.database.url, logger });
  const redis = overrides.redis ?? createRedis(config.redis.url, { name: 'kapal-api' });
  const queueConnection = createRedis(config.redis.url, { forWorker: true, name: 'kapal-queue' });
  const jobs =
    overrides.jobs ??
    createJobProducer({ connection: queueConnection, prefix: config.queue.prefix, catalog: jobCatalog });
  const kube =
    overrides.kube ??
    createKubeClient({
      kubeConfig: loadKubeConfig(config.kube.kubeconfig),
      requestTimeoutMs: config.kube.requestTimeoutMs,
    });
  const mailer = overrides.mailer ?? createSmtpMailer(config.mail);
  const deps: AppDeps = {
    config,
    logger,
    database,
    dbNotifications,
    redis,
    jobs,
    kube,
    mailer,
    clock: overrides.clock ?? systemClock,
    metrics: overrides.metrics ?? createMetrics(),
  };
  return {
    ...deps,
    async close() {
      await jobs.close();
      mailer.close();
      await dbNotifications.close();
      await Promise.all([database.close(), redis.quit().catch(() => redis.disconnect())]);
      await queueConnection.quit().catch(() => queueConnection.disconnect());
    },
  };
}
