import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { categories, plans, services } from './catalog.tables.js';

interface PlanRow {
  name: string;
  priceMonthlyIdr: number;
  isActive?: boolean;
}
interface ServiceRow {
  name: string;
  description?: string;
  isActive?: boolean;
  plans: PlanRow[];
}

/** Each test writes the catalog rows it reads, under a category and slugs of its own. */
describe('public catalog: GET /services, GET /services/{slug}', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const slugsOf = (res: Awaited<ReturnType<typeof get>>) => res.json().services.map((s: { slug: string }) => s.slug);

  /** A category with the given services and plans (sort order as listed), straight into the database. */
  async function aCatalog(rows: ServiceRow[]) {
    const db = t.runtime.database.db;
    const tag = randomBytes(4).toString('hex');
    const [category] = await db
      .insert(categories)
      .values({ slug: `cat-${tag}`, name: `Category ${tag}` })
      .returning();
    const made: { id: string; slug: string; planIds: string[] }[] = [];
    for (const [i, row] of rows.entries()) {
      const slug = `${row.name.toLowerCase().replace(/\W+/g, '-')}-${tag}`;
      const [service] = await db
        .insert(services)
        .values({
          slug,
          name: `${row.name} ${tag}`,
          description: row.description ?? '',
          categoryId: category!.id,
          appVersion: '1.0.0',
          templateRef: 'n8n',
          isActive: row.isActive ?? true,
          sortOrder: i,
        })
        .returning();
      const planRows = await db
        .insert(plans)
        .values(
          row.plans.map((p, j) => ({
            serviceId: service!.id,
            name: p.name,
            cpuRequestMillicores: 250,
            cpuLimitMillicores: 500,
            memoryRequestMib: 256,
            memoryLimitMib: 512,
            storageGib: 2,
            priceMonthlyIdr: p.priceMonthlyIdr,
            isActive: p.isActive ?? true,
            sortOrder: j,
          })),
        )
        .returning({ id: plans.id });
      made.push({ id: service!.id, slug, planIds: planRows.map((p) => p.id) });
    }
    // The public catalog may answer from memory fed by PostgreSQL notifications: let them arrive.
    await t.runtime.dbNotifications.barrier();
    return { tag, category: category!, services: made };
  }

  it('lists the services of a category with their plans and integer IDR prices, without logging in', async () => {
    const {
      category,
      services: made,
      tag,
    } = await aCatalog([
      {
        name: 'Flow',
        plans: [
          { name: 'Starter', priceMonthlyIdr: 75_000 },
          { name: 'Pro', priceMonthlyIdr: 150_000 },
        ],
      },
      { name: 'Press', plans: [{ name: 'Solo', priceMonthlyIdr: 40_000 }] },
    ]);
    const res = await get(`/services?category=${category.slug}`);
    expect(res.statusCode).toBe(200);
    expect(slugsOf(res)).toEqual(made.map((s) => s.slug));
    const flow = res.json().services[0];
    expect(flow).toMatchObject({
      name: `Flow ${tag}`,
      category: { slug: category.slug, name: category.name },
      appVersion: '1.0.0',
      startingPriceMonthlyIdr: 75_000,
    });
    expect(flow.plans.map((p: { name: string }) => p.name)).toEqual(['Starter', 'Pro']);
    expect(flow.plans[0]).toMatchObject({ priceMonthlyIdr: 75_000, cpuLimitMillicores: 500, storageGib: 2 });
    // Admin-only fields are not part of the public answer.
    expect(flow).not.toHaveProperty('templateRef');
    expect(flow.plans[0]).not.toHaveProperty('isActive');
  });

  it('searches by text (case-insensitive, % is literal) and filters by category', async () => {
    const {
      category,
      services: made,
      tag,
    } = await aCatalog([
      {
        name: 'Blogger',
        description: 'Newsletters and memberships',
        plans: [{ name: 'A', priceMonthlyIdr: 1 }],
      },
      { name: 'Wiki', plans: [{ name: 'A', priceMonthlyIdr: 1 }] },
    ]);
    const [blogger, wiki] = made as [(typeof made)[0], (typeof made)[0]];
    expect(slugsOf(await get(`/services?q=WIKI%20${tag.toUpperCase()}`))).toEqual([wiki.slug]);
    expect(slugsOf(await get(`/services?category=${category.slug}&q=NEWSLETTERS`))).toEqual([blogger.slug]);
    const wildcard = await get(`/services?q=${encodeURIComponent(`%${tag}%`)}`);
    expect(wildcard.json().services).toEqual([]);
    expect(slugsOf(await get(`/services?category=${category.slug}`)).sort()).toEqual([blogger.slug, wiki.slug].sort());
    expect(slugsOf(await get(`/services?category=${category.slug}&q=wiki`))).toEqual([wiki.slug]);
    const none = await get(`/services?category=no-such-category-${tag}`);
    expect(none.statusCode).toBe(200);
    expect(none.json().services).toEqual([]);
  });

  it('answers 304 without a body when If-None-Match carries the current ETag, and a new ETag after a change', async () => {
    const { category, services: made } = await aCatalog([
      { name: 'Tagged', plans: [{ name: 'Starter', priceMonthlyIdr: 75_000 }] },
    ]);
    const first = await get('/services');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toContain('must-revalidate');

    const again = await get('/services', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/services', { 'if-none-match': `W/${etag}, "other"` })).statusCode).toBe(304);
    expect((await get('/services', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    expect((await get(`/services?category=${category.slug}`)).headers.etag).not.toBe(etag);

    await t.runtime.database.db
      .update(plans)
      .set({ priceMonthlyIdr: 80_000 })
      .where(eq(plans.id, made[0]!.planIds[0]!));
    await t.runtime.dbNotifications.barrier();
    const changed = await get('/services', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);

    const one = await get(`/services/${made[0]!.slug}`);
    expect(one.statusCode).toBe(200);
    expect((await get(`/services/${made[0]!.slug}`, { 'if-none-match': one.headers.etag as string })).statusCode).toBe(
      304,
    );
  });

  it('hides inactive services, inactive plans, and services with no plan on sale', async () => {
    const { category, services: made } = await aCatalog([
      { name: 'Off', isActive: false, plans: [{ name: 'A', priceMonthlyIdr: 1 }] },
      { name: 'Unsold', plans: [{ name: 'A', priceMonthlyIdr: 1, isActive: false }] },
      {
        name: 'Partly',
        plans: [
          { name: 'Starter', priceMonthlyIdr: 1 },
          { name: 'Pro', priceMonthlyIdr: 2, isActive: false },
        ],
      },
    ]);
    const [off, unsold, partly] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0]];
    expect(slugsOf(await get(`/services?category=${category.slug}`))).toEqual([partly.slug]);
    expect((await get(`/services/${off.slug}`)).statusCode).toBe(404);
    expect((await get(`/services/${unsold.slug}`)).statusCode).toBe(404);
    const view = (await get(`/services/${partly.slug}`)).json();
    expect(view.id).toBe(partly.id);
    expect(view.plans.map((p: { name: string }) => p.name)).toEqual(['Starter']);
  });

  it('answers 404 with the error envelope for an unknown slug, and 400 naming the field for a bad query', async () => {
    const missing = await get('/services/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Service not found' });
    const bad = await get('/services?category=Not%20A%20Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^querystring\.category: /);
  });
});
