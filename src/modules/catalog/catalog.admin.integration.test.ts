import { randomBytes, randomUUID } from 'node:crypto';
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
  const tag = () => randomBytes(4).toString('hex');

  /** Each test makes the rows it works on, through the API, under fresh slugs. */
  async function aCategory() {
    const slug = `cat-${tag()}`;
    const res = await call('POST', '/admin/categories', { slug, name: `Category ${slug}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; slug: string };
  }
  async function aService(options: { slug?: string; categoryId?: string; plans?: ReturnType<typeof plan>[] } = {}) {
    const slug = options.slug ?? `svc-${tag()}`;
    const res = await call('POST', '/admin/services', {
      slug,
      name: `Service ${slug}`,
      templateRef: 'n8n',
      ...(options.categoryId ? { categoryId: options.categoryId } : {}),
      plans: options.plans ?? [],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; slug: string; plans: { id: string; name: string }[] };
  }
  const rowCount = async (table: typeof services | typeof plans | typeof categories) =>
    (await db().select({ n: count() }).from(table))[0]!.n;

  describe('happy path', () => {
    it('creates a category, a service with plans in one call, and shows it publicly', async () => {
      const categorySlug = `cms-${tag()}`;
      const category = await call('POST', '/admin/categories', { slug: categorySlug, name: 'CMS' });
      expect(category.statusCode).toBe(201);
      expect(category.json()).toMatchObject({ slug: categorySlug, name: 'CMS', serviceCount: 0 });

      const slug = `blog-${tag()}`;
      const created = await call('POST', '/admin/services', {
        slug,
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
        slug,
        appVersion: '6.59.0', // from the ghost template
        templateRef: 'ghost',
        isActive: true,
        category: { slug: categorySlug },
      });
      expect(service.plans).toHaveLength(2);

      const [row] = await db().select().from(services).where(eq(services.slug, slug));
      expect(row).toMatchObject({ name: 'Blog', templateRef: 'ghost', categoryId: category.json().id });
      const planRows = await db().select().from(plans).where(eq(plans.serviceId, row!.id));
      expect(planRows.map((p) => [p.name, p.priceMonthlyIdr]).sort()).toEqual([
        ['Large', 90_000],
        ['Small', 50_000],
      ]);

      await t.runtime.dbNotifications.barrier();
      const pub = await t.app.inject({ method: 'GET', url: `/api/v1/services/${slug}` });
      expect(pub.json()).toMatchObject({ slug, startingPriceMonthlyIdr: 50_000 });
    });

    it('reads, updates and deactivates a service; deactivation takes it off sale but keeps it for admins', async () => {
      const { id, slug } = await aService({ plans: [plan('Small')] });
      const one = await call('GET', `/admin/services/${id}`);
      expect(one.statusCode).toBe(200);
      const patched = await call('PATCH', `/admin/services/${id}`, { name: 'Blog Deluxe', appVersion: '5.106.0' });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ name: 'Blog Deluxe', appVersion: '5.106.0', slug });
      expect(new Date(patched.json().updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(one.json().updatedAt).getTime(),
      );

      expect((await call('PATCH', `/admin/services/${id}`, { isActive: false })).statusCode).toBe(200);
      const [after] = await db().select().from(services).where(eq(services.id, id));
      expect(after).toMatchObject({ isActive: false, name: 'Blog Deluxe' });
      await t.runtime.dbNotifications.barrier();
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${slug}` })).statusCode).toBe(404);

      const inactive = await call('GET', `/admin/services?status=inactive&q=${slug}`);
      expect(inactive.json()).toMatchObject({ total: 1, items: [{ slug }] });
    });

    it('lists with search, category filter and pages', async () => {
      const category = await aCategory();
      const run = tag();
      const made = [];
      for (const name of ['alpha', 'beta', 'gamma']) {
        made.push(await aService({ slug: `${name}-${run}`, categoryId: category.id }));
      }
      const page = await call('GET', `/admin/services?q=${run}&page=2&pageSize=2`);
      expect(page.json()).toMatchObject({ page: 2, pageSize: 2, total: 3, totalPages: 2 });
      expect(page.json().items).toHaveLength(1);
      expect(
        (await call('GET', `/admin/services?q=amma-${run}`)).json().items.map((s: { slug: string }) => s.slug),
      ).toEqual([`gamma-${run}`]);
      expect(
        (await call('GET', `/admin/services?category=${category.slug}`))
          .json()
          .items.map((s: { slug: string }) => s.slug)
          .sort(),
      ).toEqual(made.map((s) => s.slug).sort());
    });

    it('adds, reads, changes, deactivates and deletes plans', async () => {
      const { id, slug } = await aService();
      const created = await call('POST', `/admin/services/${id}/plans`, {
        ...plan('Solo', 30_000),
        features: ['One', 'Two'],
      });
      expect(created.statusCode).toBe(201);
      const planId = created.json().id;
      expect(
        (await call('GET', `/admin/services/${id}/plans`)).json().items.map((p: { name: string }) => p.name),
      ).toEqual(['Solo']);
      expect((await call('GET', `/admin/services/${id}/plans/${planId}`)).json()).toMatchObject({
        name: 'Solo',
        features: ['One', 'Two'],
      });

      const changed = await call('PATCH', `/admin/services/${id}/plans/${planId}`, {
        priceMonthlyIdr: 35_000,
        memoryLimitMib: 1024,
      });
      expect(changed.statusCode).toBe(200);
      const [stored] = await db().select().from(plans).where(eq(plans.id, planId));
      expect(stored).toMatchObject({ priceMonthlyIdr: 35_000, memoryLimitMib: 1024, memoryRequestMib: 256 });

      await t.runtime.dbNotifications.barrier();
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${slug}` })).statusCode).toBe(200);
      await call('PATCH', `/admin/services/${id}/plans/${planId}`, { isActive: false });
      await t.runtime.dbNotifications.barrier();
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${slug}` })).statusCode).toBe(404);

      expect((await call('DELETE', `/admin/services/${id}/plans/${planId}`)).statusCode).toBe(204);
      expect(await db().select().from(plans).where(eq(plans.id, planId))).toEqual([]);
    });

    it('counts services and plans by status', async () => {
      const mine = await aService({ plans: [plan('Small'), plan('Large')] });
      await call('PATCH', `/admin/services/${mine.id}/plans/${mine.plans[1]!.id}`, { isActive: false });
      await aService();
      const stats = await call('GET', '/admin/services/stats');
      expect(stats.statusCode).toBe(200);
      const [[servicesTotal], [servicesActive], [plansTotal], [plansActive]] = await Promise.all([
        db().select({ n: count() }).from(services),
        db().select({ n: count() }).from(services).where(eq(services.isActive, true)),
        db().select({ n: count() }).from(plans),
        db().select({ n: count() }).from(plans).where(eq(plans.isActive, true)),
      ]);
      expect(servicesTotal!.n).toBeGreaterThanOrEqual(2);
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
      expect(stats.json().perService.find((s: { slug: string }) => s.slug === mine.slug)).toMatchObject({
        plans: { total: 2, active: 1, inactive: 1 },
      });
    });

    it('deletes a service with its plans, and an empty category', async () => {
      const { id } = await aService({ plans: [plan('Only')] });
      expect((await call('DELETE', `/admin/services/${id}`)).statusCode).toBe(204);
      expect(await db().select().from(services).where(eq(services.id, id))).toEqual([]);
      expect(await db().select().from(plans).where(eq(plans.serviceId, id))).toEqual([]);

      const category = await aCategory();
      const renamed = await call('PATCH', `/admin/categories/${category.id}`, { name: 'Still empty' });
      expect(renamed.json()).toMatchObject({ name: 'Still empty', slug: category.slug });
      expect((await call('GET', '/admin/categories')).json().items.map((c: { slug: string }) => c.slug)).toContain(
        category.slug,
      );
      expect((await call('DELETE', `/admin/categories/${category.id}`)).statusCode).toBe(204);
      expect(await db().select().from(categories).where(eq(categories.id, category.id))).toEqual([]);
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
      const {
        id,
        plans: [small],
      } = await aService({ plans: [plan('Small')] });
      const res = await call('PATCH', `/admin/services/${id}/plans/${small!.id}`, { cpuLimitMillicores: 100 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('body.cpuRequestMillicores: must not exceed cpuLimitMillicores');
      const [unchanged] = await db().select().from(plans).where(eq(plans.id, small!.id));
      expect(unchanged!.cpuLimitMillicores).toBe(500);
      expect((await call('PATCH', `/admin/services/${id}`, {})).statusCode).toBe(400);
    });

    it('answers 409 on a duplicate slug or plan name', async () => {
      const blog = await aService({ plans: [plan('Small')] });
      const other = await aService();
      const dup = await call('POST', '/admin/services', { slug: blog.slug, name: 'Another', templateRef: 'n8n' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.message).toBe(`A service with the slug "${blog.slug}" already exists`);
      const rename = await call('PATCH', `/admin/services/${other.id}`, { slug: blog.slug });
      expect(rename.statusCode).toBe(409);
      const [still] = await db().select().from(services).where(eq(services.id, other.id));
      expect(still!.slug).toBe(other.slug);

      const dupPlan = await call('POST', `/admin/services/${blog.id}/plans`, plan('SMALL'));
      expect(dupPlan.statusCode).toBe(409);
      const category = await aCategory();
      expect((await call('POST', '/admin/categories', { slug: category.slug, name: 'Again' })).statusCode).toBe(409);
    });

    it('answers 404 for unknown services, plans and categories, and for a plan of another service', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const blog = await aService({ plans: [plan('Small')] });
      const gamma = await aService();
      const blogPlan = blog.plans[0]!;
      for (const [method, url] of [
        ['GET', `/admin/services/${unknown}`],
        ['PATCH', `/admin/services/${unknown}`],
        ['DELETE', `/admin/services/${unknown}`],
        ['GET', `/admin/services/${unknown}/plans`],
        ['POST', `/admin/services/${unknown}/plans`],
        ['GET', `/admin/services/${gamma.id}/plans/${blogPlan.id}`],
        ['DELETE', `/admin/services/${gamma.id}/plans/${blogPlan.id}`],
        ['GET', `/admin/categories/${unknown}`],
        ['DELETE', `/admin/categories/${unknown}`],
      ] as const) {
        const body = method === 'PATCH' ? { name: 'x' } : method === 'POST' ? plan('X') : undefined;
        const res = await call(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      expect(await db().select().from(plans).where(eq(plans.id, blogPlan.id))).toHaveLength(1);
      expect((await call('GET', '/admin/services/not-a-uuid')).statusCode).toBe(400);
    });

    it('refuses to delete a category that still has services', async () => {
      const cms = await aCategory();
      await aService({ categoryId: cms.id });
      expect((await call('GET', `/admin/categories/${cms.id}`)).json().serviceCount).toBe(1);
      const res = await call('DELETE', `/admin/categories/${cms.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/still has 1 service/);
      expect(await db().select().from(categories).where(eq(categories.id, cms.id))).toHaveLength(1);
    });

    it('refuses to delete a service or plan that live subscriptions use, saying to deactivate it', async () => {
      // The subscriptions module fills this port; here it reports what a live subscription would.
      const blog = await aService({ plans: [plan('Small')] });
      const blogPlan = blog.plans[0]!;
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
