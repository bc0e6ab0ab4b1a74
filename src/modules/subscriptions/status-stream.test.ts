import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { AppError } from '../../platform/errors.js';
import { createStatusStreams, STATUS_CHANGED_CHANNEL } from './status-stream.js';

/**
 * The fan-out on its own, fed by a listener in memory: what a stream says and when (pings, resync, a
 * `ready` that waits for a live listener), the bounds, and the bookkeeping. The integration test
 * (status-stream.integration.test.ts) runs it over HTTP on PostgreSQL's real notifications.
 */
function memoryListener() {
  const handlers: ((payload: string) => void)[] = [];
  const resets: (() => void)[] = [];
  const listener = {
    live: true,
    channels: [] as string[],
    subscribe(channel: string, handler: (payload: string) => void) {
      listener.channels.push(channel);
      handlers.push(handler);
    },
    onReset(handler: () => void) {
      resets.push(handler);
    },
    notify(payload: unknown) {
      for (const handler of handlers) handler(typeof payload === 'string' ? payload : JSON.stringify(payload));
    },
    reset(live: boolean) {
      listener.live = live;
      for (const handler of resets) handler();
    },
  };
  return listener;
}

function read(stream: Readable) {
  const seen = { text: '', ended: false };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    seen.text += chunk;
  });
  stream.on('end', () => {
    seen.ended = true;
  });
  return seen;
}

const logger = pino({ level: 'silent' });
const READY = 'retry: 5000\n\nevent: ready\ndata: {}\n\n';

describe('status streams', () => {
  it("listens on one channel and sends a user only their own rows' changes, without the owner", async () => {
    const changes = memoryListener();
    const counts: number[] = [];
    const streams = createStatusStreams({ changes, logger, onCount: (n) => counts.push(n) });
    expect(changes.channels).toEqual([STATUS_CHANGED_CHANNEL]);
    const ayu = randomUUID();
    const budi = randomUUID();
    const mine = read(streams.open(ayu));
    const theirs = read(streams.open(budi));
    const pod = randomUUID();
    changes.notify({ userId: ayu, kind: 'pod', id: pod, status: 'RUNNING' });
    changes.notify('not json');
    changes.notify({ userId: ayu, kind: 'node', id: pod, status: 'RUNNING' });
    await waitFor(() => mine.text.length > READY.length, { what: 'the status event' });
    expect(mine.text).toBe(`${READY}event: status\ndata: {"kind":"pod","id":"${pod}","status":"RUNNING"}\n\n`);
    expect(theirs.text).toBe(READY);
    expect(streams.size).toBe(2);
    expect(counts).toEqual([1, 2]);
    streams.close();
  });

  it('pings every pingMs, and says resync on every reset of the listener', async () => {
    const changes = memoryListener();
    const streams = createStatusStreams({ changes, logger, pingMs: 20 });
    const seen = read(streams.open(randomUUID()));
    await waitFor(() => seen.text.includes(': ping\n\n'), { what: 'a ping' });
    changes.reset(false);
    changes.reset(true);
    await waitFor(() => seen.text.split('event: resync\ndata: {}\n\n').length === 3, { what: 'two resyncs' });
    streams.close();
  });

  it('holds ready back while the listener is not live, and sends it (not resync) once it is', async () => {
    const changes = memoryListener();
    changes.live = false;
    const streams = createStatusStreams({ changes, logger });
    const userId = randomUUID();
    const seen = read(streams.open(userId));
    changes.notify({ userId, kind: 'subscription', id: randomUUID(), status: 'ACTIVE' });
    changes.reset(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.text).toBe('retry: 5000\n\n');
    changes.reset(true);
    await waitFor(() => seen.text === READY, { what: 'ready' });
    streams.close();
  });

  it('refuses a stream past the per-user and the per-process bound with RATE_LIMITED', () => {
    const streams = createStatusStreams({ changes: memoryListener(), logger, perUser: 2, total: 3 });
    const ayu = randomUUID();
    const first = streams.open(ayu);
    streams.open(ayu);
    const refused = (() => {
      try {
        streams.open(ayu);
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).headers).toEqual({ 'retry-after': '5' });
    streams.open(randomUUID());
    expect(() => streams.open(randomUUID())).toThrow(/Too many event streams are open on this server/);
    expect(streams.size).toBe(3);
    first.destroy();
    return waitFor(() => streams.size === 2, { what: 'the destroyed stream to be forgotten' }).then(() => {
      streams.open(ayu);
      streams.close();
    });
  });

  it('ends every stream on close and refuses new ones', async () => {
    const streams = createStatusStreams({ changes: memoryListener(), logger });
    const seen = [read(streams.open(randomUUID())), read(streams.open(randomUUID()))];
    streams.close();
    await waitFor(() => seen.every((s) => s.ended) && streams.size === 0, { what: 'the streams to end' });
    expect(() => streams.open(randomUUID())).toThrow(/shutting down/);
  });
});
