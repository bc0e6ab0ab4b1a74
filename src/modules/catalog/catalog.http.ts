import { z } from 'zod';

/** Request and response schemas of the catalog routes: validation, serialization and OpenAPI from one place. */

const slug = z
  .string({ message: 'must be a string' })
  .min(1, 'must not be empty')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters and digits separated by single "-"');
const text = (max: number) =>
  z.string({ message: 'must be a string' }).trim().max(max, `must be at most ${max} characters`);
const name = (max: number) => text(max).min(1, 'must not be empty');
const count = (min: number, max: number) =>
  z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const sortOrder = count(-1_000_000, 1_000_000);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters');

// ---- categories

export const categoryInput = z.object({
  slug,
  name: name(100),
  description: text(1000).default(''),
  sortOrder: sortOrder.default(0),
});
export const categoryPatch = z
  .object({ slug, name: name(100), description: text(1000), sortOrder })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

export const categoryView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    sortOrder: z.number().int(),
    serviceCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Category' });

// ---- plans

const planFields = {
  name: name(60),
  description: text(500),
  cpuRequestMillicores: count(10, 64_000).describe('CPU the app is guaranteed, in millicores (1000 = one core)'),
  cpuLimitMillicores: count(10, 64_000).describe('CPU the app may burst to, in millicores'),
  memoryRequestMib: count(32, 262_144).describe('Memory the app is guaranteed, in MiB'),
  memoryLimitMib: count(32, 262_144).describe('Memory the app may use before it is stopped, in MiB'),
  storageGib: count(1, 1024).describe('Size of the app data volume, in GiB'),
  priceMonthlyIdr: count(0, 100_000_000).describe('Price per month, integer rupiah'),
  features: z.array(name(200), { message: 'must be a list of strings' }).max(30, 'must list at most 30 features'),
  isActive: z.boolean({ message: 'must be true or false' }),
  sortOrder,
};

/** Requests must fit within limits; the field named in the error is the request. */
export function checkRequestsWithinLimits(
  plan: Partial<Record<'cpuRequestMillicores' | 'cpuLimitMillicores' | 'memoryRequestMib' | 'memoryLimitMib', number>>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (plan.cpuRequestMillicores !== undefined && plan.cpuLimitMillicores !== undefined) {
    if (plan.cpuRequestMillicores > plan.cpuLimitMillicores)
      problems.push({ path: 'cpuRequestMillicores', message: 'must not exceed cpuLimitMillicores' });
  }
  if (plan.memoryRequestMib !== undefined && plan.memoryLimitMib !== undefined) {
    if (plan.memoryRequestMib > plan.memoryLimitMib)
      problems.push({ path: 'memoryRequestMib', message: 'must not exceed memoryLimitMib' });
  }
  return problems;
}

export const planInput = z
  .object({
    ...planFields,
    description: planFields.description.default(''),
    features: planFields.features.default([]),
    isActive: planFields.isActive.default(true),
    sortOrder: sortOrder.default(0),
  })
  .superRefine((plan, ctx) => {
    for (const p of checkRequestsWithinLimits(plan))
      ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
export const planPatch = z
  .object(planFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

const planResources = {
  cpuRequestMillicores: z.number().int(),
  cpuLimitMillicores: z.number().int(),
  memoryRequestMib: z.number().int(),
  memoryLimitMib: z.number().int(),
  storageGib: z.number().int(),
  priceMonthlyIdr: z.number().int(),
  features: z.array(z.string()),
};

export const publicPlanView = z
  .object({ id: z.uuid(), name: z.string(), description: z.string(), ...planResources })
  .meta({ id: 'Plan' });

export const adminPlanView = z
  .object({
    id: z.uuid(),
    serviceId: z.uuid(),
    name: z.string(),
    description: z.string(),
    ...planResources,
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminPlan' });

// ---- services

const serviceFields = {
  slug,
  name: name(100),
  description: text(5000),
  categoryId: z.uuid({ message: 'must be a UUID' }).nullable(),
  iconUrl: httpUrl.nullable(),
  appVersion: name(50),
  templateRef: name(63).describe('The app template that runs this service: templates/<templateRef>.yaml'),
  isActive: z.boolean({ message: 'must be true or false' }),
  sortOrder,
};

export const serviceInput = z.object({
  ...serviceFields,
  description: serviceFields.description.default(''),
  categoryId: serviceFields.categoryId.default(null),
  iconUrl: serviceFields.iconUrl.default(null),
  appVersion: serviceFields.appVersion.optional().describe("Defaults to the template's version"),
  isActive: serviceFields.isActive.default(true),
  sortOrder: sortOrder.default(0),
  plans: z
    .array(planInput)
    .max(20, 'must have at most 20 plans')
    .default([])
    .describe('Created with the service, in one transaction'),
});
export const servicePatch = z
  .object(serviceFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

const categoryRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable();

export const publicServiceView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    category: categoryRef,
    iconUrl: z.string().nullable(),
    appVersion: z.string(),
    startingPriceMonthlyIdr: z.number().int().describe('The lowest monthly price among the plans'),
    plans: z.array(publicPlanView),
  })
  .meta({ id: 'Service' });

export const adminServiceView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    category: categoryRef,
    iconUrl: z.string().nullable(),
    appVersion: z.string(),
    templateRef: z.string(),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    plans: z.array(adminPlanView),
  })
  .meta({ id: 'AdminService' });

const byStatus = z.object({ total: z.number().int(), active: z.number().int(), inactive: z.number().int() });
export const catalogStats = z.object({
  services: byStatus,
  plans: byStatus,
  perService: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      isActive: z.boolean(),
      plans: byStatus,
    }),
  ),
});

export const publicCatalogQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe('Text in the name, slug or description'),
  category: slug.optional().describe('Category slug'),
});

export type CategoryInput = z.output<typeof categoryInput>;
export type CategoryPatch = z.output<typeof categoryPatch>;
export type PlanInput = z.output<typeof planInput>;
export type PlanPatch = z.output<typeof planPatch>;
export type ServiceInput = z.output<typeof serviceInput>;
export type ServicePatch = z.output<typeof servicePatch>;
export type CategoryView = z.output<typeof categoryView>;
export type PublicServiceView = z.output<typeof publicServiceView>;
export type AdminServiceView = z.output<typeof adminServiceView>;
export type AdminPlanView = z.output<typeof adminPlanView>;
export type CatalogStats = z.output<typeof catalogStats>;
