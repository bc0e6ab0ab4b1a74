import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import type { KubeClient, Watch } from '../../platform/kube/kube-client.js';
import type { Logger } from '../../platform/logger.js';
import { type NodeFacts, nodeFacts, podLoad } from './node-facts.js';
import { NO_LOAD, type PodLoad, workersRepository as repo } from './workers.repository.js';

/**
 * Keeps the workers table current from two informers in the worker process: Nodes (facts, conditions,
 * schedulability; a deleted node is marked gone) and every Pod of the cluster (the requests bound to each
 * node). Pods are watched, not listed on a timer: one long-lived watch costs nothing while nothing
 * changes and keeps the sums current within an event, where a periodic list would move every pod of the
 * cluster each period and still be stale in between; no call is ever made per node. Database writes run
 * one at a time; pod events that arrive meanwhile are folded into the next write of their node, and a
 * node whose facts did not change (only its heartbeat) is not written at all.
 */
export function createNodeInformer(deps: {
  kube: Pick<KubeClient, 'watch'>;
  database: Pick<Database, 'db'>;
  clock: Clock;
  logger: Logger;
  resyncMs?: number;
}) {
  const { logger } = deps;
  const db = deps.database.db;
  let nodes: Watch<V1Node> | undefined;
  let pods: Watch<V1Pod> | undefined;
  let stopped = true;
  /** Each pod's load, by uid, and the pods bound to each node. */
  const podIndex = new Map<string, { node: string; cpuMillicores: number; memoryMib: number }>();
  const byNode = new Map<string, Set<string>>();
  /** What was last written, so that an unchanged node or load is not written again. */
  const writtenFacts = new Map<string, string>();
  const writtenLoad = new Map<string, string>();
  const dirtyLoads = new Set<string>();
  let flushQueued = false;
  let chain: Promise<unknown> = Promise.resolve();

  function serial(what: string, task: () => Promise<unknown>) {
    chain = chain.then(task).catch((err) => logger.warn({ err, what }, 'workers table update failed'));
    return chain;
  }

  function loadOf(node: string): PodLoad {
    const load = { ...NO_LOAD };
    for (const uid of byNode.get(node) ?? []) {
      const p = podIndex.get(uid);
      if (!p) continue;
      load.requestedCpuMillicores += p.cpuMillicores;
      load.requestedMemoryMib += p.memoryMib;
      load.podCount += 1;
    }
    return load;
  }

  function markDirty(node: string | undefined) {
    if (!node || stopped) return;
    dirtyLoads.add(node);
    if (flushQueued) return;
    flushQueued = true;
    void serial('pod requests', async () => {
      flushQueued = false;
      const names = [...dirtyLoads];
      dirtyLoads.clear();
      for (const name of names) {
        const load = loadOf(name);
        const key = JSON.stringify(load);
        if (writtenLoad.get(name) === key) continue;
        await repo.setLoad(db, name, load);
        writtenLoad.set(name, key);
      }
    });
  }

  function onPod(pod: V1Pod) {
    const uid = pod.metadata?.uid;
    if (!uid) return;
    const before = podIndex.get(uid);
    const after = podLoad(pod);
    if (JSON.stringify(before) === JSON.stringify(after ?? undefined)) return;
    if (before) {
      byNode.get(before.node)?.delete(uid);
      podIndex.delete(uid);
      markDirty(before.node);
    }
    if (after) {
      podIndex.set(uid, after);
      const set = byNode.get(after.node) ?? new Set();
      set.add(uid);
      byNode.set(after.node, set);
      markDirty(after.node);
    }
  }

  function onPodDeleted(pod: V1Pod) {
    const uid = pod.metadata?.uid;
    const before = uid ? podIndex.get(uid) : undefined;
    if (!uid || !before) return;
    podIndex.delete(uid);
    byNode.get(before.node)?.delete(uid);
    markDirty(before.node);
  }

  function onNode(node: V1Node) {
    if (stopped) return;
    let facts: NodeFacts;
    try {
      facts = nodeFacts(node);
    } catch (err) {
      logger.warn({ err, node: node.metadata?.name }, 'node not understood; not written');
      return;
    }
    const key = JSON.stringify(facts);
    if (writtenFacts.get(facts.name) === key) return;
    void serial(`node ${facts.name}`, async () => {
      const load = loadOf(facts.name);
      await repo.upsertFacts(db, facts, deps.clock.now(), load);
      writtenFacts.set(facts.name, key);
      writtenLoad.set(facts.name, JSON.stringify(load));
    });
  }

  function onNodeDeleted(node: V1Node) {
    const name = node.metadata?.name;
    if (!name || stopped) return;
    writtenFacts.delete(name);
    writtenLoad.delete(name);
    void serial(`node ${name} gone`, () => repo.markGone(db, name, deps.clock.now()));
  }

  const onError = (kind: string) => (err: Error) => logger.warn({ err, kind }, 'workers informer error; restarting');

  return {
    async start() {
      stopped = false;
      const resyncMs = deps.resyncMs ?? 60_000;
      nodes = deps.kube.watch<V1Node>(
        { apiVersion: 'v1', kind: 'Node', resyncMs },
        { add: onNode, update: onNode, delete: onNodeDeleted, error: onError('Node') },
      );
      pods = deps.kube.watch<V1Pod>(
        { apiVersion: 'v1', kind: 'Pod' },
        { add: onPod, update: onPod, delete: onPodDeleted, error: onError('Pod') },
      );
      const [nodesSynced] = await Promise.all(
        [nodes, pods].map((w) =>
          w.synced.then(
            () => true,
            (err) => {
              logger.warn({ err }, 'workers informer not synced yet');
              return false;
            },
          ),
        ),
      );
      // Nodes deleted while no worker watched: only once the first list is in, never from an empty cache.
      if (nodesSynced && !stopped) {
        const present = nodes.list().map((n) => n.metadata!.name!);
        await serial('gone nodes', async () => {
          const gone = await repo.markGoneExcept(db, present, deps.clock.now());
          if (gone.length > 0) logger.info({ gone }, 'workers gone while unwatched');
        });
        for (const name of present) markDirty(name);
      }
    },
    async stop() {
      stopped = true;
      await Promise.all([nodes?.stop(), pods?.stop()]);
      nodes = undefined;
      pods = undefined;
      await chain;
    },
    /** Resolves once every write queued so far is done (tests). */
    settled: () => chain,
  };
}

export type NodeInformer = ReturnType<typeof createNodeInformer>;
