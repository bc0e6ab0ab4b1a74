import { z } from 'zod';
import { pageQuery } from '../../platform/http/listing.js';
import { podRuntimeFields, podStatus, subscriptionStatus } from './subscriptions.http.js';

export const ADMIN_POD_SORTS = [
  'createdAt',
  '-createdAt',
  'status',
  '-status',
  'name',
  '-name',
  'user',
  '-user',
  'node',
  '-node',
] as const;
export type AdminPodSort = (typeof ADMIN_POD_SORTS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const adminPodListQuery = z.object({
  status: podStatus.optional(),
  service: z
    .string()
    .max(63, 'must be at most 63 characters')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a service slug: lowercase letters and digits separated by single "-"')
    .optional()
    .describe("The service's slug, e.g. n8n"),
  user: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .refine((v) => UUID.test(v) || /^[^\s@]+@[^\s@]+$/.test(v), 'must be a user id (UUID) or an email address')
    .optional()
    .describe("The owner's id, or their email address (case-insensitive, whole address)"),
  worker: z
    .string()
    .max(253, 'must be at most 253 characters')
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a node name: lowercase letters, digits, "-" and "."')
    .optional()
    .describe('The node the app runs on'),
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .describe('Part of the subscription name, host, namespace, workload name or owner email, case-insensitive'),
  sort: z
    .enum(ADMIN_POD_SORTS, { message: `must be one of ${ADMIN_POD_SORTS.join(', ')}` })
    .default('-createdAt')
    .describe('"-" first for descending; name is the subscription name, user the owner email, node the node name'),
  ...pageQuery,
});
export type AdminPodListQuery = z.infer<typeof adminPodListQuery>;

const ownerView = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
const serviceRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const adminPodView = z
  .object({
    id: z.uuid(),
    ...podRuntimeFields,
    adminStoppedAt: z.iso
      .datetime()
      .nullable()
      .describe('When an administrator stopped the app (it stays at zero replicas until started)'),
    ageSeconds: z.number().int(),
    createdAt: z.iso.datetime(),
    readyAt: z.iso.datetime().nullable(),
    runningSince: z.iso.datetime().nullable(),
    stoppedAt: z.iso.datetime().nullable(),
    lastRestartAt: z.iso.datetime().nullable(),
    lastObservedAt: z.iso.datetime().nullable().describe('When an informer last reported on the workload'),
    subscription: z.object({ id: z.uuid(), name: z.string(), host: z.string(), status: subscriptionStatus }),
    user: ownerView,
    service: serviceRef.nullable().describe('Null once the service was deleted'),
    plan: z
      .object({ id: z.uuid(), name: z.string(), priceMonthlyIdr: z.number().int() })
      .nullable()
      .describe('Null once the plan was deleted'),
  })
  .meta({ id: 'AdminPod' });
export type AdminPodView = z.infer<typeof adminPodView>;

export const adminPodPage = z
  .object({
    items: z.array(adminPodView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: 'AdminPodPage' });

const podStatusCounts = z.object({
  PROVISIONING: z.number().int(),
  RUNNING: z.number().int(),
  DEGRADED: z.number().int(),
  STOPPED: z.number().int(),
  FAILED: z.number().int(),
  TERMINATED: z.number().int(),
});

export const adminPodStats = z
  .object({
    total: z.number().int(),
    byStatus: podStatusCounts,
    byService: z
      .array(z.object({ slug: z.string().nullable(), name: z.string().nullable(), count: z.number().int() }))
      .describe('Pods not ended (neither FAILED nor TERMINATED), per service (slug null: the service was deleted)'),
    byWorker: z
      .array(z.object({ node: z.string().nullable(), count: z.number().int() }))
      .describe('Pods not ended, per node (node null: not scheduled, or stopped)'),
  })
  .meta({ id: 'AdminPodStats' });
export type AdminPodStats = z.infer<typeof adminPodStats>;

export const workerDetailsView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['ACTIVE', 'INACTIVE', 'MAINTENANCE', 'PENDING', 'NOT_READY']),
    internalIp: z.string().nullable(),
    externalIp: z.string().nullable(),
    architecture: z.string().nullable(),
    operatingSystem: z.string().nullable(),
    kubeletVersion: z.string().nullable(),
    containerRuntime: z.string().nullable(),
    ready: z.boolean(),
    schedulable: z.boolean(),
    allocatable: z.object({
      cpuMillicores: z.number(),
      memoryMib: z.number(),
      storageMib: z.number(),
      pods: z.number().int(),
    }),
    requested: z.object({ cpuMillicores: z.number(), memoryMib: z.number() }),
    podCount: z.number().int(),
    lastHeartbeatAt: z.iso.datetime().nullable(),
    goneAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminPodWorker' });

export const MASKED = '********';

export const adminPodDetailView = adminPodView
  .extend({
    subscription: z.object({
      id: z.uuid(),
      name: z.string(),
      host: z.string(),
      status: subscriptionStatus,
      periodStart: z.iso.datetime(),
      periodEnd: z.iso.datetime(),
      autoRenew: z.boolean(),
      cancelAtPeriodEnd: z.boolean(),
      suspendedAt: z.iso.datetime().nullable(),
      endReason: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
    plan: z
      .object({
        id: z.uuid(),
        name: z.string(),
        priceMonthlyIdr: z.number().int(),
        cpuRequestMillicores: z.number().int(),
        cpuLimitMillicores: z.number().int(),
        memoryRequestMib: z.number().int(),
        memoryLimitMib: z.number().int(),
        storageGib: z.number().int(),
      })
      .nullable()
      .describe('Null once the plan was deleted'),
    worker: workerDetailsView
      .nullable()
      .describe("The node's details from the workers table (null: not scheduled, or a node Kapal has no row for)"),
    configuration: z
      .object({
        objects: z
          .array(z.record(z.string(), z.unknown()))
          .describe(
            `The app's Kubernetes objects as the reconciler renders them now (replicas as the state wants them), with every Secret value and every value made from a generated secret shown as "${MASKED}"`,
          ),
      })
      .nullable(),
    configurationUnavailable: z
      .string()
      .nullable()
      .describe('Why there is no configuration (the subscription ended, its plan was deleted, its template is gone)'),
  })
  .meta({ id: 'AdminPodDetail' });
export type AdminPodDetailView = z.infer<typeof adminPodDetailView>;
