import { eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { plans, services } from './catalog.tables.js';

/** A plan with what a purchase and a render need of its service. */
export interface PlanForPurchase {
  id: string;
  name: string;
  isActive: boolean;
  priceMonthlyIdr: number;
  cpuRequestMillicores: number;
  cpuLimitMillicores: number;
  memoryRequestMib: number;
  memoryLimitMib: number;
  storageGib: number;
  service: { id: string; slug: string; name: string; templateRef: string; isActive: boolean };
}

const columns = {
  id: plans.id,
  name: plans.name,
  isActive: plans.isActive,
  priceMonthlyIdr: plans.priceMonthlyIdr,
  cpuRequestMillicores: plans.cpuRequestMillicores,
  cpuLimitMillicores: plans.cpuLimitMillicores,
  memoryRequestMib: plans.memoryRequestMib,
  memoryLimitMib: plans.memoryLimitMib,
  storageGib: plans.storageGib,
  serviceId: services.id,
  serviceSlug: services.slug,
  serviceName: services.name,
  templateRef: services.templateRef,
  serviceIsActive: services.isActive,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] };

const toPlan = (r: Row): PlanForPurchase => ({
  id: r.id,
  name: r.name,
  isActive: r.isActive,
  priceMonthlyIdr: r.priceMonthlyIdr,
  cpuRequestMillicores: r.cpuRequestMillicores,
  cpuLimitMillicores: r.cpuLimitMillicores,
  memoryRequestMib: r.memoryRequestMib,
  memoryLimitMib: r.memoryLimitMib,
  storageGib: r.storageGib,
  service: {
    id: r.serviceId,
    slug: r.serviceSlug,
    name: r.serviceName,
    templateRef: r.templateRef,
    isActive: r.serviceIsActive,
  },
});

/** Plans (active or not) with their services, for the subscriptions module: by id, in one query. */
export async function findPlansForPurchase(
  executor: DbExecutor,
  planIds: readonly string[],
): Promise<PlanForPurchase[]> {
  if (planIds.length === 0) return [];
  const rows = await executor
    .select(columns)
    .from(plans)
    .innerJoin(services, eq(services.id, plans.serviceId))
    .where(inArray(plans.id, [...new Set(planIds)]));
  return rows.map(toPlan);
}

export async function findPlanForPurchase(executor: DbExecutor, planId: string): Promise<PlanForPurchase | undefined> {
  return (await findPlansForPurchase(executor, [planId]))[0];
}
