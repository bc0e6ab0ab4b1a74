import type { Database, DbExecutor } from '../../platform/db/db.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/pg-errors.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { TemplateRegistry } from '../templates/index.js';
import {
  type AdminPlanView,
  type AdminServiceView,
  type CatalogStats,
  type CategoryInput,
  type CategoryPatch,
  type CategoryView,
  checkRequestsWithinLimits,
  type PlanInput,
  type PlanPatch,
  type PublicServiceView,
  type ServiceInput,
  type ServicePatch,
} from './catalog.http.js';
import {
  type CategoryRow,
  type PlanRow,
  catalogRepository as repo,
  type ServiceFilter,
  type ServiceWithRelations,
} from './catalog.repository.js';
import type { CatalogUsage } from './catalog-usage.js';

/** A 400 naming the field, in the same shape as schema validation errors. */
const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `body.${field}: ${message}`, [{ path: `body.${field}`, message }]);

const toCategoryRef = (c: CategoryRow | null) => (c ? { id: c.id, slug: c.slug, name: c.name } : null);

const toAdminPlan = (p: PlanRow): AdminPlanView => ({
  id: p.id,
  serviceId: p.serviceId,
  name: p.name,
  description: p.description,
  cpuRequestMillicores: p.cpuRequestMillicores,
  cpuLimitMillicores: p.cpuLimitMillicores,
  memoryRequestMib: p.memoryRequestMib,
  memoryLimitMib: p.memoryLimitMib,
  storageGib: p.storageGib,
  priceMonthlyIdr: p.priceMonthlyIdr,
  features: p.features,
  isActive: p.isActive,
  sortOrder: p.sortOrder,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const toPublicService = (s: ServiceWithRelations): PublicServiceView => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  description: s.description,
  category: toCategoryRef(s.category),
  iconUrl: s.iconUrl,
  appVersion: s.appVersion,
  startingPriceMonthlyIdr: Math.min(...s.plans.map((p) => p.priceMonthlyIdr)),
  plans: s.plans.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    cpuRequestMillicores: p.cpuRequestMillicores,
    cpuLimitMillicores: p.cpuLimitMillicores,
    memoryRequestMib: p.memoryRequestMib,
    memoryLimitMib: p.memoryLimitMib,
    storageGib: p.storageGib,
    priceMonthlyIdr: p.priceMonthlyIdr,
    features: p.features,
  })),
});

const toAdminService = (s: ServiceWithRelations): AdminServiceView => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  description: s.description,
  category: toCategoryRef(s.category),
  iconUrl: s.iconUrl,
  appVersion: s.appVersion,
  templateRef: s.templateRef,
  isActive: s.isActive,
  sortOrder: s.sortOrder,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  plans: s.plans.map(toAdminPlan),
});

const toCategoryView = (c: CategoryRow & { serviceCount: number }): CategoryView => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  description: c.description,
  sortOrder: c.sortOrder,
  serviceCount: c.serviceCount,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/**
 * The catalog: what customers can buy (services and their plans, grouped in categories) and how
 * administrators change it. Every write is one transaction; a failed check leaves nothing behind.
 */
export function createCatalogService(deps: {
  database: Pick<Database, 'db' | 'transaction'>;
  templates: Pick<TemplateRegistry, 'get' | 'list'>;
  usage: CatalogUsage;
}) {
  const { db } = deps.database;

  function checkTemplate(templateRef: string) {
    if (deps.templates.get(templateRef)) return;
    const known = deps.templates
      .list()
      .map((t) => t.slug)
      .join(', ');
    throw invalidField('templateRef', `no app template "${templateRef}" (known: ${known})`);
  }

  async function checkCategory(executor: DbExecutor, categoryId: string | null | undefined) {
    if (!categoryId) return;
    if (!(await repo.findCategory(executor, categoryId))) throw invalidField('categoryId', 'no such category');
  }

  /** Turns the database's own guards into the API's errors; anything else is not ours to explain. */
  function translate(err: unknown, messages: { unique?: string }): never {
    if (isUniqueViolation(err) && messages.unique) throw conflict(messages.unique);
    throw err;
  }

  async function requireService(executor: DbExecutor, id: string, lock = false) {
    const service = await repo.findService(executor, id, { lock });
    if (!service) throw notFound('Service');
    return service;
  }

  async function requirePlan(executor: DbExecutor, serviceId: string, planId: string, lock = false) {
    const plan = await repo.findPlan(executor, serviceId, planId, { lock });
    if (!plan) throw notFound('Plan');
    return plan;
  }

  async function getCategory(id: string): Promise<CategoryView> {
    const category = await repo.findCategory(db, id);
    if (!category) throw notFound('Category');
    return toCategoryView(category);
  }

  const planValues = (serviceId: string, plan: PlanInput) => ({ serviceId, ...plan });

  return {
    // ---- public

    async listPurchasable(filter: { q?: string; category?: string }): Promise<PublicServiceView[]> {
      const rows = await repo.listPurchasable(db, { q: filter.q, categorySlug: filter.category });
      return rows.map(toPublicService);
    },

    async getPurchasable(slug: string): Promise<PublicServiceView> {
      const service = await repo.findPurchasableBySlug(db, slug);
      if (!service) throw notFound('Service');
      return toPublicService(service);
    },

    async listCategories(): Promise<CategoryView[]> {
      return (await repo.listCategories(db)).map(toCategoryView);
    },

    // ---- services (admin)

    async listServices(filter: ServiceFilter & { page: number; pageSize: number }) {
      const { items, total } = await repo.listServices(db, filter, {
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return { items: items.map(toAdminService), total };
    },

    async getService(id: string): Promise<AdminServiceView> {
      return toAdminService(await requireService(db, id));
    },

    async createService(input: ServiceInput): Promise<AdminServiceView> {
      checkTemplate(input.templateRef);
      const names = new Set<string>();
      input.plans.forEach((plan, i) => {
        const key = plan.name.toLowerCase();
        if (names.has(key)) throw invalidField(`plans[${i}].name`, `"${plan.name}" is listed twice`);
        names.add(key);
      });
      try {
        const id = await deps.database.transaction(async (tx) => {
          await checkCategory(tx, input.categoryId);
          const { plans: planInputs, ...service } = input;
          const row = await repo.insertService(tx, {
            ...service,
            appVersion: service.appVersion ?? deps.templates.get(service.templateRef)!.version,
          });
          await repo.insertPlans(
            tx,
            planInputs.map((p) => planValues(row.id, p)),
          );
          return row.id;
        });
        return toAdminService(await requireService(db, id));
      } catch (err) {
        translate(err, { unique: `A service with the slug "${input.slug}" already exists` });
      }
    },

    async updateService(id: string, patch: ServicePatch): Promise<AdminServiceView> {
      if (patch.templateRef !== undefined) checkTemplate(patch.templateRef);
      try {
        await deps.database.transaction(async (tx) => {
          await requireService(tx, id, true);
          await checkCategory(tx, patch.categoryId);
          await repo.updateService(tx, id, patch);
        });
      } catch (err) {
        translate(err, { unique: `A service with the slug "${patch.slug}" already exists` });
      }
      return toAdminService(await requireService(db, id));
    },

    /** Deletes a service and its plans, unless live subscriptions use it: then it can only be deactivated. */
    async deleteService(id: string): Promise<void> {
      await deps.database.transaction(async (tx) => {
        const service = await requireService(tx, id, true);
        const live = await deps.usage.countLiveForService(tx, id);
        if (live > 0) {
          throw conflict(
            `Service "${service.slug}" has ${live} live subscription(s) and cannot be deleted; deactivate it instead (PATCH isActive: false)`,
          );
        }
        await repo.deleteService(tx, id);
      });
    },

    // ---- plans (admin)

    async listPlans(serviceId: string): Promise<AdminPlanView[]> {
      return (await requireService(db, serviceId)).plans.map(toAdminPlan);
    },

    async getPlan(serviceId: string, planId: string): Promise<AdminPlanView> {
      return toAdminPlan(await requirePlan(db, serviceId, planId));
    },

    async createPlan(serviceId: string, input: PlanInput): Promise<AdminPlanView> {
      try {
        return await deps.database.transaction(async (tx) => {
          await requireService(tx, serviceId, true);
          const [plan] = await repo.insertPlans(tx, [planValues(serviceId, input)]);
          return toAdminPlan(plan!);
        });
      } catch (err) {
        translate(err, { unique: `This service already has a plan named "${input.name}"` });
      }
    },

    async updatePlan(serviceId: string, planId: string, patch: PlanPatch): Promise<AdminPlanView> {
      try {
        return await deps.database.transaction(async (tx) => {
          const current = await requirePlan(tx, serviceId, planId, true);
          const problems = checkRequestsWithinLimits({ ...current, ...patch });
          if (problems[0]) throw invalidField(problems[0].path, problems[0].message);
          return toAdminPlan((await repo.updatePlan(tx, planId, patch))!);
        });
      } catch (err) {
        translate(err, { unique: `This service already has a plan named "${patch.name}"` });
      }
    },

    async deletePlan(serviceId: string, planId: string): Promise<void> {
      await deps.database.transaction(async (tx) => {
        const plan = await requirePlan(tx, serviceId, planId, true);
        const live = await deps.usage.countLiveForPlan(tx, planId);
        if (live > 0) {
          throw conflict(
            `Plan "${plan.name}" has ${live} live subscription(s) and cannot be deleted; deactivate it instead (PATCH isActive: false)`,
          );
        }
        await repo.deletePlan(tx, planId);
      });
    },

    // ---- categories (admin)

    getCategory,

    async createCategory(input: CategoryInput): Promise<CategoryView> {
      try {
        const row = await repo.insertCategory(db, input);
        return toCategoryView({ ...row, serviceCount: 0 });
      } catch (err) {
        translate(err, { unique: `A category with the slug "${input.slug}" already exists` });
      }
    },

    async updateCategory(id: string, patch: CategoryPatch): Promise<CategoryView> {
      try {
        if (!(await repo.updateCategory(db, id, patch))) throw notFound('Category');
      } catch (err) {
        translate(err, { unique: `A category with the slug "${patch.slug}" already exists` });
      }
      return getCategory(id);
    },

    async deleteCategory(id: string): Promise<void> {
      try {
        await deps.database.transaction(async (tx) => {
          const category = await repo.findCategory(tx, id);
          if (!category) throw notFound('Category');
          if (category.serviceCount > 0) {
            throw conflict(
              `Category "${category.slug}" still has ${category.serviceCount} service(s); move them to another category first`,
            );
          }
          await repo.deleteCategory(tx, id);
        });
      } catch (err) {
        // A service moved into the category between the count and the delete.
        if (isForeignKeyViolation(err)) throw conflict('Category still has services; move them first');
        throw err;
      }
    },

    // ---- stats

    async stats(): Promise<CatalogStats> {
      const rows = await repo.stats(db);
      const perService = rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        isActive: r.isActive,
        plans: { total: r.planTotal, active: r.planActive, inactive: r.planTotal - r.planActive },
      }));
      const activeServices = rows.filter((r) => r.isActive).length;
      const planTotal = rows.reduce((t, r) => t + r.planTotal, 0);
      const planActive = rows.reduce((t, r) => t + r.planActive, 0);
      return {
        services: { total: rows.length, active: activeServices, inactive: rows.length - activeServices },
        plans: { total: planTotal, active: planActive, inactive: planTotal - planActive },
        perService,
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
