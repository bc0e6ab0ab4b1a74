import { describe, expect, it } from 'vitest';
import type { PublicServiceView } from './catalog.http.js';
import { CATALOG_CHANGED_CHANNEL, createAnswerCache, createPublicCatalog } from './catalog-cache.js';

/** The notifications side of a PgListener, driven by the test. */
function fakeChanges() {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const resets: (() => void)[] = [];
  return {
    live: true,
    subscribe(channel: string, handler: (payload: string) => void) {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    },
    onReset(handler: () => void) {
      resets.push(handler);
    },
    notify(channel: string, payload = '') {
      for (const handler of handlers.get(channel) ?? []) handler(payload);
    },
    reset() {
      for (const handler of resets) handler();
    },
  };
}

function counted<T>(values: () => T) {
  const load = () => {
    load.calls++;
    return Promise.resolve(values());
  };
  load.calls = 0;
  return load;
}

const cacheWith = (changes: ReturnType<typeof fakeChanges>, maxEntries = 10) =>
  createAnswerCache<string>({ changes, channel: 'ch', maxEntries, ttlMs: 60_000 });

describe('answer cache', () => {
  it('answers a hit synchronously without loading again, until a notification drops it', async () => {
    const changes = fakeChanges();
    const cache = cacheWith(changes);
    let version = 1;
    const load = counted(() => `v${version}`);
    expect(await cache.get('k', load)).toBe('v1');
    expect(cache.get('k', load)).toBe('v1');
    expect(load.calls).toBe(1);

    version = 2;
    changes.notify('ch', 'plans');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', load)).toBe('v2');
    expect(load.calls).toBe(2);
  });

  it('loads every time and keeps nothing while the listener is not live, and starts empty after a reset', async () => {
    const changes = fakeChanges();
    const cache = cacheWith(changes);
    const load = counted(() => 'v');
    await cache.get('k', load);
    changes.live = false;
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load.calls).toBe(3);
    changes.reset();
    expect(cache.size).toBe(0);
    changes.live = true;
    await cache.get('k', load);
    expect(cache.get('k', load)).toBe('v');
    expect(load.calls).toBe(4);
  });

  it('does not keep an answer read while a change arrived, and a later miss does not join that read', async () => {
    const changes = fakeChanges();
    const cache = cacheWith(changes);
    let release: (value: string) => void = () => {};
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    changes.notify('ch');
    const fresh = counted(() => 'new');
    expect(await cache.get('k', fresh)).toBe('new');
    release('old');
    expect(await slow).toBe('old');
    expect(cache.get('k', fresh)).toBe('new');
    expect(fresh.calls).toBe(1);
  });

  it('shares one load among concurrent misses of a key, and keeps no failure', async () => {
    const changes = fakeChanges();
    const cache = cacheWith(changes);
    const load = counted(() => 'v');
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect([a, b, load.calls]).toEqual(['v', 'v', 1]);

    const failing = () => Promise.reject(new Error('down'));
    await expect(cache.get('x', failing)).rejects.toThrow('down');
    expect(await cache.get('x', load)).toBe('v');
  });

  it('keeps at most maxEntries keys, dropping the least recently used', async () => {
    const changes = fakeChanges();
    const cache = cacheWith(changes, 2);
    const load = counted(() => 'v');
    await cache.get('a', load);
    await cache.get('b', load);
    cache.get('a', load); // a is now the most recently used
    await cache.get('c', load);
    expect(cache.size).toBe(2);
    expect(load.calls).toBe(3);
    expect(cache.get('a', load)).toBe('v'); // still there
    await cache.get('b', load); // was dropped
    expect(load.calls).toBe(4);
  });

  it('expires an entry after ttlMs as a backstop', async () => {
    const changes = fakeChanges();
    let now = 0;
    const cache = createAnswerCache<string>({ changes, channel: 'ch', maxEntries: 10, ttlMs: 1_000, now: () => now });
    const load = counted(() => 'v');
    await cache.get('k', load);
    now = 999;
    cache.get('k', load);
    now = 1_000;
    await cache.get('k', load);
    expect(load.calls).toBe(2);
  });
});

describe('public catalog answers', () => {
  const view = (slug: string, price: number): PublicServiceView => ({
    id: '00000000-0000-4000-8000-000000000001',
    slug,
    name: slug,
    description: '',
    category: null,
    iconUrl: null,
    appVersion: '1.0.0',
    startingPriceMonthlyIdr: price,
    plans: [],
  });

  it('serializes once with the response schema, ETags the bytes, and keys lists by their query', async () => {
    const changes = fakeChanges();
    let price = 100;
    const calls: unknown[] = [];
    const catalog = createPublicCatalog({
      changes,
      service: {
        async listPurchasable(filter) {
          calls.push(filter);
          return [{ ...view('a', price), templateRef: 'not public' } as PublicServiceView];
        },
        async getPurchasable(slug) {
          return view(slug, price);
        },
      },
    });
    const all = await catalog.list({});
    expect(JSON.parse(all.body.toString())).toEqual({ services: [view('a', 100)] }); // templateRef stripped
    expect(all.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(catalog.list({})).toBe(all);
    await catalog.list({ q: 'a' });
    await catalog.list({ category: 'a' });
    expect(calls).toEqual([{}, { q: 'a' }, { category: 'a' }]);

    price = 200;
    changes.notify(CATALOG_CHANGED_CHANNEL, 'plans');
    const changed = await catalog.list({});
    expect(changed.etag).not.toBe(all.etag);
    expect(JSON.parse((await catalog.get('b')).body.toString()).startingPriceMonthlyIdr).toBe(200);
  });
});
