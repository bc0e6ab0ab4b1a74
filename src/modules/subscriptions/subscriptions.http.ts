import { z } from 'zod';
import { pageQuery } from '../../platform/http/listing.js';

/** Names that would read as Kapal's own hosts under APPS_DOMAIN. */
export const RESERVED_NAMES = new Set([
  'www',
  'api',
  'app',
  'admin',
  'dashboard',
  'mail',
  'smtp',
  'ftp',
  'ns1',
  'ns2',
  'kapal',
  'status',
  'docs',
  'static',
]);

/** The app's name: a DNS label of 3 to 40 characters, also the first label of its host. */
export const subscriptionName = z
  .string()
  .max(40, 'must be at most 40 characters')
  .regex(
    /^[a-z]([a-z0-9-]{1,38})[a-z0-9]$/,
    'must be 3 to 40 characters: lowercase letters, digits and "-", starting with a letter and not ending with "-"',
  )
  .refine((name) => !name.includes('--'), 'must not contain "--"')
  .refine((name) => !RESERVED_NAMES.has(name), 'is reserved');

export const createSubscriptionBody = z.object({
  planId: z.uuid({ message: 'must be a UUID' }),
  name: subscriptionName,
});

/** GET /subscriptions/name-check: any text up to this long gets an answer; a longer one is 400. */
export const NAME_CHECK_MAX = 100;

export const nameCheckQuery = z.object({
  name: z
    .string()
    .max(NAME_CHECK_MAX, `must be at most ${NAME_CHECK_MAX} characters`)
    .describe('The name to check: one that breaks the rules of POST /subscriptions answers `available: false` and why'),
});

export const nameCheckView = z.object({
  name: z.string(),
  available: z.boolean().describe('True when POST /subscriptions would accept this name now'),
  code: z
    .enum(['INVALID', 'TAKEN'])
    .optional()
    .describe(
      'Why not: INVALID breaks the name rules (400 on POST), TAKEN is used by a live subscription (409 on POST)',
    ),
  reason: z.string().optional().describe('Why not, in words (the message POST /subscriptions would answer)'),
  url: z
    .string()
    .optional()
    .describe('The address the app gets with this name (`https://<name>.<APPS_DOMAIN>`); set when the name is valid'),
});

export type NameCheckView = z.infer<typeof nameCheckView>;

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});

export const subscriptionStatus = z.enum(['ACTIVE', 'SUSPENDED', 'CANCELLED', 'TERMINATED', 'FAILED']);
export const podStatus = z.enum(['PROVISIONING', 'RUNNING', 'DEGRADED', 'STOPPED', 'FAILED', 'TERMINATED']);

export const resourcesView = z.object({
  cpuRequestMillicores: z.number().int(),
  cpuLimitMillicores: z.number().int(),
  memoryRequestMib: z.number().int(),
  memoryLimitMib: z.number().int(),
  storageGib: z.number().int(),
});

/** What the informers report of a running app: the fields the customer's and the administrators' views share. */
export const podRuntimeFields = {
  status: podStatus,
  namespace: z.string(),
  workloadKind: z.enum(['Deployment', 'StatefulSet']),
  workloadName: z.string(),
  node: z.string().nullable().describe('The worker node the app runs on'),
  restarts: z.number().int(),
  desiredReplicas: z.number().int(),
  readyReplicas: z.number().int(),
  availableReplicas: z.number().int(),
  lastError: z.string().nullable(),
  url: z.string(),
};

export const podView = z
  .object({
    id: z.uuid(),
    subscriptionId: z.uuid(),
    name: z.string().describe("The subscription's name"),
    ...podRuntimeFields,
    resources: resourcesView.nullable().describe("The plan's resources (null once the plan was deleted)"),
    ageSeconds: z.number().int(),
    createdAt: z.iso.datetime(),
    readyAt: z.iso.datetime().nullable(),
    runningSince: z.iso.datetime().nullable(),
    lastRestartAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Pod' });

export const subscriptionView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: subscriptionStatus,
    host: z.string(),
    url: z.string(),
    service: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
    plan: z.object({ id: z.uuid(), name: z.string(), priceMonthlyIdr: z.number().int() }).nullable(),
    priceIdr: z.number().int().describe('What the current period cost (integer rupiah)'),
    periodStart: z.iso.datetime(),
    periodEnd: z.iso.datetime(),
    autoRenew: z.boolean(),
    cancelAtPeriodEnd: z.boolean(),
    pendingPlan: z
      .object({ id: z.uuid(), name: z.string(), priceMonthlyIdr: z.number().int() })
      .nullable()
      .describe('A downgrade that takes effect at the next renewal'),
    nextCharge: z
      .object({ at: z.iso.datetime(), amount: z.number().int() })
      .nullable()
      .describe('The next renewal charge, when the subscription will renew'),
    endReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    pod: podView,
  })
  .meta({ id: 'Subscription' });

export const createdSubscriptionView = z.object({
  subscription: subscriptionView,
  pod: podView,
  url: z.string(),
});

export const subscriptionListQuery = z.object({
  status: subscriptionStatus.optional(),
  ...pageQuery,
});

export const podListQuery = z.object({
  status: podStatus.optional(),
  ...pageQuery,
});

export const credentialsView = z.object({
  subscriptionId: z.uuid(),
  url: z.string(),
  credentials: z.array(z.object({ name: z.string(), value: z.string() })),
});

/** At most this many lines and bytes of log per answer; a followed log stops after FOLLOW_LOG_LIMIT_BYTES. */
export const LOG_TAIL_MAX = 5_000;
export const LOG_LIMIT_BYTES = 1024 * 1024;
export const FOLLOW_LOG_LIMIT_BYTES = 8 * 1024 * 1024;

export const logsQuery = z.object({
  tail: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1, 'must be at least 1')
    .max(LOG_TAIL_MAX, `must be at most ${LOG_TAIL_MAX}`)
    .default(200),
  since: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(1, 'must be at least 1')
    .max(30 * 24 * 3600, 'must be at most 30 days')
    .optional(),
  container: z
    .string()
    .max(63, 'must be at most 63 characters')
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a container name')
    .default('app')
    .describe('"app", or a companion of the template (e.g. "mysql")'),
  follow: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .describe('Stream the log (text/plain) while the container runs'),
});

export const logsView = z.object({
  podName: z.string().describe('The Kubernetes pod the lines come from'),
  container: z.string(),
  lines: z.array(z.string()),
  truncated: z.boolean().describe(`True when the answer reached ${LOG_LIMIT_BYTES} bytes`),
});

export const eventView = z.object({
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  object: z.string().describe('kind/name of the object the event is about'),
  count: z.number().int(),
  firstSeen: z.iso.datetime().nullable(),
  lastSeen: z.iso.datetime().nullable(),
});

export const eventsView = z.object({ items: z.array(eventView) });

export type SubscriptionView = z.infer<typeof subscriptionView>;
export type PodView = z.infer<typeof podView>;

export const updateSubscriptionBody = z
  .object({
    autoRenew: z.boolean({ message: 'must be true or false' }).optional(),
    planId: z
      .uuid({ message: 'must be a UUID' })
      .optional()
      .describe(
        'A plan of the same service: a dearer one applies now (the rest of the period charged), a cheaper one at the next period',
      ),
  })
  .refine((b) => b.autoRenew !== undefined || b.planId !== undefined, 'must set autoRenew or planId');

export const adminSubscriptionListQuery = z.object({
  status: subscriptionStatus.optional(),
  userId: z.uuid({ message: 'must be a UUID' }).optional(),
  serviceId: z.uuid({ message: 'must be a UUID' }).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name or host, case-insensitive'),
  ...pageQuery,
});

export const adminSubscriptionView = subscriptionView
  .extend({
    userId: z.uuid(),
    graceStartedAt: z.iso.datetime().nullable(),
    suspendedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    terminatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminSubscription' });

const statusCounts = z.object({
  ACTIVE: z.number().int(),
  SUSPENDED: z.number().int(),
  CANCELLED: z.number().int(),
  TERMINATED: z.number().int(),
  FAILED: z.number().int(),
});

export const adminSubscriptionPage = z.object({
  items: z.array(adminSubscriptionView),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
  countsByStatus: statusCounts.describe('Under the other filters (user, service, text), whatever the status filter'),
});

export type AdminSubscriptionView = z.infer<typeof adminSubscriptionView>;
