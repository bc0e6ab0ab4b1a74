import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PgListener } from '../../platform/db/pg-listener.js';
import { serializerCompiler } from '../../platform/http/serializer.js';
import { type PublicServiceView, publicServiceView } from './catalog.http.js';

/** Notified by the statement triggers of migration 0006 on every committed change to a catalog table. */
export const CATALOG_CHANGED_CHANNEL = 'kapal_catalog_changed';

/** The 200 answer of GET /services. */
export const publicServiceList = z.object({ services: z.array(publicServiceView) });

/** A public catalog answer ready to send: the serialized JSON body and its strong ETag. */
export interface CatalogAnswer {
  body: Buffer;
  etag: string;
}

type Changes = Pick<PgListener, 'live' | 'subscribe' | 'onReset'>;

/**
 * Answers by key, kept in memory while PostgreSQL notifications are received, the way the session cache
 * is (accounts/session-cache.ts): every notification on the channel drops everything, an answer read
 * while a change arrived is not stored (the epoch moved), and while the listener is not `live` every call
 * loads afresh and nothing is kept. Concurrent misses of one key share one load. At most `maxEntries`
 * keys, least recently used out first; `ttlMs` is a backstop, not the invalidation.
 */
export function createAnswerCache<T>(options: {
  changes?: Changes;
  channel: string;
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const loading = new Map<string, Promise<T>>();
  let epoch = 0;
  const clear = () => {
    epoch++;
    entries.clear();
    loading.clear();
  };
  options.changes?.subscribe(options.channel, clear);
  options.changes?.onReset(clear);

  return {
    /** The stored answer (synchronously, the common case), or a promise of a fresh one from `load`. */
    get(key: string, load: () => Promise<T>): T | Promise<T> {
      if (options.changes?.live !== true) return load();
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        // Least recently used goes first: a hit moves the key to the end of the Map's order.
        entries.delete(key);
        entries.set(key, entry);
        return entry.value;
      }
      const pending = loading.get(key);
      if (pending) return pending;
      const ticket = epoch;
      const promise = load().then(
        (value) => {
          if (ticket !== epoch) return value;
          loading.delete(key);
          entries.delete(key);
          if (entries.size >= options.maxEntries) {
            const oldest = entries.keys().next().value;
            if (oldest !== undefined) entries.delete(oldest);
          }
          entries.set(key, { value, expiresAt: now() + options.ttlMs });
          return value;
        },
        (err: unknown) => {
          if (ticket === epoch) loading.delete(key);
          throw err;
        },
      );
      loading.set(key, promise);
      return promise;
    },
    clear,
    get size() {
      return entries.size;
    },
  };
}

/** The strong ETag of a body: the first 160 bits of its SHA-256, base64url. */
export const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * The public catalog as served: each answer of GET /services (per query) and GET /services/{slug},
 * serialized once with the route's own response schema and hashed once, then served from memory until
 * a catalog table changes (any writer: the admin API, another replica, the seed, manual SQL). Unknown
 * slugs (404) are not kept. Filtered lists are kept by their normalized query among `maxEntries`.
 */
export function createPublicCatalog(deps: {
  service: {
    listPurchasable(filter: { q?: string; category?: string }): Promise<PublicServiceView[]>;
    getPurchasable(slug: string): Promise<PublicServiceView>;
  };
  changes?: Changes;
  maxEntries?: number;
  ttlMs?: number;
}) {
  const cache = createAnswerCache<CatalogAnswer>({
    changes: deps.changes,
    channel: CATALOG_CHANGED_CHANNEL,
    maxEntries: deps.maxEntries ?? 1_000,
    ttlMs: deps.ttlMs ?? 5 * 60_000,
  });
  const serializeList = serializerCompiler({ schema: publicServiceList, method: 'GET', url: '/services' });
  const serializeOne = serializerCompiler({ schema: publicServiceView, method: 'GET', url: '/services/:slug' });
  const answer = (json: string): CatalogAnswer => {
    const body = Buffer.from(json);
    return { body, etag: etagOf(body) };
  };

  return {
    list(query: { q?: string; category?: string }): CatalogAnswer | Promise<CatalogAnswer> {
      const key = `list\n${query.category ?? ''}\n${query.q ?? ''}`;
      return cache.get(key, async () =>
        answer(
          serializeList({ services: await deps.service.listPurchasable({ q: query.q, category: query.category }) }),
        ),
      );
    },
    get(slug: string): CatalogAnswer | Promise<CatalogAnswer> {
      return cache.get(`slug\n${slug}`, async () => answer(serializeOne(await deps.service.getPurchasable(slug))));
    },
    clear: cache.clear,
    get size() {
      return cache.size;
    },
  };
}

export type PublicCatalog = ReturnType<typeof createPublicCatalog>;
