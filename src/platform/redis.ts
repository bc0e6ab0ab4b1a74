import { Redis } from 'ioredis';

export type { Redis };

/**
 * A Redis connection. `forWorker` connections block on BullMQ commands, so they must not give up on
 * a request (maxRetriesPerRequest: null); API connections give up on a command after two reconnects.
 */
export function createRedis(url: string, options: { forWorker?: boolean; name?: string } = {}): Redis {
  const redis = new Redis(url, {
    connectionName: options.name ?? 'kapal',
    maxRetriesPerRequest: options.forWorker ? null : 2,
    lazyConnect: false,
  });
  // Connection errors surface through the commands that fail; the client reconnects by itself.
  redis.on('error', () => {});
  return redis;
}

/**
 * Redis is down or unreachable, not the command at fault: ioredis gave up retrying a command, or the
 * connection is closed or was refused. Callers answer 503.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'MaxRetriesPerRequestError') return true;
  return /^Connection is closed\.?$|^Stream isn't writeable/.test(err.message);
}
