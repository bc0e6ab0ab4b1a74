import type { Database, DbExecutor } from '../../platform/db/db.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/pg-errors.js';
import { conflict, notFound } from '../../platform/errors.js';
import { fieldError } from '../../platform/http/field-error.js';
import type { Actor, AuditLog } from '../audit/index.js';
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

/** What a patch changes: each field whose new value differs from the current one, with both values. */
function changesOf(before: object, patch: object): Record<string, { from: unknown; to: unknown }> {
  const current = before as Record<string, unknown>;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to !== undefined && JSON.stringify(current[key]) !== JSON.stringify(to))
      changes[key] = { from: current[key], to };
  }
  return changes;
}

const invalidField = (field: string, message: string) => fieldError(`body.${field}`, message);

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
  audit: Pick<AuditLog, 'record'>;
}) {
  const { db } = deps.database;

  /** Every catalog change is audited in the transaction that makes it. */
  const audited = (tx: DbExecutor, actor: Actor, action: string, target: { type: string; id: string }, details = {}) =>
    deps.audit.record(
      {
        actorId: actor.id,
        action: `admin.${action}`,
        targetType: target.type,
        targetId: target.id,
        ip: actor.ip,
        details,
      },
      tx,
    );

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

    async createService(actor: Actor, input: ServiceInput): Promise<AdminServiceView> {
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
          await audited(
            tx,
            actor,
            'service.created',
            { type: 'service', id: row.id },
            {
              slug: service.slug,
              plans: planInputs.map((p) => ({ name: p.name, priceMonthlyIdr: p.priceMonthlyIdr })),
            },
          );
          return row.id;
        });
        return toAdminService(await requireService(db, id));
      } catch (err) {
        translate(err, { unique: `A service with the slug "${input.slug}" already exists` });
      }
    },

    async updateService(actor: Actor, id: string, patch: ServicePatch): Promise<AdminServiceView> {
      if (patch.templateRef !== undefined) checkTemplate(patch.templateRef);
      try {
        await deps.database.transaction(async (tx) => {
          const before = await requireService(tx, id, true);
          await checkCategory(tx, patch.categoryId);
          await repo.updateService(tx, id, patch);
          const changes = changesOf(before, patch);
          if (Object.keys(changes).length > 0) {
            await audited(tx, actor, 'service.updated', { type: 'service', id }, { slug: before.slug, changes });
          }
        });
      } catch (err) {
        translate(err, { unique: `A service with the slug "${patch.slug}" already exists` });
      }
      return toAdminService(await requireService(db, id));
    },

    /** Deletes a service and its plans, unless live subscriptions use it: then it can only be deactivated. */
    async deleteService(actor: Actor, id: string): Promise<void> {
      await deps.database.transaction(async (tx) => {
        const service = await requireService(tx, id, true);
        const live = await deps.usage.countLiveForService(tx, id);
        if (live > 0) {
          throw conflict(
            `Service "${service.slug}" has ${live} live subscription(s) and cannot be deleted; deactivate it instead (PATCH isActive: false)`,
          );
        }
        await repo.deleteService(tx, id);
        await audited(tx, actor, 'service.deleted', { type: 'service', id }, { slug: service.slug });
      });
    },

    // ---- plans (admin)

    async listPlans(serviceId: string): Promise<AdminPlanView[]> {
      return (await requireService(db, serviceId)).plans.map(toAdminPlan);
    },

    async getPlan(serviceId: string, planId: string): Promise<AdminPlanView> {
      return toAdminPlan(await requirePlan(db, serviceId, planId));
    },

    async createPlan(actor: Actor, serviceId: string, input: PlanInput): Promise<AdminPlanView> {
      try {
        return await deps.database.transaction(async (tx) => {
          await requireService(tx, serviceId, true);
          const [plan] = await repo.insertPlans(tx, [planValues(serviceId, input)]);
          await audited(
            tx,
            actor,
            'plan.created',
            { type: 'plan', id: plan!.id },
            {
              serviceId,
              name: input.name,
              priceMonthlyIdr: input.priceMonthlyIdr,
            },
          );
          return toAdminPlan(plan!);
        });
      } catch (err) {
        translate(err, { unique: `This service already has a plan named "${input.name}"` });
      }
    },

    async updatePlan(actor: Actor, serviceId: string, planId: string, patch: PlanPatch): Promise<AdminPlanView> {
      try {
        return await deps.database.transaction(async (tx) => {
          const current = await requirePlan(tx, serviceId, planId, true);
          const problems = checkRequestsWithinLimits({ ...current, ...patch });
          if (problems[0]) throw invalidField(problems[0].path, problems[0].message);
          const updated = (await repo.updatePlan(tx, planId, patch))!;
          const changes = changesOf(current, patch);
          const target = { type: 'plan', id: planId };
          if (Object.keys(changes).length > 0) {
            await audited(tx, actor, 'plan.updated', target, { serviceId, name: current.name, changes });
          }
          // Price changes are what finance asks about: each has an entry of its own.
          if (changes.priceMonthlyIdr) {
            await audited(tx, actor, 'plan.price_changed', target, { serviceId, ...changes.priceMonthlyIdr });
          }
          return toAdminPlan(updated);
        });
      } catch (err) {
        translate(err, { unique: `This service already has a plan named "${patch.name}"` });
      }
    },

    async deletePlan(actor: Actor, serviceId: string, planId: string): Promise<void> {
      await deps.database.transaction(async (tx) => {
        const plan = await requirePlan(tx, serviceId, planId, true);
        const live = await deps.usage.countLiveForPlan(tx, planId);
        if (live > 0) {
          throw conflict(
            `Plan "${plan.name}" has ${live} live subscription(s) and cannot be deleted; deactivate it instead (PATCH isActive: false)`,
          );
        }
        await repo.deletePlan(tx, planId);
        await audited(tx, actor, 'plan.deleted', { type: 'plan', id: planId }, { serviceId, name: plan.name });
      });
    },

    // ---- categories (admin)

    getCategory,

    async createCategory(actor: Actor, input: CategoryInput): Promise<CategoryView> {
      try {
        const row = await deps.database.transaction(async (tx) => {
          const inserted = await repo.insertCategory(tx, input);
          await audited(tx, actor, 'category.created', { type: 'category', id: inserted.id }, { slug: input.slug });
          return inserted;
        });
        return toCategoryView({ ...row, serviceCount: 0 });
      } catch (err) {
        translate(err, { unique: `A category with the slug "${input.slug}" already exists` });
      }
    },

    async updateCategory(actor: Actor, id: string, patch: CategoryPatch): Promise<CategoryView> {
      try {
        await deps.database.transaction(async (tx) => {
          const before = await repo.findCategory(tx, id);
          if (!before || !(await repo.updateCategory(tx, id, patch))) throw notFound('Category');
          const changes = changesOf(before, patch);
          if (Object.keys(changes).length > 0) {
            await audited(tx, actor, 'category.updated', { type: 'category', id }, { changes });
          }
        });
      } catch (err) {
        translate(err, { unique: `A category with the slug "${patch.slug}" already exists` });
      }
      return getCategory(id);
    },

    async deleteCategory(actor: Actor, id: string): Promise<void> {
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
          await audited(tx, actor, 'category.deleted', { type: 'category', id }, { slug: category.slug });
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
