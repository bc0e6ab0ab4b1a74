import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createRuntime } from '../../runtime.js';
import { defaultTemplatesDir, TemplateError } from '../templates/index.js';
import { catalogSeedStep, SEED_SERVICES } from './catalog.seed.js';
import { categories, plans, services } from './catalog.tables.js';

describe('catalog seed', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t?.close());

  const snapshot = async () => {
    const db = t.runtime.database.db;
    const [s, p, c] = await Promise.all([
      db.select({ id: services.id, slug: services.slug, appVersion: services.appVersion }).from(services),
      db.select({ id: plans.id, name: plans.name, price: plans.priceMonthlyIdr }).from(plans),
      db.select({ id: categories.id, slug: categories.slug }).from(categories),
    ]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    return { services: s.sort(byId), plans: p.sort(byId), categories: c.sort(byId) };
  };

  it('loads n8n, Ghost and WordPress with 2–3 plans each, and Uptime Kuma and Gitea', async () => {
    expect(
      await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! }),
    ).toBe('5 services (5 new), 12 plans, 4 categories');
    const db = t.runtime.database.db;
    for (const slug of ['n8n', 'ghost', 'wordpress', 'uptime-kuma', 'gitea']) {
      const [service] = await db.select().from(services).where(eq(services.slug, slug));
      expect(service, slug).toMatchObject({ templateRef: slug, isActive: true });
      const servicePlans = await db.select().from(plans).where(eq(plans.serviceId, service!.id));
      expect(servicePlans.length, slug).toBeGreaterThanOrEqual(2);
      expect(servicePlans.length, slug).toBeLessThanOrEqual(3);
      for (const plan of servicePlans) expect(Number.isInteger(plan.priceMonthlyIdr)).toBe(true);
    }
    expect(SEED_SERVICES.map((s) => s.slug)).toEqual(['n8n', 'ghost', 'wordpress', 'uptime-kuma', 'gitea']);
  });

  it('is idempotent: a second run changes no id and adds no row, and keeps an administrator deactivation', async () => {
    const db = t.runtime.database.db;
    // Its own first run (the seed is idempotent, so whether another test ran it first does not matter).
    await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! });
    await db.update(services).set({ isActive: false }).where(eq(services.slug, 'gitea'));
    const before = await snapshot();
    expect(
      await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! }),
    ).toBe('5 services (0 new), 12 plans, 4 categories');
    expect(await snapshot()).toEqual(before);
    const [gitea] = await db.select().from(services).where(eq(services.slug, 'gitea'));
    expect(gitea!.isActive).toBe(false);
  });

  it('TEMPLATES_DIR with a broken template stops the API from starting, naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kapal-templates-'));
    try {
      const n8n = readFileSync(join(defaultTemplatesDir(), 'n8n.yaml'), 'utf8');
      writeFileSync(join(dir, 'n8n.yaml'), n8n.replace('mountPath: /home/node/.n8n', 'mountPath: relative/path'));
      const config = { ...t.runtime.config, apps: { ...t.runtime.config.apps, templatesDir: dir } };
      const start = () => createRuntime(config);
      expect(start).toThrow(TemplateError);
      expect(start).toThrow(/n8n\.yaml:\n {2}- app\.volumes\[0\]\.mountPath: must be an absolute path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
