import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const categories = pgTable(
  'categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('categories_slug_unique').on(t.slug)],
);

export const services = pgTable(
  'services',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    // A category in use cannot be deleted: move its services first.
    categoryId: uuid().references(() => categories.id, { onDelete: 'restrict' }),
    iconUrl: text(),
    appVersion: text().notNull(),
    /** The slug of the template file (`templates/<templateRef>.yaml`) that runs this service. */
    templateRef: text().notNull(),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('services_slug_unique').on(t.slug),
    index('services_category_idx').on(t.categoryId),
    index('services_active_sort_idx').on(t.isActive, t.sortOrder),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    cpuRequestMillicores: integer().notNull(),
    cpuLimitMillicores: integer().notNull(),
    memoryRequestMib: integer().notNull(),
    memoryLimitMib: integer().notNull(),
    storageGib: integer().notNull(),
    /** Integer rupiah per month. */
    priceMonthlyIdr: integer().notNull(),
    features: text().array().notNull().default(sql`'{}'::text[]`),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_service_name_unique').on(t.serviceId, sql`lower(${t.name})`),
    check(
      'plans_cpu_request_within_limit',
      sql`0 < ${t.cpuRequestMillicores} and ${t.cpuRequestMillicores} <= ${t.cpuLimitMillicores}`,
    ),
    check(
      'plans_memory_request_within_limit',
      sql`0 < ${t.memoryRequestMib} and ${t.memoryRequestMib} <= ${t.memoryLimitMib}`,
    ),
    check('plans_storage_positive', sql`${t.storageGib} > 0`),
    check('plans_price_not_negative', sql`${t.priceMonthlyIdr} >= 0`),
  ],
);
