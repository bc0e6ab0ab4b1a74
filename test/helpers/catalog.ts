import { randomBytes } from 'node:crypto';
import { categories, plans, services } from '../../src/modules/catalog/catalog.tables.js';
import type { TestRuntime } from './test-runtime.js';

export interface CatalogFixture {
  categoryId: string;
  serviceId: string;
  slug: string;
  planId: string;
}

/** A category, an active service (n8n template) and one active plan, with fresh slugs, written straight to the database. */
export async function aCatalogService(t: Pick<TestRuntime, 'runtime'>): Promise<CatalogFixture> {
  const { db } = t.runtime.database;
  const suffix = randomBytes(4).toString('hex');
  const [category] = await db
    .insert(categories)
    .values({ slug: `category-${suffix}`, name: `Category ${suffix}` })
    .returning({ id: categories.id });
  const slug = `service-${suffix}`;
  const [service] = await db
    .insert(services)
    .values({ slug, name: `Service ${suffix}`, categoryId: category!.id, appVersion: '1.0.0', templateRef: 'n8n' })
    .returning({ id: services.id });
  const [plan] = await db
    .insert(plans)
    .values({
      serviceId: service!.id,
      name: 'Starter',
      cpuRequestMillicores: 250,
      cpuLimitMillicores: 500,
      memoryRequestMib: 256,
      memoryLimitMib: 512,
      storageGib: 1,
      priceMonthlyIdr: 50_000,
    })
    .returning({ id: plans.id });
  return { categoryId: category!.id, serviceId: service!.id, slug, planId: plan!.id };
}

/** Path parameters for the authorization matrix's catalog entries. */
export const catalogParams = {
  service: async (t: Pick<TestRuntime, 'runtime'>) => ({ params: { id: (await aCatalogService(t)).serviceId } }),
  plan: async (t: Pick<TestRuntime, 'runtime'>) => {
    const fixture = await aCatalogService(t);
    return { params: { id: fixture.serviceId, planId: fixture.planId } };
  },
  category: async (t: Pick<TestRuntime, 'runtime'>) => {
    const { db } = t.runtime.database;
    const suffix = randomBytes(4).toString('hex');
    const [category] = await db
      .insert(categories)
      .values({ slug: `empty-${suffix}`, name: `Empty ${suffix}` })
      .returning({ id: categories.id });
    return { params: { id: category!.id } };
  },
  slug: async (t: Pick<TestRuntime, 'runtime'>) => ({ params: { slug: (await aCatalogService(t)).slug } }),
};
