import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { containsPattern } from '../../platform/http/listing.js';
import { categories, plans, services } from './catalog.tables.js';

export type CategoryRow = typeof categories.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type ServiceWithRelations = ServiceRow & { category: CategoryRow | null; plans: PlanRow[] };

export interface ServiceFilter {
  q?: string;
  categorySlug?: string;
  status?: 'active' | 'inactive';
}

/** `%` and `_` in a search are literal characters, not wildcards. */

function serviceWhere(filter: ServiceFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(ilike(services.name, pattern), ilike(services.slug, pattern), ilike(services.description, pattern)),
    );
  }
  if (filter.categorySlug) {
    conditions.push(
      inArray(
        services.categoryId,
        sql`(select ${categories.id} from ${categories} where ${categories.slug} = ${filter.categorySlug})`,
      ),
    );
  }
  if (filter.status) conditions.push(eq(services.isActive, filter.status === 'active'));
  return and(...conditions);
}

// Spelled out: drizzle leaves columns unqualified in a one-table select list, where "id" would mean services.id.
const serviceCountOfCategory = sql<number>`(select count(*)::int from "services" where "services"."category_id" = "categories"."id")`;

const serviceOrder = [asc(services.sortOrder), asc(services.name), asc(services.id)];
const planOrder = [asc(plans.sortOrder), asc(plans.priceMonthlyIdr), asc(plans.name), asc(plans.id)];

/** Attaches each service's category and plans (two more queries, not one per service). */
async function withRelations(
  db: DbExecutor,
  rows: ServiceRow[],
  options: { activePlansOnly?: boolean } = {},
): Promise<ServiceWithRelations[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const categoryIds = [...new Set(rows.flatMap((r) => (r.categoryId ? [r.categoryId] : [])))];
  const [planRows, categoryRows] = await Promise.all([
    db
      .select()
      .from(plans)
      .where(and(inArray(plans.serviceId, ids), options.activePlansOnly ? eq(plans.isActive, true) : undefined))
      .orderBy(...planOrder),
    categoryIds.length > 0 ? db.select().from(categories).where(inArray(categories.id, categoryIds)) : [],
  ]);
  const categoryById = new Map(categoryRows.map((c) => [c.id, c]));
  return rows.map((row) => ({
    ...row,
    category: row.categoryId ? (categoryById.get(row.categoryId) ?? null) : null,
    plans: planRows.filter((p) => p.serviceId === row.id),
  }));
}

export const catalogRepository = {
  // ---- services

  /** Active services that have at least one active plan, with only their active plans: what customers can buy. */
  async listPurchasable(db: DbExecutor, filter: Omit<ServiceFilter, 'status'>): Promise<ServiceWithRelations[]> {
    const rows = await db
      .select()
      .from(services)
      .where(
        and(
          serviceWhere({ ...filter, status: 'active' }),
          sql`exists (select 1 from ${plans} where ${plans.serviceId} = ${services.id} and ${plans.isActive})`,
        ),
      )
      .orderBy(...serviceOrder);
    return withRelations(db, rows, { activePlansOnly: true });
  },

  async findPurchasableBySlug(db: DbExecutor, slug: string): Promise<ServiceWithRelations | undefined> {
    const rows = await db
      .select()
      .from(services)
      .where(and(eq(services.slug, slug), eq(services.isActive, true)));
    const [service] = await withRelations(db, rows, { activePlansOnly: true });
    return service && service.plans.length > 0 ? service : undefined;
  },

  async listServices(
    db: DbExecutor,
    filter: ServiceFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: ServiceWithRelations[]; total: number }> {
    const where = serviceWhere(filter);
    const [rows, [totalRow]] = await Promise.all([
      db
        .select()
        .from(services)
        .where(where)
        .orderBy(...serviceOrder)
        .limit(page.limit)
        .offset(page.offset),
      db.select({ total: count() }).from(services).where(where),
    ]);
    return { items: await withRelations(db, rows), total: totalRow?.total ?? 0 };
  },

  async findService(
    db: DbExecutor,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ServiceWithRelations | undefined> {
    const query = db.select().from(services).where(eq(services.id, id));
    const rows = options.lock ? await query.for('update') : await query;
    const [service] = await withRelations(db, rows);
    return service;
  },

  async insertService(db: DbExecutor, values: typeof services.$inferInsert): Promise<ServiceRow> {
    const [row] = await db.insert(services).values(values).returning();
    return row!;
  },

  async updateService(db: DbExecutor, id: string, values: Partial<typeof services.$inferInsert>): Promise<boolean> {
    const rows = await db
      .update(services)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(services.id, id))
      .returning({ id: services.id });
    return rows.length > 0;
  },

  async deleteService(db: DbExecutor, id: string): Promise<boolean> {
    const rows = await db.delete(services).where(eq(services.id, id)).returning({ id: services.id });
    return rows.length > 0;
  },

  // ---- plans

  async findPlan(db: DbExecutor, serviceId: string, planId: string, options: { lock?: boolean } = {}) {
    const query = db
      .select()
      .from(plans)
      .where(and(eq(plans.id, planId), eq(plans.serviceId, serviceId)));
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  },

  async findPlanById(db: DbExecutor, planId: string): Promise<PlanRow | undefined> {
    const [row] = await db.select().from(plans).where(eq(plans.id, planId));
    return row;
  },

  async insertPlans(db: DbExecutor, values: (typeof plans.$inferInsert)[]): Promise<PlanRow[]> {
    if (values.length === 0) return [];
    return db.insert(plans).values(values).returning();
  },

  async updatePlan(
    db: DbExecutor,
    planId: string,
    values: Partial<typeof plans.$inferInsert>,
  ): Promise<PlanRow | undefined> {
    const [row] = await db
      .update(plans)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(plans.id, planId))
      .returning();
    return row;
  },

  async deletePlan(db: DbExecutor, planId: string): Promise<boolean> {
    const rows = await db.delete(plans).where(eq(plans.id, planId)).returning({ id: plans.id });
    return rows.length > 0;
  },

  // ---- categories

  async listCategories(db: DbExecutor): Promise<(CategoryRow & { serviceCount: number })[]> {
    return db
      .select({
        id: categories.id,
        slug: categories.slug,
        name: categories.name,
        description: categories.description,
        sortOrder: categories.sortOrder,
        createdAt: categories.createdAt,
        updatedAt: categories.updatedAt,
        serviceCount: serviceCountOfCategory,
      })
      .from(categories)
      .orderBy(asc(categories.sortOrder), asc(categories.name), asc(categories.id));
  },

  async findCategory(db: DbExecutor, id: string) {
    const all = await db
      .select({
        id: categories.id,
        slug: categories.slug,
        name: categories.name,
        description: categories.description,
        sortOrder: categories.sortOrder,
        createdAt: categories.createdAt,
        updatedAt: categories.updatedAt,
        serviceCount: serviceCountOfCategory,
      })
      .from(categories)
      .where(eq(categories.id, id));
    return all[0];
  },

  async insertCategory(db: DbExecutor, values: typeof categories.$inferInsert): Promise<CategoryRow> {
    const [row] = await db.insert(categories).values(values).returning();
    return row!;
  },

  async updateCategory(db: DbExecutor, id: string, values: Partial<typeof categories.$inferInsert>): Promise<boolean> {
    const rows = await db
      .update(categories)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(categories.id, id))
      .returning({ id: categories.id });
    return rows.length > 0;
  },

  async deleteCategory(db: DbExecutor, id: string): Promise<boolean> {
    const rows = await db.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
    return rows.length > 0;
  },

  // ---- stats

  async stats(db: DbExecutor) {
    return db
      .select({
        id: services.id,
        slug: services.slug,
        name: services.name,
        isActive: services.isActive,
        planTotal: sql<number>`count(${plans.id})::int`,
        planActive: sql<number>`(count(${plans.id}) filter (where ${plans.isActive}))::int`,
      })
      .from(services)
      .leftJoin(plans, eq(plans.serviceId, services.id))
      .groupBy(services.id)
      .orderBy(...serviceOrder);
  },
};
