import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createAuditLog } from '../audit/index.js';
import { loadTemplates } from '../templates/index.js';
import { createCatalogService } from './catalog.service.js';
import { categories, plans, services } from './catalog.tables.js';

const plan = (name: string, priceMonthlyIdr = 100_000) => ({
  name,
  cpuRequestMillicores: 250,
  cpuLimitMillicores: 500,
  memoryRequestMib: 256,
  memoryLimitMib: 512,
  storageGib: 2,
  priceMonthlyIdr,
  features: ['HTTPS'],
});

describe('admin catalog', () => {
  let t: TestRuntime;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const db = () => t.runtime.database.db;
  const rowCount = async (table: typeof services | typeof plans | typeof categories) =>
    (await db().select({ n: count() }).from(table))[0]!.n;

  describe('happy path', () => {
    it('creates a category, a service with plans in one call, and shows it publicly', async () => {
      const category = await call('POST', '/admin/categories', { slug: 'cms', name: 'CMS' });
      expect(category.statusCode).toBe(201);
      expect(category.json()).toMatchObject({ slug: 'cms', name: 'CMS', serviceCount: 0 });

      const created = await call('POST', '/admin/services', {
        slug: 'blog',
        name: 'Blog',
        description: 'A blog',
        categoryId: category.json().id,
        iconUrl: 'https://example.test/blog.svg',
        templateRef: 'ghost',
        plans: [plan('Small', 50_000), plan('Large', 90_000)],
      });
      expect(created.statusCode).toBe(201);
      const service = created.json();
      expect(service).toMatchObject({
        slug: 'blog',
        appVersion: '5.105.0', // from the ghost template
        templateRef: 'ghost',
        isActive: true,
        category: { slug: 'cms' },
      });
      expect(service.plans).toHaveLength(2);

      const [row] = await db().select().from(services).where(eq(services.slug, 'blog'));
      expect(row).toMatchObject({ name: 'Blog', templateRef: 'ghost', categoryId: category.json().id });
      const planRows = await db().select().from(plans).where(eq(plans.serviceId, row!.id));
      expect(planRows.map((p) => [p.name, p.priceMonthlyIdr]).sort()).toEqual([
        ['Large', 90_000],
        ['Small', 50_000],
      ]);

      const pub = await t.app.inject({ method: 'GET', url: '/api/v1/services/blog' });
      expect(pub.json()).toMatchObject({ slug: 'blog', startingPriceMonthlyIdr: 50_000 });
    });

    it('reads, updates and deactivates a service; deactivation takes it off sale but keeps it for admins', async () => {
      const [row] = await db().select().from(services).where(eq(services.slug, 'blog'));
      const one = await call('GET', `/admin/services/${row!.id}`);
      expect(one.statusCode).toBe(200);
      const patched = await call('PATCH', `/admin/services/${row!.id}`, { name: 'Blog Deluxe', appVersion: '5.106.0' });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ name: 'Blog Deluxe', appVersion: '5.106.0', slug: 'blog' });
      expect(new Date(patched.json().updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(one.json().updatedAt).getTime(),
      );

      expect((await call('PATCH', `/admin/services/${row!.id}`, { isActive: false })).statusCode).toBe(200);
      const [after] = await db().select().from(services).where(eq(services.id, row!.id));
      expect(after).toMatchObject({ isActive: false, name: 'Blog Deluxe' });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/services/blog' })).statusCode).toBe(404);

      const inactive = await call('GET', '/admin/services?status=inactive');
      expect(inactive.json()).toMatchObject({ total: 1, items: [{ slug: 'blog' }] });
      await call('PATCH', `/admin/services/${row!.id}`, { isActive: true });
    });

    it('lists with search, category filter and pages', async () => {
      for (const slug of ['alpha', 'beta', 'gamma']) {
        expect(
          (await call('POST', '/admin/services', { slug, name: slug.toUpperCase(), templateRef: 'n8n' })).statusCode,
        ).toBe(201);
      }
      const page = await call('GET', '/admin/services?page=2&pageSize=2');
      expect(page.json()).toMatchObject({ page: 2, pageSize: 2, total: 4, totalPages: 2 });
      expect(page.json().items).toHaveLength(2);
      expect((await call('GET', '/admin/services?q=amm')).json().items.map((s: { slug: string }) => s.slug)).toEqual([
        'gamma',
      ]);
      expect(
        (await call('GET', '/admin/services?category=cms')).json().items.map((s: { slug: string }) => s.slug),
      ).toEqual(['blog']);
    });

    it('adds, reads, changes, deactivates and deletes plans', async () => {
      const [row] = await db().select().from(services).where(eq(services.slug, 'alpha'));
      const created = await call('POST', `/admin/services/${row!.id}/plans`, {
        ...plan('Solo', 30_000),
        features: ['One', 'Two'],
      });
      expect(created.statusCode).toBe(201);
      const planId = created.json().id;
      expect(
        (await call('GET', `/admin/services/${row!.id}/plans`)).json().items.map((p: { name: string }) => p.name),
      ).toEqual(['Solo']);
      expect((await call('GET', `/admin/services/${row!.id}/plans/${planId}`)).json()).toMatchObject({
        name: 'Solo',
        features: ['One', 'Two'],
      });

      const changed = await call('PATCH', `/admin/services/${row!.id}/plans/${planId}`, {
        priceMonthlyIdr: 35_000,
        memoryLimitMib: 1024,
      });
      expect(changed.statusCode).toBe(200);
      const [stored] = await db().select().from(plans).where(eq(plans.id, planId));
      expect(stored).toMatchObject({ priceMonthlyIdr: 35_000, memoryLimitMib: 1024, memoryRequestMib: 256 });

      await call('PATCH', `/admin/services/${row!.id}/plans/${planId}`, { isActive: false });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/services/alpha' })).statusCode).toBe(404);

      expect((await call('DELETE', `/admin/services/${row!.id}/plans/${planId}`)).statusCode).toBe(204);
      expect(await db().select().from(plans).where(eq(plans.id, planId))).toEqual([]);
    });

    it('counts services and plans by status', async () => {
      const stats = await call('GET', '/admin/services/stats');
      expect(stats.statusCode).toBe(200);
      const [[servicesTotal], [servicesActive], [plansTotal], [plansActive]] = await Promise.all([
        db().select({ n: count() }).from(services),
        db().select({ n: count() }).from(services).where(eq(services.isActive, true)),
        db().select({ n: count() }).from(plans),
        db().select({ n: count() }).from(plans).where(eq(plans.isActive, true)),
      ]);
      expect(stats.json().services).toEqual({
        total: servicesTotal!.n,
        active: servicesActive!.n,
        inactive: servicesTotal!.n - servicesActive!.n,
      });
      expect(stats.json().plans).toEqual({
        total: plansTotal!.n,
        active: plansActive!.n,
        inactive: plansTotal!.n - plansActive!.n,
      });
      expect(stats.json().perService.find((s: { slug: string }) => s.slug === 'blog')).toMatchObject({
        plans: { total: 2, active: 2, inactive: 0 },
      });
    });

    it('deletes a service with its plans, and an empty category', async () => {
      const [row] = await db().select().from(services).where(eq(services.slug, 'beta'));
      await call('POST', `/admin/services/${row!.id}/plans`, plan('Only'));
      expect((await call('DELETE', `/admin/services/${row!.id}`)).statusCode).toBe(204);
      expect(await db().select().from(services).where(eq(services.id, row!.id))).toEqual([]);
      expect(await db().select().from(plans).where(eq(plans.serviceId, row!.id))).toEqual([]);

      const category = await call('POST', '/admin/categories', { slug: 'empty', name: 'Empty' });
      const renamed = await call('PATCH', `/admin/categories/${category.json().id}`, { name: 'Still empty' });
      expect(renamed.json()).toMatchObject({ name: 'Still empty', slug: 'empty' });
      expect((await call('GET', '/admin/categories')).json().items.map((c: { slug: string }) => c.slug)).toContain(
        'empty',
      );
      expect((await call('DELETE', `/admin/categories/${category.json().id}`)).statusCode).toBe(204);
      expect(await db().select().from(categories).where(eq(categories.slug, 'empty'))).toEqual([]);
    });
  });

  describe('errors', () => {
    it('answers 400 naming the field, and writes nothing', async () => {
      const before = [await rowCount(services), await rowCount(plans)];
      const cases: [unknown, string][] = [
        [{ slug: 'Bad Slug', name: 'x', templateRef: 'n8n' }, 'body.slug'],
        [{ slug: 'ok', templateRef: 'n8n' }, 'body.name'],
        [{ slug: 'ok', name: 'x', templateRef: 'n8n', iconUrl: 'javascript:alert(1)' }, 'body.iconUrl'],
        [{ slug: 'ok', name: 'x', templateRef: 'no-such-app' }, 'body.templateRef'],
        [
          { slug: 'ok', name: 'x', templateRef: 'n8n', categoryId: '00000000-0000-4000-8000-000000000000' },
          'body.categoryId',
        ],
        [
          { slug: 'ok', name: 'x', templateRef: 'n8n', plans: [{ ...plan('A'), priceMonthlyIdr: 1.5 }] },
          'body.plans.0.priceMonthlyIdr',
        ],
        [
          { slug: 'ok', name: 'x', templateRef: 'n8n', plans: [{ ...plan('A'), priceMonthlyIdr: -1 }] },
          'body.plans.0.priceMonthlyIdr',
        ],
        [
          { slug: 'ok', name: 'x', templateRef: 'n8n', plans: [{ ...plan('A'), cpuRequestMillicores: 900 }] },
          'body.plans.0.cpuRequestMillicores',
        ],
        // The first plan is valid; the second is a duplicate: nothing at all is written.
        [{ slug: 'ok', name: 'x', templateRef: 'n8n', plans: [plan('A'), plan('a')] }, 'body.plans[1].name'],
      ];
      for (const [payload, field] of cases) {
        const res = await call('POST', '/admin/services', payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error.message, JSON.stringify(payload)).toContain(`${field}:`);
      }
      expect([await rowCount(services), await rowCount(plans)]).toEqual(before);
    });

    it('answers 400 when a plan change would put a request above its limit, and keeps the plan', async () => {
      const [row] = await db().select().from(services).where(eq(services.slug, 'blog'));
      const [small] = await db().select().from(plans).where(eq(plans.serviceId, row!.id));
      const res = await call('PATCH', `/admin/services/${row!.id}/plans/${small!.id}`, { cpuLimitMillicores: 100 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('body.cpuRequestMillicores: must not exceed cpuLimitMillicores');
      const [unchanged] = await db().select().from(plans).where(eq(plans.id, small!.id));
      expect(unchanged!.cpuLimitMillicores).toBe(500);
      expect((await call('PATCH', `/admin/services/${row!.id}`, {})).statusCode).toBe(400);
    });

    it('answers 409 on a duplicate slug or plan name', async () => {
      const dup = await call('POST', '/admin/services', { slug: 'blog', name: 'Another', templateRef: 'n8n' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toBe('A service with the slug "blog" already exists');
      const [alpha] = await db().select().from(services).where(eq(services.slug, 'alpha'));
      const rename = await call('PATCH', `/admin/services/${alpha!.id}`, { slug: 'blog' });
      expect(rename.statusCode).toBe(409);
      const [still] = await db().select().from(services).where(eq(services.id, alpha!.id));
      expect(still!.slug).toBe('alpha');

      const [blog] = await db().select().from(services).where(eq(services.slug, 'blog'));
      const dupPlan = await call('POST', `/admin/services/${blog!.id}/plans`, plan('SMALL'));
      expect(dupPlan.statusCode).toBe(409);
      expect((await call('POST', '/admin/categories', { slug: 'cms', name: 'Again' })).statusCode).toBe(409);
    });

    it('answers 404 for unknown services, plans and categories, and for a plan of another service', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const [blog] = await db().select().from(services).where(eq(services.slug, 'blog'));
      const [gamma] = await db().select().from(services).where(eq(services.slug, 'gamma'));
      const [blogPlan] = await db().select().from(plans).where(eq(plans.serviceId, blog!.id));
      for (const [method, url] of [
        ['GET', `/admin/services/${unknown}`],
        ['PATCH', `/admin/services/${unknown}`],
        ['DELETE', `/admin/services/${unknown}`],
        ['GET', `/admin/services/${unknown}/plans`],
        ['POST', `/admin/services/${unknown}/plans`],
        ['GET', `/admin/services/${gamma!.id}/plans/${blogPlan!.id}`],
        ['DELETE', `/admin/services/${gamma!.id}/plans/${blogPlan!.id}`],
        ['GET', `/admin/categories/${unknown}`],
        ['DELETE', `/admin/categories/${unknown}`],
      ] as const) {
        const body = method === 'PATCH' ? { name: 'x' } : method === 'POST' ? plan('X') : undefined;
        const res = await call(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      expect(await db().select().from(plans).where(eq(plans.id, blogPlan!.id))).toHaveLength(1);
      expect((await call('GET', '/admin/services/not-a-uuid')).statusCode).toBe(400);
    });

    it('refuses to delete a category that still has services', async () => {
      const [cms] = await db().select().from(categories).where(eq(categories.slug, 'cms'));
      expect((await call('GET', `/admin/categories/${cms!.id}`)).json().serviceCount).toBe(1);
      const res = await call('DELETE', `/admin/categories/${cms!.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/still has 1 service/);
      expect(await db().select().from(categories).where(eq(categories.id, cms!.id))).toHaveLength(1);
    });

    it('refuses to delete a service or plan that live subscriptions use, saying to deactivate it', async () => {
      // The subscriptions module fills this port; here it reports what a live subscription would.
      const [blog] = await db().select().from(services).where(eq(services.slug, 'blog'));
      const [blogPlan] = await db().select().from(plans).where(eq(plans.serviceId, blog!.id));
      const actor = { id: randomUUID() };
      const catalog = createCatalogService({
        database: t.runtime.database,
        templates: loadTemplates(),
        audit: createAuditLog(t.runtime),
        usage: {
          countLiveForService: async (_tx, serviceId) => (serviceId === blog!.id ? 2 : 0),
          countLiveForPlan: async (_tx, planId) => (planId === blogPlan!.id ? 1 : 0),
        },
      });
      await expect(catalog.deleteService(actor, blog!.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/has 2 live subscription\(s\) and cannot be deleted; deactivate it instead/),
      });
      await expect(catalog.deletePlan(actor, blog!.id, blogPlan!.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/has 1 live subscription\(s\) and cannot be deleted; deactivate it instead/),
      });
      expect(await db().select().from(services).where(eq(services.id, blog!.id))).toHaveLength(1);
      expect(await db().select().from(plans).where(eq(plans.id, blogPlan!.id))).toHaveLength(1);
      // Deactivating is still allowed.
      await catalog.updatePlan(actor, blog!.id, blogPlan!.id, { isActive: false });
      const [deactivated] = await db().select().from(plans).where(eq(plans.id, blogPlan!.id));
      expect(deactivated!.isActive).toBe(false);
    });
  });
});
