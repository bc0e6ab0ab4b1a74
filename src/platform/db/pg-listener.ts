import pg from 'pg';
import type { Logger } from '../logger.js';

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection. Caches that mirror rows subscribe to the
 * channel their tables' triggers notify on, and drop everything on `onReset` (connect, reconnect,
 * disconnect), because notifications sent while not listening are lost. While not `live`, callers must
 * not trust a cache at all.
 */
export interface PgListener {
  subscribe(channel: string, handler: (payload: string) => void): void;
  onReset(handler: () => void): void;
  /** True while connected and listening, so every committed change is being delivered. */
  readonly live: boolean;
  /**
   * Resolves once every notification committed before the call has reached the handlers. PostgreSQL
   * signals listeners before a commit returns, and delivers pending notifications before it answers a
   * query on the listening connection, so one round trip on that connection is the barrier.
   */
  barrier(): Promise<void>;
  close(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function createPgListener(options: { url: string; logger: Logger; reconnectMs?: number }): PgListener {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const resetHandlers: (() => void)[] = [];
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let connecting: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const roundTrip = async () => {
    try {
      await client?.query('select 1');
    } catch (err) {
      lost(err as Error);
    }
  };

  const reset = () => {
    for (const handler of resetHandlers) handler();
  };

  const lost = (err?: Error) => {
    if (!live && !client) return;
    live = false;
    client?.removeAllListeners();
    client?.on('error', () => {});
    client?.end().catch(() => {});
    client = undefined;
    reset();
    if (!closed) {
      options.logger.warn({ err }, 'PostgreSQL notifications lost; reconnecting');
      retryTimer = setTimeout(() => void connect(), options.reconnectMs ?? 1_000);
    }
  };

  const connect = (): Promise<void> => {
    if (connecting || closed) return connecting ?? Promise.resolve();
    connecting = (async () => {
      const next = new pg.Client({ connectionString: options.url, application_name: 'kapal-listener' });
      try {
        next.on('error', (err) => lost(err));
        next.on('end', () => lost());
        next.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
        });
        await next.connect();
        for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`);
        client = next;
        live = true;
        // Anything cached before this moment may have missed a notification.
        reset();
      } catch (err) {
        next.removeAllListeners();
        next.on('error', () => {});
        await next.end().catch(() => {});
        if (!closed) retryTimer = setTimeout(() => void connect(), options.reconnectMs ?? 1_000);
        options.logger.warn({ err }, 'cannot listen for PostgreSQL notifications; will retry');
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  const barrier = (): Promise<void> => {
    if (!live || !client) return Promise.resolve();
    // Callers that arrive while a round trip is in flight share the next one: their commits happened
    // before it is sent, so it covers them all.
    if (!running) {
      running = roundTrip().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running.then(() => {
      next = undefined;
      return barrier();
    });
    return next;
  };

  return {
    subscribe(channel, handler) {
      if (!IDENTIFIER.test(channel)) throw new Error(`Invalid channel name ${channel}`);
      const known = handlers.get(channel);
      if (known) {
        known.push(handler);
        return;
      }
      handlers.set(channel, [handler]);
      if (client && live) client.query(`LISTEN ${channel}`).catch((err) => lost(err));
      else void connect();
    },
    onReset(handler) {
      resetHandlers.push(handler);
    },
    get live() {
      return live;
    },
    barrier,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await connecting;
      live = false;
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      current?.on('error', () => {});
      await current?.end().catch(() => {});
    },
  };
}
