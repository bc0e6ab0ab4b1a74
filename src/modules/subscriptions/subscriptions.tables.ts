import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';
import { plans, services } from '../catalog/catalog.tables.js';

/**
 * ACTIVE: paid for its period and kept running. SUSPENDED: unpaid after grace, scaled to zero, data kept.
 * CANCELLED: the customer cancelled; it ends at `periodEnd` (cancel-at-period-end is the flag on an
 * ACTIVE one). TERMINATED: ended, objects and data deleted. FAILED: provisioning failed for good, the
 * first charge refunded, objects removed. Live = ACTIVE, SUSPENDED or CANCELLED (see LIVE_STATUSES).
 */
export const subscriptionStatus = pgEnum('subscription_status', [
  'ACTIVE',
  'SUSPENDED',
  'CANCELLED',
  'TERMINATED',
  'FAILED',
]);

/**
 * PROVISIONING: objects applied (or being applied), the workload not yet available for the first time.
 * RUNNING: the workload is available. DEGRADED: it was RUNNING and is not available now (restart, crash).
 * STOPPED: scaled to zero (suspended). FAILED: provisioning failed for good. TERMINATED: objects deleted.
 */
export const podStatus = pgEnum('pod_status', [
  'PROVISIONING',
  'RUNNING',
  'DEGRADED',
  'STOPPED',
  'FAILED',
  'TERMINATED',
]);

export const workloadKind = pgEnum('workload_kind', ['Deployment', 'StatefulSet']);

const LIVE = sql`status in ('ACTIVE', 'SUSPENDED', 'CANCELLED')`;

/** A customer's purchase of a plan: what Kapal should run for them, and until when it is paid. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Null only once the plan or service was deleted (the catalog refuses that while the subscription is live). */
    planId: uuid().references(() => plans.id, { onDelete: 'set null' }),
    serviceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    /** The customer's name for the app: a DNS label, also the first label of the host. */
    name: text().notNull(),
    /** `<name>.<APPS_DOMAIN>`, unique among live subscriptions (a terminated one frees it). */
    host: text().notNull(),
    status: subscriptionStatus().notNull().default('ACTIVE'),
    /** What one period costs (integer rupiah), as charged at the start of the current period. */
    priceIdr: bigint({ mode: 'number' }).notNull(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    /** A downgrade chosen during this period: the plan the next renewal charges and switches to. */
    pendingPlanId: uuid().references(() => plans.id, { onDelete: 'set null' }),
    autoRenew: boolean().notNull().default(true),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    /**
     * A renewal was not covered: the grace period started (mails), suspension follows after 3 days. Kept
     * while SUSPENDED for non-payment (an administrator's suspension has none): what a top-up resumes.
     */
    graceStartedAt: timestamp({ withTimezone: true }),
    suspendedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    terminatedAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    /** Why it ended (FAILED, TERMINATED): a sentence for the customer and the operator. */
    endReason: text(),
    /** The POST's `Idempotency-Key`, honoured until `idempotencyExpiresAt` (then cleared on reuse). */
    idempotencyKey: text(),
    idempotencyExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subscriptions_host_live_unique').on(t.host).where(LIVE),
    uniqueIndex('subscriptions_user_name_live_unique').on(t.userId, t.name).where(LIVE),
    uniqueIndex('subscriptions_user_idempotency_key_unique')
      .on(t.userId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('subscriptions_user_created_idx').on(t.userId, t.createdAt),
    index('subscriptions_status_period_end_idx').on(t.status, t.periodEnd),
    index('subscriptions_plan_idx').on(t.planId),
    index('subscriptions_service_idx').on(t.serviceId),
    check('subscriptions_period_order', sql`${t.periodStart} < ${t.periodEnd}`),
    check('subscriptions_price_not_negative', sql`${t.priceIdr} >= 0`),
  ],
);

/**
 * The running app of a subscription (one per subscription): where it runs and how it is, as the
 * informers last reported it. `status` is derived from the workload; the reconciler and informers write it.
 */
export const pods = pgTable(
  'pods',
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: podStatus().notNull().default('PROVISIONING'),
    namespace: text().notNull(),
    workloadKind: workloadKind().notNull(),
    workloadName: text().notNull(),
    /** The node the app's (first ready) Kubernetes pod runs on. */
    nodeName: text(),
    /** Container restarts summed over the workload's Kubernetes pods. */
    restarts: integer().notNull().default(0),
    desiredReplicas: integer().notNull().default(1),
    readyReplicas: integer().notNull().default(0),
    availableReplicas: integer().notNull().default(0),
    lastError: text(),
    /** Provisioning that is not RUNNING by then fails for good. */
    provisioningDeadlineAt: timestamp({ withTimezone: true }).notNull(),
    /** When it first became RUNNING, and when it last did. */
    readyAt: timestamp({ withTimezone: true }),
    runningSince: timestamp({ withTimezone: true }),
    stoppedAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    terminatedAt: timestamp({ withTimezone: true }),
    /** When the service-ready mail was enqueued (once). */
    readyMailedAt: timestamp({ withTimezone: true }),
    lastRestartAt: timestamp({ withTimezone: true }),
    /**
     * An administrator stopped the app (POST /admin/pods/{id}/stop): the reconciler renders zero replicas
     * until an administrator starts it again; cleared by start.
     */
    adminStoppedAt: timestamp({ withTimezone: true }),
    lastReconciledAt: timestamp({ withTimezone: true }),
    /** When an informer last reported on the workload. */
    lastObservedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pods_subscription_unique').on(t.subscriptionId),
    index('pods_user_created_idx').on(t.userId, t.createdAt),
    // The administrators' list, newest first: a page is read from the index, not sorted from every pod.
    index('pods_created_idx').on(t.createdAt, t.id),
    index('pods_status_idx').on(t.status),
    index('pods_namespace_workload_idx').on(t.namespace, t.workloadName),
  ],
);

/** What a reconciliation changed in the cluster (runs that changed nothing are not recorded). */
export const reconciliations = pgTable(
  'reconciliations',
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    /** `provision`, `drift` (the periodic pass), `restart`, `failure`, ... */
    trigger: text().notNull(),
    /** `[{ kind, namespace, name, action: 'created' | 'updated' | 'deleted' }]` */
    changes: jsonb().notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reconciliations_subscription_created_idx').on(t.subscriptionId, t.createdAt)],
);

/**
 * Lifecycle mails claimed once per subscription, notice and period (`expiring-7`, `expiring-3`,
 * `expiring-1`, `grace`, `grace-last`, ...): the row is the "sent once" guarantee, the mail job's id
 * only saves a duplicate enqueue.
 */
export const subscriptionNotices = pgTable(
  'subscription_notices',
  {
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    notice: text().notNull(),
    /** The period the notice is about (its end). */
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.notice, t.periodEnd] })],
);
