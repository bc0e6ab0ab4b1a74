import { Socket } from 'node:net';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { withTimeout } from '../timeout.js';

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection. Caches that mirror rows subscribe to the
 * channel their tables' triggers notify on, and drop everything on `onReset` (connect, reconnect,
 * disconnect), because notifications sent while not listening are lost. While not `live`, callers must
 * not trust a cache at all.
 *
 * A connection can die without a word (a dropped NAT entry, a failed-over server): TCP keepalive keeps
 * idle paths open, a heartbeat round trip every `heartbeatMs` and every barrier must answer within
 * `timeoutMs`, and one that does not marks the listener lost (caches dropped and bypassed) and reconnects.
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
   * Never rejects and never waits longer than `timeoutMs`: when the round trip fails or does not answer
   * in time, the listener is marked lost first, so caches are dropped and bypassed and the caller's
   * next read goes to PostgreSQL, which already holds the commit. A write that committed still answers.
   */
  barrier(): Promise<void>;
  close(): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function createPgListener(options: {
  url: string;
  logger: Logger;
  reconnectMs?: number;
  /** How often an idle connection is checked with a round trip. */
  heartbeatMs?: number;
  /** How long a heartbeat or barrier round trip may take before the connection is declared dead. */
  timeoutMs?: number;
}): PgListener {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const resetHandlers: (() => void)[] = [];
  let client: pg.Client | undefined;
  /** The socket under `client`, so a silent dead connection can be torn down without a goodbye. */
  let socket: Socket | undefined;
  let live = false;
  let closed = false;
  let connecting: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const roundTrip = async () => {
    const current = client;
    if (!current) return;
    try {
      await withTimeout(current.query('select 1'), timeoutMs, 'PostgreSQL listener connection did not answer');
    } catch (err) {
      if (client === current) lost(err as Error);
    }
  };

  /** One round trip, shared with a barrier in flight (which is one). */
  const heartbeat = () => {
    if (!live || running) return;
    running = roundTrip().finally(() => {
      running = undefined;
    });
  };

  const reset = () => {
    for (const handler of resetHandlers) handler();
  };

  const lost = (err?: Error) => {
    if (!live && !client) return;
    live = false;
    clearInterval(heartbeatTimer);
    client?.removeAllListeners();
    client?.on('error', () => {});
    client?.end().catch(() => {});
    // end() waits for the server's goodbye, which a dead connection never sends.
    socket?.destroy();
    client = undefined;
    socket = undefined;
    reset();
    if (!closed) {
      options.logger.warn({ err }, 'PostgreSQL notifications lost; reconnecting');
      retryTimer = setTimeout(() => void connect(), options.reconnectMs ?? 1_000);
    }
  };

  const connect = (): Promise<void> => {
    if (connecting || closed) return connecting ?? Promise.resolve();
    connecting = (async () => {
      let nextSocket: Socket | undefined;
      const next = new pg.Client({
        connectionString: options.url,
        application_name: 'kapal-listener',
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: timeoutMs,
        stream: () => {
          nextSocket = new Socket();
          return nextSocket;
        },
      });
      try {
        next.on('error', (err) => lost(err));
        next.on('end', () => lost());
        next.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
        });
        await next.connect();
        for (const channel of handlers.keys()) {
          await withTimeout(next.query(`LISTEN ${channel}`), timeoutMs, 'PostgreSQL did not answer LISTEN');
        }
        if (closed) throw new Error('listener closed while connecting');
        client = next;
        socket = nextSocket;
        live = true;
        heartbeatTimer = setInterval(heartbeat, heartbeatMs);
        heartbeatTimer.unref();
        // Anything cached before this moment may have missed a notification.
        reset();
      } catch (err) {
        next.removeAllListeners();
        next.on('error', () => {});
        nextSocket?.destroy();
        await next.end().catch(() => {});
        if (!closed) {
          retryTimer = setTimeout(() => void connect(), options.reconnectMs ?? 1_000);
          options.logger.warn({ err }, 'cannot listen for PostgreSQL notifications; will retry');
        }
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
      clearInterval(heartbeatTimer);
      await connecting;
      live = false;
      const current = client;
      const currentSocket = socket;
      client = undefined;
      socket = undefined;
      current?.removeAllListeners();
      current?.on('error', () => {});
      await withTimeout(current?.end() ?? Promise.resolve(), timeoutMs, 'PostgreSQL did not say goodbye').catch(() =>
        currentSocket?.destroy(),
      );
    },
  };
}
