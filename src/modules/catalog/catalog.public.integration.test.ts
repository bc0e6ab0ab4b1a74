import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { catalogSeedStep, SEED_SERVICES } from './catalog.seed.js';
import { plans, services } from './catalog.tables.js';

describe('public catalog: GET /services, GET /services/{slug}', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! });
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  it('lists every seeded service with its plans and integer IDR prices, without logging in', async () => {
    const res = await get('/services');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.services.map((s: { slug: string }) => s.slug)).toEqual(SEED_SERVICES.map((s) => s.slug));
    const n8n = body.services.find((s: { slug: string }) => s.slug === 'n8n');
    expect(n8n).toMatchObject({
      name: 'n8n',
      category: { slug: 'automation', name: 'Automation' },
      appVersion: '1.80.3',
      startingPriceMonthlyIdr: 75_000,
    });
    expect(n8n.plans.map((p: { name: string }) => p.name)).toEqual(['Starter', 'Pro', 'Business']);
    expect(n8n.plans[0]).toMatchObject({ priceMonthlyIdr: 75_000, cpuLimitMillicores: 500, storageGib: 2 });
    // Admin-only fields are not part of the public answer.
    expect(n8n).not.toHaveProperty('templateRef');
    expect(n8n.plans[0]).not.toHaveProperty('isActive');
  });

  it('searches by text (case-insensitive, % is literal) and filters by category', async () => {
    const search = await get('/services?q=WORDPRESS');
    expect(search.json().services.map((s: { slug: string }) => s.slug)).toEqual(['wordpress']);
    const byDescription = await get('/services?q=newsletters');
    expect(byDescription.json().services.map((s: { slug: string }) => s.slug)).toEqual(['ghost']);
    const wildcard = await get(`/services?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().services).toEqual([]);
    const publishing = await get('/services?category=publishing');
    expect(
      publishing
        .json()
        .services.map((s: { slug: string }) => s.slug)
        .sort(),
    ).toEqual(['ghost', 'wordpress']);
    const both = await get('/services?category=publishing&q=ghost');
    expect(both.json().services.map((s: { slug: string }) => s.slug)).toEqual(['ghost']);
    const none = await get('/services?category=no-such-category');
    expect(none.statusCode).toBe(200);
    expect(none.json().services).toEqual([]);
  });

  it('answers 304 without a body when If-None-Match carries the current ETag, and a new ETag after a change', async () => {
    const first = await get('/services');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toContain('must-revalidate');

    const again = await get('/services', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/services', { 'if-none-match': `W/${etag}, "other"` })).statusCode).toBe(304);
    expect((await get('/services', { 'if-none-match': '"stale"' })).statusCode).toBe(200);

    const filtered = await get('/services?category=publishing');
    expect(filtered.headers.etag).not.toBe(etag);

    await t.runtime.database.db.update(plans).set({ priceMonthlyIdr: 80_000 }).where(eq(plans.name, 'Starter'));
    const changed = await get('/services', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);

    const one = await get('/services/gitea');
    expect((await get('/services/gitea', { 'if-none-match': one.headers.etag as string })).statusCode).toBe(304);
  });

  it('hides inactive services, inactive plans, and services with no plan on sale', async () => {
    const db = t.runtime.database.db;
    const [gitea] = await db.select().from(services).where(eq(services.slug, 'gitea'));
    await db.update(services).set({ isActive: false }).where(eq(services.slug, 'uptime-kuma'));
    await db.update(plans).set({ isActive: false }).where(eq(plans.serviceId, gitea!.id));
    const [ghost] = await db.select().from(services).where(eq(services.slug, 'ghost'));
    const [ghostPro] = await db
      .update(plans)
      .set({ isActive: false })
      .where(and(eq(plans.serviceId, ghost!.id), eq(plans.name, 'Pro')))
      .returning();
    expect(ghostPro).toBeDefined();

    const slugs = (await get('/services')).json().services.map((s: { slug: string }) => s.slug);
    expect(slugs).not.toContain('uptime-kuma');
    expect(slugs).not.toContain('gitea');
    expect((await get('/services/uptime-kuma')).statusCode).toBe(404);
    expect((await get('/services/gitea')).statusCode).toBe(404);
    const ghostView = (await get('/services/ghost')).json();
    expect(ghostView.id).toBe(ghost!.id);
    expect(ghostView.plans.map((p: { name: string }) => p.name)).toEqual(['Starter']);
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
