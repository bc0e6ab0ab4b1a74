import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { KubeClient, WatchState } from '../../platform/kube/kube-client.js';
import type { Redis } from '../../platform/redis.js';

/** A worker process publishes its informers' state this often, under a key that lives 3 times as long. */
export const INFORMER_STATE_EVERY_MS = 5_000;
const TTL_SECONDS = Math.ceil((3 * INFORMER_STATE_EVERY_MS) / 1000);
/** The debug view reads at most this many processes' states. */
const MAX_PROCESSES = 50;

export interface ProcessInformers {
  process: string;
  publishedAt: string;
  watches: WatchState[];
}

const keyPrefix = (prefix: string) => `${prefix}:cluster:informers:`;

/**
 * In a worker: the informers run here, the API reads their state from Redis. One small JSON value per
 * process, refreshed every INFORMER_STATE_EVERY_MS with a TTL, so a process that died drops out by itself.
 */
export function createInformerStatePublisher(deps: {
  redis: Pick<Redis, 'set' | 'del'>;
  kube: Pick<KubeClient, 'watchStates'>;
  prefix: string;
  logger: { warn(obj: object, msg: string): void };
  everyMs?: number;
}) {
  const process_ = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const key = `${keyPrefix(deps.prefix)}${process_}`;
  let timer: NodeJS.Timeout | undefined;

  async function publish() {
    const value: ProcessInformers = {
      process: process_,
      publishedAt: new Date().toISOString(),
      watches: deps.kube.watchStates(),
    };
    await deps.redis.set(key, JSON.stringify(value), 'EX', TTL_SECONDS);
  }
  const publishQuietly = () =>
    publish().catch((err) => deps.logger.warn({ err }, 'informer state: could not publish to Redis'));

  return {
    async start() {
      await publishQuietly();
      timer = setInterval(publishQuietly, deps.everyMs ?? INFORMER_STATE_EVERY_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await deps.redis.del(key).catch(() => {});
    },
  };
}

/** In the API: every worker process's published informer state (those seen within the TTL). */
export async function readInformerStates(
  redis: Pick<Redis, 'scan' | 'mget'>,
  prefix: string,
): Promise<ProcessInformers[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${keyPrefix(prefix)}*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0' && keys.length < MAX_PROCESSES);
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys.slice(0, MAX_PROCESSES));
  const states: ProcessInformers[] = [];
  for (const value of values) {
    if (!value) continue;
    try {
      states.push(JSON.parse(value) as ProcessInformers);
    } catch {
      // A value that is not ours: skip it rather than fail the view.
    }
  }
  return states.sort((a, b) => a.process.localeCompare(b.process));
}
