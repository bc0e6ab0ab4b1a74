import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import type { KubeClient } from '../../platform/kube/kube-client.js';
import { KubeError } from '../../platform/kube/kube-errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
import type { Actor, AuditLog } from '../audit/index.js';
import { type CleanupOptions, cleanupOrphans } from './cleanup.js';
import { debugClusterView } from './debug.js';
import { readInformerStates } from './informer-state.js';
import type { ClusterInventory } from './inventory.js';
import { orphanReport, scanCluster } from './orphans.js';

/** The Kubernetes API's version call is bounded this tightly in the debug view (it must answer when the API does not). */
const VERSION_TIMEOUT_MS = 3_000;

export interface ClusterServiceDeps {
  kube: KubeClient;
  database: Pick<Database, 'db'>;
  redis: Pick<Redis, 'scan' | 'mget'>;
  queuePrefix: string;
  clock: Clock;
  logger: Logger;
  inventory: () => ClusterInventory;
  audit: () => Pick<AuditLog, 'record'>;
}

/** Orphans, their cleanup, and the debug view: each request scans once (a fixed number of list calls). */
export function createClusterService(deps: ClusterServiceDeps) {
  const scan = () =>
    scanCluster({
      kube: deps.kube,
      inventory: deps.inventory(),
      executor: deps.database.db,
      now: () => deps.clock.now(),
    });

  return {
    async orphans() {
      return orphanReport(await scan());
    },

    async cleanup(actor: Actor, options: CleanupOptions) {
      const report = orphanReport(await scan());
      return cleanupOrphans(
        {
          kube: deps.kube,
          inventory: deps.inventory(),
          database: deps.database,
          audit: deps.audit(),
          logger: deps.logger,
        },
        report,
        options,
        actor,
      );
    },

    async debug() {
      const [api, informers, cluster] = await Promise.all([
        deps.kube.version(VERSION_TIMEOUT_MS).then(
          (version) => ({ reachable: true, version, error: null }),
          (err: Error) => ({ reachable: false, version: null, error: err.message }),
        ),
        readInformerStates(deps.redis, deps.queuePrefix).then(
          (processes) => ({ processes, error: null }),
          (err: Error) => ({ processes: [], error: `Redis did not answer: ${err.message}` }),
        ),
        scan().then(
          (snapshot) => ({ snapshot, error: null }),
          (err: unknown) => {
            deps.logger.warn({ err }, 'debug view: the cluster scan failed');
            const error = err instanceof KubeError ? err.message : 'the scan failed (see the server log)';
            return { snapshot: null, error };
          },
        ),
      ]);
      const view = cluster.snapshot ? debugClusterView(cluster.snapshot, orphanReport(cluster.snapshot)) : null;
      return {
        generatedAt: deps.clock.now().toISOString(),
        api,
        informers,
        scan: {
          ok: cluster.snapshot !== null,
          error: cluster.error,
          kubernetesListCalls: cluster.snapshot?.listCalls ?? 0,
        },
        managedNamespaces: view?.managedNamespaces ?? null,
        diff: view?.diff ?? null,
      };
    },
  };
}

export type ClusterService = ReturnType<typeof createClusterService>;
