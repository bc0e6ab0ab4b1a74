import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { aCatalogService } from '../../../test/helpers/catalog.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { startTcpProxy, type TcpProxy } from '../../../test/helpers/tcp-proxy.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createPgListener, type PgListener } from '../../platform/db/pg-listener.js';
import { createLogger } from '../../platform/logger.js';

/**
 * The public catalog served from memory against real PostgreSQL notifications (migration 0006's
 * triggers). The LISTEN connection runs through a TCP proxy the test can freeze, to lose it on purpose.
 */
describe('public catalog cache', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let listener: PgListener;
  let t: TestRuntime;
  let admin: TestUser;
  let other: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    listener = createPgListener({
      url: proxied.toString(),
      logger: createLogger({ logLevel: 'silent' }),
      reconnectMs: 50,
      heartbeatMs: 600_000,
      timeoutMs: 500,
    });
    t = await startTestRuntime({ env: { DATABASE_URL: database.url }, overrides: { dbNotifications: listener } });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    // Another process's connection: its changes reach the API only as notifications.
    other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await waitFor(() => listener.live, { what: 'the listener' });
  });
  afterAll(async () => {
    proxy?.thaw();
    await other?.end();
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const slugsOnSale = async () => (await get('/services')).json().services.map((s: { slug: string }) => s.slug);
  /** The price of the fixture's one plan, as the public catalog shows it. */
  const price = async (slug: string) => {
    const res = await get(`/services/${slug}`);
    expect(res.statusCode).toBe(200);
    return res.json().plans[0].priceMonthlyIdr as number;
  };
  const setPrice = (planId: string, priceMonthlyIdr: number) =>
    other.query('update plans set price_monthly_idr = $1 where id = $2', [priceMonthlyIdr, planId]);
  /** A fresh service on sale, its rows' notifications delivered. */
  const aService = async () => {
    const fixture = await aCatalogService(t);
    await listener.barrier();
    return fixture;
  };

  it('answers from memory: a change PostgreSQL does not announce is not seen', async () => {
    const service = await aService();
    expect(await price(service.slug)).toBe(50_000);
    const list = (await get('/services')).body;
    // The trigger off, the change is silent: only an answer from memory still shows the old price.
    await other.query('alter table plans disable trigger plans_catalog_changed');
    try {
      await setPrice(service.planId, 51_000);
      await listener.barrier();
      expect(await price(service.slug)).toBe(50_000);
      expect((await get('/services')).body).toBe(list);
    } finally {
      await other.query('alter table plans enable trigger plans_catalog_changed');
    }
    // The next announced change, to any catalog table, drops the whole catalog and the silent change with it.
    await other.query('update categories set name = name where id = $1', [service.categoryId]);
    await listener.barrier();
    expect(await price(service.slug)).toBe(51_000);
  });

  it('shows a change made through the admin API on the very next request', async () => {
    const service = await aService();
    const list = await get('/services');
    expect(await price(service.slug)).toBe(50_000);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/services/${service.serviceId}/plans/${service.planId}`,
      headers: admin.headers,
      payload: { priceMonthlyIdr: 79_000 },
    });
    expect(patched.statusCode).toBe(200);
    // No wait: the PATCH answered only once this process had seen its own commit's notification.
    expect(await price(service.slug)).toBe(79_000);
    const after = await get('/services');
    expect(after.headers.etag).not.toBe(list.headers.etag);
    const listed = after.json().services.find((s: { slug: string }) => s.slug === service.slug);
    expect(listed.startingPriceMonthlyIdr).toBe(79_000);
  });

  it('shows a change another connection made by SQL on the next request once its notification is in', async () => {
    const service = await aService();
    expect(await slugsOnSale()).toContain(service.slug);
    expect((await get(`/services/${service.slug}`)).statusCode).toBe(200);
    await other.query('update services set is_active = false where id = $1', [service.serviceId]);
    // PostgreSQL has signalled the listener before the commit returned; one round trip on it delivers.
    await listener.barrier();
    expect(await slugsOnSale()).not.toContain(service.slug);
    expect((await get(`/services/${service.slug}`)).statusCode).toBe(404);

    // Without the barrier, the change shows as soon as its notification arrives.
    await other.query('update services set is_active = true where id = $1', [service.serviceId]);
    await waitFor(async () => (await get(`/services/${service.slug}`)).statusCode === 200, {
      timeoutMs: 5_000,
      what: 'the service back on sale',
    });
  });

  it('reads PostgreSQL on every request while the listener is lost, and caches again once it is back', async () => {
    const service = await aService();
    expect(await price(service.slug)).toBe(50_000);
    proxy.freeze();
    try {
      await listener.barrier(); // times out: the listener is marked lost
      expect(listener.live).toBe(false);
      await setPrice(service.planId, 11_000);
      expect(await price(service.slug)).toBe(11_000);
      await setPrice(service.planId, 12_000);
      expect(await price(service.slug)).toBe(12_000);
      expect(listener.live).toBe(false); // both reads happened while lost
    } finally {
      proxy.thaw();
    }
    await waitFor(() => listener.live, { timeoutMs: 10_000, what: 'the listener back' });
    expect(await price(service.slug)).toBe(12_000);
    await setPrice(service.planId, 13_000);
    await listener.barrier();
    expect(await price(service.slug)).toBe(13_000);
  });
});
