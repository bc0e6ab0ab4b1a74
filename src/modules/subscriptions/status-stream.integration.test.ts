import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { anEndedPodOf } from '../../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { MAX_STREAMS_PER_USER } from './status-stream.js';
import { subscriptionsRepository } from './subscriptions.repository.js';

interface Frame {
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** One block of a text/event-stream (the lines before a blank line). */
function parseFrame(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data = line.slice(6);
    else if (line.startsWith('retry: ')) frame.retry = Number(line.slice(7));
  }
  return frame;
}

/**
 * GET /api/v1/events over a real HTTP connection (the app listening on 127.0.0.1), fed by the triggers of
 * migration 0016 through the process's one PostgreSQL listener. Rows are changed the way the informers and
 * the lifecycle change them: with the repository or SQL on this test's database.
 */
describe('GET /api/v1/events: live status as server-sent events', () => {
  let t: TestRuntime;
  let base: string;
  let ayu: TestUser;
  let budi: TestUser;
  let ayuApp: { subscriptionId: string; podId: string };
  let budiApp: { subscriptionId: string; podId: string };
  const streams: { close(): void }[] = [];

  async function openStream(headers: Record<string, string>) {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/events`, { headers, signal: controller.signal });
    const frames: Frame[] = [];
    let ended = false;
    let cursor = 0;
    if (res.ok && res.body) {
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
          if (chunk.done) break;
          buffer += chunk.value;
          for (let at = buffer.indexOf('\n\n'); at !== -1; at = buffer.indexOf('\n\n')) {
            frames.push(parseFrame(buffer.slice(0, at)));
            buffer = buffer.slice(at + 2);
          }
        }
        ended = true;
      })();
    }
    const stream = {
      res,
      frames,
      get ended() {
        return ended;
      },
      /** The status events received so far, parsed. */
      statuses: () =>
        frames
          .filter((f) => f.event === 'status')
          .map((f) => JSON.parse(f.data!) as { kind: string; id: string; status: string | null }),
      /** The next frame (after those already taken) that `match`es. */
      next: (match: (f: Frame) => boolean, what = 'an event') =>
        waitFor(
          () => {
            const at = frames.findIndex((f, i) => i >= cursor && match(f));
            if (at === -1) return undefined;
            cursor = at + 1;
            return frames[at]!;
          },
          { what },
        ),
      close: () => controller.abort(),
    };
    streams.push(stream);
    return stream;
  }

  const status = (kind: string, id: string, value: string | null) => (f: Frame) =>
    f.event === 'status' && f.data === JSON.stringify({ kind, id, status: value });

  const openStreams = () =>
    t.runtime.metrics.registry
      .getSingleMetricAsString('kapal_event_streams')
      .then((text) => Number(/^kapal_event_streams (\d+)$/m.exec(text)?.[1]));

  beforeAll(async () => {
    // A short request timeout: the streams below must outlive it.
    t = await startTestRuntime({ env: { HTTP_REQUEST_TIMEOUT_MS: '1000' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
    base = `http://127.0.0.1:${address.port}`;
    ayu = await createUserWithToken(t);
    budi = await createUserWithToken(t);
    ayuApp = await anEndedPodOf(t.runtime.database.db, ayu.id);
    budiApp = await anEndedPodOf(t.runtime.database.db, budi.id);
    await waitFor(() => t.runtime.dbNotifications.live, { what: 'the PostgreSQL listener' });
    // The fixtures' own notifications are behind us before any stream opens.
    await t.runtime.dbNotifications.barrier();
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  it('refuses an anonymous caller with 401 and the error envelope', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('answers an event stream with the request id and security headers, then retry and ready', async () => {
    const stream = await openStream({ ...ayu.headers, 'x-request-id': 'events-test-1' });
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers.get('cache-control')).toBe('no-cache');
    expect(stream.res.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.res.headers.get('x-request-id')).toBe('events-test-1');
    expect(stream.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    await waitFor(() => stream.frames.length >= 2, { what: 'the first two frames' });
    expect(stream.frames.slice(0, 2)).toEqual([{ retry: 5000 }, { event: 'ready', data: '{}' }]);
    stream.close();
    await waitFor(async () => (await openStreams()) === 0, { what: 'the closed stream to be forgotten' });
  });

  it("sends each user their own subscriptions' and pods' status changes, and nobody else's", async () => {
    const mine = await openStream(ayu.headers);
    const theirs = await openStream(budi.headers);
    await mine.next((f) => f.event === 'ready', 'ready');
    await theirs.next((f) => f.event === 'ready', 'ready');
    expect(await openStreams()).toBe(2);

    // The informer's write: the whole observation, status included.
    await subscriptionsRepository.updatePod(t.runtime.database.db, ayuApp.podId, {
      status: 'RUNNING',
      restarts: 0,
      readyReplicas: 1,
      availableReplicas: 1,
      lastObservedAt: new Date(),
    });
    await mine.next(status('pod', ayuApp.podId, 'RUNNING'), "Ayu's pod RUNNING");
    // The lifecycle's write of a subscription's status.
    await t.runtime.database.db.execute(
      sql`update subscriptions set status = 'SUSPENDED', suspended_at = now() where id = ${ayuApp.subscriptionId}`,
    );
    await mine.next(status('subscription', ayuApp.subscriptionId, 'SUSPENDED'), "Ayu's subscription SUSPENDED");

    // Budi's change commits after Ayu's: had Ayu's reached his stream, it would be there before his own.
    await subscriptionsRepository.updatePod(t.runtime.database.db, budiApp.podId, { status: 'DEGRADED', restarts: 3 });
    await theirs.next(status('pod', budiApp.podId, 'DEGRADED'), "Budi's pod DEGRADED");
    expect(theirs.statuses()).toEqual([{ kind: 'pod', id: budiApp.podId, status: 'DEGRADED' }]);
    expect(mine.statuses().map((s) => s.id)).not.toContain(budiApp.podId);
    // The event names the row, never its owner.
    expect(mine.frames.some((f) => f.data?.includes(ayu.id))).toBe(false);

    // An observation that leaves the status as it is says nothing; the next change does.
    await subscriptionsRepository.updatePod(t.runtime.database.db, ayuApp.podId, { status: 'RUNNING', restarts: 1 });
    await subscriptionsRepository.updatePod(t.runtime.database.db, ayuApp.podId, { status: 'DEGRADED', restarts: 2 });
    await mine.next(status('pod', ayuApp.podId, 'DEGRADED'), "Ayu's pod DEGRADED");
    expect(mine.statuses().filter((s) => s.id === ayuApp.podId)).toEqual([
      { kind: 'pod', id: ayuApp.podId, status: 'RUNNING' },
      { kind: 'pod', id: ayuApp.podId, status: 'DEGRADED' },
    ]);

    // A new subscription and pod are announced; a deleted one (its pod goes with it) has a null status.
    const added = await anEndedPodOf(t.runtime.database.db, ayu.id);
    await mine.next(status('subscription', added.subscriptionId, 'ACTIVE'), 'the new subscription');
    await mine.next(status('pod', added.podId, 'TERMINATED'), 'the new pod');
    await t.runtime.database.db.execute(sql`delete from subscriptions where id = ${added.subscriptionId}`);
    const gone = [
      await mine.next(
        (f) => f.event === 'status' && f.data!.includes(added.subscriptionId),
        'the deleted subscription',
      ),
      await mine.next((f) => f.event === 'status' && f.data!.includes(added.podId), 'the deleted pod'),
    ];
    expect(gone.map((f) => JSON.parse(f.data!).status)).toEqual([null, null]);

    mine.close();
    theirs.close();
    await waitFor(async () => (await openStreams()) === 0, { what: 'both streams to be forgotten' });
  });

  it('outlives HTTP_REQUEST_TIMEOUT_MS, which cuts a request that does not arrive in time', async () => {
    const stream = await openStream(ayu.headers);
    await stream.next((f) => f.event === 'ready', 'ready');
    // A request whose headers never finish: the server gives up on it after the request timeout (1 s).
    const slow = connect(Number(new URL(base).port), '127.0.0.1');
    slow.on('error', () => {});
    slow.resume();
    slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise<void>((resolve) => slow.once('close', () => resolve()));
    // The stream, older than that request, still delivers.
    expect(stream.ended).toBe(false);
    await subscriptionsRepository.updatePod(t.runtime.database.db, ayuApp.podId, { status: 'RUNNING' });
    await stream.next(status('pod', ayuApp.podId, 'RUNNING'), 'a change after the request timeout');
    stream.close();
    await waitFor(async () => (await openStreams()) === 0, { what: 'the stream to be forgotten' });
  });

  it(`refuses a user's stream past ${MAX_STREAMS_PER_USER} with 429 RATE_LIMITED, and a closed one frees a place`, async () => {
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) open.push(await openStream(budi.headers));
    for (const stream of open) expect(stream.res.status).toBe(200);
    const refused = await fetch(`${base}/api/v1/events`, { headers: budi.headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    const body = (await refused.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.requestId).toBe(refused.headers.get('x-request-id'));
    // Another user is not held to Budi's bound.
    const other = await openStream(ayu.headers);
    expect(other.res.status).toBe(200);
    expect(await openStreams()).toBe(MAX_STREAMS_PER_USER + 1);

    open[0]!.close();
    await waitFor(async () => (await openStreams()) === MAX_STREAMS_PER_USER, { what: 'the closed stream forgotten' });
    const again = await openStream(budi.headers);
    expect(again.res.status).toBe(200);
    for (const stream of [...open, other, again]) stream.close();
    await waitFor(async () => (await openStreams()) === 0, { what: 'every stream to be forgotten' });
  });

  it('says resync when the PostgreSQL listener loses its connection, and delivers again once it is back', async () => {
    const stream = await openStream(ayu.headers);
    await stream.next((f) => f.event === 'ready', 'ready');
    await t.runtime.database.db.execute(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
       where application_name = 'kapal-listener' and datname = current_database()`);
    await stream.next((f) => f.event === 'resync', 'resync');
    await waitFor(() => t.runtime.dbNotifications.live, { what: 'the listener to reconnect' });
    await subscriptionsRepository.updatePod(t.runtime.database.db, ayuApp.podId, { status: 'STOPPED' });
    await stream.next(status('pod', ayuApp.podId, 'STOPPED'), 'a change after the reconnection');
    stream.close();
  });
});

describe('GET /api/v1/events when the app closes', () => {
  let t: TestRuntime;
  afterAll(() => t.close());

  it('ends every stream, and the close does not wait for the clients', async () => {
    t = await startTestRuntime();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
    await waitFor(() => t.runtime.dbNotifications.live, { what: 'the PostgreSQL listener' });
    const streams = await Promise.all(
      [await createUserWithToken(t), await createUserWithToken(t)].map(async (user) => {
        const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/events`, { headers: user.headers });
        let text = '';
        const done = (async () => {
          for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) text += chunk;
          return text;
        })();
        await waitFor(() => text.includes('event: ready'), { what: 'ready' });
        // Wrapped: an async function returning the promise itself would wait for it.
        return { body: done };
      }),
    );

    const started = Date.now();
    await t.app.close();
    // Without ending the streams, the close would wait for clients that never hang up.
    expect(Date.now() - started).toBeLessThan(2_000);
    const bodies = await Promise.all(streams.map((s) => s.body));
    for (const body of bodies) expect(body).toBe('retry: 5000\n\nevent: ready\ndata: {}\n\n');
    const gauge = await t.runtime.metrics.registry.getSingleMetricAsString('kapal_event_streams');
    expect(gauge).toMatch(/^kapal_event_streams 0$/m);
  });
});
