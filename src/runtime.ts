import { composeModules } from './composition.js';
import type { AppDeps, Kapal } from './deps.js';
import { type AppJobCatalog, jobCatalog } from './jobs.js';
import { modules } from './modules/index.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config/config.js';
import { createDatabase } from './platform/db/db.js';
import { createPgListener } from './platform/db/pg-listener.js';
import { createKubeClient, loadKubeConfig } from './platform/kube/kube-client.js';
import { createLogger } from './platform/logger.js';
import { createLogMailer, createSmtpMailer } from './platform/mail/mailer.js';
import { createMetrics, kubeCallObserver } from './platform/metrics.js';
import { createJobProducer } from './platform/queue/job-producer.js';
import { createRedis } from './platform/redis.js';

export interface Runtime extends Kapal {
  close(): Promise<void>;
}

/**
 * The composition root: opens every real client the config names, then builds every module once on
 * them (`src/modules/index.ts`). Only the CLI and tests call it.
 */
export function createRuntime(config: Config, overrides: Partial<AppDeps> = {}): Runtime {
  const logger = overrides.logger ?? createLogger(config);
  const database = overrides.database ?? createDatabase({ url: config.database.url, poolMax: config.database.poolMax });
  const dbNotifications = overrides.dbNotifications ?? createPgListener({ url: config.database.url, logger });
  const redis = overrides.redis ?? createRedis(config.redis.url, { name: 'kapal-api' });
  const queueConnection = createRedis(config.redis.url, { forWorker: true, name: 'kapal-queue' });
  const jobs =
    overrides.jobs ??
    createJobProducer({ connection: queueConnection, prefix: config.queue.prefix, catalog: jobCatalog });
  const metrics = overrides.metrics ?? createMetrics();
  const kube =
    overrides.kube ??
    createKubeClient({
      kubeConfig: loadKubeConfig(config.kube.kubeconfig),
      requestTimeoutMs: config.kube.requestTimeoutMs,
      observe: kubeCallObserver(metrics),
    });
  const mailer =
    overrides.mailer ??
    (config.mail.smtpUrl
      ? createSmtpMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from })
      : createLogMailer({ logger: logger.child({ module: 'mail' }), from: config.mail.from }));
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
    metrics,
  };
  async function closeClients() {
    await jobs.close();
    mailer.close();
    await dbNotifications.close();
    await Promise.all([database.close(), redis.quit().catch(() => redis.disconnect())]);
    await queueConnection.quit().catch(() => queueConnection.disconnect());
  }
  let composed: Runtime['modules'];
  try {
    composed = composeModules<AppJobCatalog>(deps, modules);
  } catch (err) {
    // A module refused to start (a broken template): let go of the connections before saying why.
    closeClients().catch(() => {});
    throw err;
  }
  return {
    ...deps,
    modules: composed,
    async close() {
      await composed.close();
      await closeClients();
    },
  };
}
