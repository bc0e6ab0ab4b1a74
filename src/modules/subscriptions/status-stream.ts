import { PassThrough, type Readable } from 'node:stream';
import { z } from 'zod';
import type { PgListener } from '../../platform/db/pg-listener.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';

/** Notified by the row triggers of migration 0016 when a subscription's or a pod's status changes. */
export const STATUS_CHANGED_CHANNEL = 'kapal_status_changed';
/** Open streams one user may have in one API process (a few browser tabs); the next is 429. */
export const MAX_STREAMS_PER_USER = 5;
/** Open streams in one API process, everyone's together; the next is 429. */
export const MAX_STREAMS = 5_000;
/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const PING_EVERY_MS = 25_000;
/** How long a browser's EventSource waits before it reconnects (the `retry:` field). */
export const RECONNECT_MS = 5_000;
/** A client that leaves this much unread is dropped (it reconnects and fetches afresh). */
const MAX_UNREAD_BYTES = 64 * 1024;

/** Written by the trigger (trusted); checked so a stray payload on the channel is dropped, not sent. */
const notification = z.object({
  userId: z.string().min(1).max(64),
  kind: z.enum(['subscription', 'pod']),
  id: z.string().min(1).max(64),
  /** Null when the row was deleted. */
  status: z.string().max(32).nullable(),
});

/** What a stream tells its user about one row: never whose it is (it is theirs). */
export type StatusChange = Omit<z.infer<typeof notification>, 'userId'>;

/** A stream not opened: the client may try again after its reconnection delay. */
const refused = (code: 'RATE_LIMITED' | 'DEPENDENCY_UNAVAILABLE', message: string) =>
  new AppError(code, message, undefined, { 'retry-after': String(RECONNECT_MS / 1000) });

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const READY = frame('ready', {});
const RESYNC = frame('resync', {});
const PING = ': ping\n\n';

interface Client {
  userId: string;
  out: PassThrough;
  /** `ready` was sent: from here on the client holds a fetched state that events update. */
  ready: boolean;
}

export interface StatusStreams {
  /**
   * A new server-sent event stream of the user's status changes, to send as the answer's body; throws
   * RATE_LIMITED (429) past the per-user or per-process bound, DEPENDENCY_UNAVAILABLE (503) once closed.
   * It ends when `close` is called; destroy it when the client goes away.
   */
  open(userId: string): Readable;
  /** Open streams in this process. */
  readonly size: number;
  /**
   * Ends every stream (the process is shutting down: clients reconnect elsewhere; one that does not read
   * is cut after a second) and refuses new ones.
   */
  close(): void;
}

/**
 * The live status behind GET /api/v1/events. One subscription to the PostgreSQL listener per process,
 * fanned out in memory to the open streams of the user each notification names (userId -> streams), so
 * a stream costs no database connection.
 *
 * A stream first says `retry:` and then `event: ready` once the listener is live (at once, normally):
 * the client fetches what it shows, and each `event: status` updates one row of it. Whenever the listener
 * resets (lost or reconnected: notifications may have been missed), every ready stream gets
 * `event: resync` and the client fetches everything again.
 */
export function createStatusStreams(options: {
  changes: Pick<PgListener, 'subscribe' | 'onReset' | 'live'>;
  logger: Logger;
  /** Told the number of open streams whenever it changes (the gauge). */
  onCount?: (open: number) => void;
  perUser?: number;
  total?: number;
  pingMs?: number;
}): StatusStreams {
  const { changes, logger } = options;
  const perUser = options.perUser ?? MAX_STREAMS_PER_USER;
  const total = options.total ?? MAX_STREAMS;
  const pingMs = options.pingMs ?? PING_EVERY_MS;
  const byUser = new Map<string, Set<Client>>();
  let open = 0;
  let closed = false;
  let pinger: NodeJS.Timeout | undefined;

  const clients = function* () {
    for (const set of byUser.values()) yield* set;
  };

  const send = (client: Client, text: string) => {
    const { out } = client;
    if (out.destroyed || out.writableEnded) return;
    if (out.writableLength > MAX_UNREAD_BYTES) {
      logger.warn({ userId: client.userId }, 'event stream client does not read; dropping it');
      out.destroy();
      return;
    }
    out.write(text);
  };

  const counted = () => options.onCount?.(open);

  const remove = (client: Client) => {
    const set = byUser.get(client.userId);
    if (!set?.delete(client)) return;
    if (set.size === 0) byUser.delete(client.userId);
    open--;
    if (open === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
    counted();
  };

  changes.subscribe(STATUS_CHANGED_CHANNEL, (payload) => {
    if (open === 0) return;
    let parsed: z.infer<typeof notification>;
    try {
      parsed = notification.parse(JSON.parse(payload));
    } catch (err) {
      logger.warn({ err }, 'unreadable status notification');
      return;
    }
    const mine = byUser.get(parsed.userId);
    if (!mine) return;
    const text = frame('status', { kind: parsed.kind, id: parsed.id, status: parsed.status } satisfies StatusChange);
    for (const client of mine) if (client.ready) send(client, text);
  });

  changes.onReset(() => {
    const live = changes.live;
    for (const client of clients()) {
      if (client.ready) send(client, RESYNC);
      else if (live) {
        client.ready = true;
        send(client, READY);
      }
    }
  });

  return {
    open(userId) {
      if (closed) throw refused('DEPENDENCY_UNAVAILABLE', 'The server is shutting down; reconnect');
      const mine = byUser.get(userId);
      if ((mine?.size ?? 0) >= perUser) {
        throw refused('RATE_LIMITED', `At most ${perUser} event streams may be open at a time; close one first`);
      }
      if (open >= total) throw refused('RATE_LIMITED', 'Too many event streams are open on this server; retry later');
      const client: Client = { userId, out: new PassThrough(), ready: false };
      if (mine) mine.add(client);
      else byUser.set(userId, new Set([client]));
      open++;
      counted();
      client.out.once('close', () => remove(client));
      pinger ??= setInterval(() => {
        for (const c of clients()) send(c, PING);
      }, pingMs).unref();

      send(client, `retry: ${RECONNECT_MS}\n\n`);
      // Not live: notifications would be missed, so `ready` waits for the listener's next (live) reset.
      if (changes.live) {
        client.ready = true;
        send(client, READY);
      }
      return client.out;
    },
    get size() {
      return open;
    },
    close() {
      closed = true;
      const ending = [...clients()];
      for (const client of ending) client.out.end();
      // A client that does not read would keep its answer (and the server's close) open: cut it.
      setTimeout(() => {
        for (const client of ending) client.out.destroy();
      }, 1_000).unref();
    },
  };
}
