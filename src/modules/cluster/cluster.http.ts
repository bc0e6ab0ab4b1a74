import { z } from 'zod';

const reason = z
  .enum([
    'subscription-ended',
    'subscription-unknown',
    'tenant-without-live-subscription',
    'tenant-unknown',
    'unlabelled-in-managed-namespace',
  ])
  .meta({ id: 'OrphanReason' })
  .describe(
    'subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such ' +
      "subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live " +
      'subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: ' +
      "not Kapal's, in a managed namespace (never deleted)",
  );

const cleanupAction = z
  .enum(['delete', 'delete-with-include-unknown', 'keep'])
  .meta({ id: 'OrphanCleanupAction' })
  .describe('What POST /admin/pods/orphaned/cleanup with confirm does with it');

const orphanObject = z
  .object({
    kind: z.string(),
    apiVersion: z.string(),
    name: z.string(),
    uid: z.string(),
    subscriptionId: z.string().nullable().describe('The kapal.io/subscription label'),
    tenantId: z.string().nullable().describe('The kapal.io/tenant label (or the namespace’s)'),
    reason,
    cleanup: cleanupAction,
    createdAt: z.iso.datetime().nullable(),
    ageSeconds: z.number().int().nullable(),
  })
  .meta({ id: 'OrphanObject' });

const orphanNamespace = z
  .object({
    namespace: z.string(),
    tenantId: z.string().nullable(),
    namespaceReason: reason.nullable().describe('Set when the namespace itself is an orphan'),
    namespaceCleanup: cleanupAction,
    namespaceUid: z.string().nullable(),
    createdAt: z.iso.datetime().nullable(),
    ageSeconds: z.number().int().nullable(),
    objects: z.array(orphanObject),
  })
  .meta({ id: 'OrphanNamespace' });

const liveWithoutObjects = z
  .object({
    subscriptionId: z.uuid(),
    tenantId: z.uuid(),
    name: z.string(),
    status: z.string(),
    podStatus: z.string().nullable(),
    namespace: z.string().nullable(),
    missing: z.enum(['objects', 'workload']),
    createdAt: z.iso.datetime(),
    ageSeconds: z.number().int(),
  })
  .meta({ id: 'LiveSubscriptionWithoutObjects' });

const reasonCounts = {
  'subscription-ended': z.number().int(),
  'subscription-unknown': z.number().int(),
  'tenant-without-live-subscription': z.number().int(),
  'tenant-unknown': z.number().int(),
  'unlabelled-in-managed-namespace': z.number().int(),
};

const orphanCounts = z.object({
  ...reasonCounts,
  objects: z.number().int(),
  namespaces: z.number().int(),
  liveWithoutObjects: z.number().int(),
});

export const orphanReportView = z
  .object({
    scannedAt: z.iso.datetime(),
    namespaces: z.array(orphanNamespace),
    liveWithoutObjects: z.array(liveWithoutObjects),
    counts: orphanCounts,
    kubernetesListCalls: z.number().int().describe('List calls the scan made (constant: one per kind, and namespaces)'),
  })
  .meta({ id: 'OrphanReport' });

const dnsLabel = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a namespace name (a DNS label)');

export const cleanupBody = z
  .strictObject({
    confirm: z
      .boolean({ message: 'must be true or false' })
      .default(false)
      .describe('true deletes; anything else is a dry run that lists what would go'),
    includeUnknown: z
      .boolean({ message: 'must be true or false' })
      .default(false)
      .describe(
        'Also delete objects of subscriptions and tenants this database does not know (another installation’s, or ' +
          'made before a restore); off by default',
      ),
    namespaces: z
      .array(dnsLabel)
      .min(1, 'must name at least one namespace (leave it out for all)')
      .max(100, 'at most 100 namespaces')
      .optional()
      .describe('Only these namespaces'),
  })
  .meta({ id: 'OrphanCleanupRequest' });

const outcome = z.enum(['would-delete', 'deleted', 'already-gone', 'skipped', 'failed']).meta({ id: 'CleanupOutcome' });

export const cleanupResultView = z
  .object({
    dryRun: z.boolean(),
    includeUnknown: z.boolean(),
    scannedAt: z.iso.datetime(),
    objects: z.array(
      z.object({
        namespace: z.string(),
        kind: z.string(),
        name: z.string(),
        subscriptionId: z.string().nullable(),
        tenantId: z.string().nullable(),
        reason,
        result: outcome,
        message: z.string().nullable(),
      }),
    ),
    namespaces: z.array(
      z.object({
        namespace: z.string(),
        tenantId: z.string().nullable(),
        reason,
        result: outcome,
        message: z.string().nullable(),
      }),
    ),
    kept: z.object(reasonCounts).describe('Reported orphans this cleanup leaves in place, by reason'),
    counts: z.object({
      'would-delete': z.number().int(),
      deleted: z.number().int(),
      'already-gone': z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
      namespacesDeleted: z.number().int(),
    }),
  })
  .meta({ id: 'OrphanCleanupResult' });

const watchState = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  labelSelector: z.string().optional(),
  synced: z.boolean(),
  objects: z.number().int(),
  startedAt: z.string(),
  lastEventAt: z.string().nullable(),
  restarts: z.number().int(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});

const workload = z.object({
  kind: z.string(),
  name: z.string(),
  subscriptionId: z.string().nullable(),
  component: z.string().nullable(),
  desired: z.number().int(),
  ready: z.number().int(),
  available: z.number().int(),
  status: z.enum(['available', 'progressing', 'scaled-down', 'deleting']),
});

const replicas = z.object({ desired: z.number().int(), ready: z.number().int(), available: z.number().int() });

export const kubernetesDebugView = z
  .object({
    generatedAt: z.iso.datetime(),
    api: z.object({ reachable: z.boolean(), version: z.string().nullable(), error: z.string().nullable() }),
    informers: z
      .object({
        processes: z.array(z.object({ process: z.string(), publishedAt: z.string(), watches: z.array(watchState) })),
        error: z.string().nullable(),
      })
      .describe('What each worker process published of its informers in the last 15 seconds'),
    scan: z.object({ ok: z.boolean(), error: z.string().nullable(), kubernetesListCalls: z.number().int() }),
    managedNamespaces: z
      .object({
        total: z.number().int(),
        workloads: z.number().int(),
        items: z.array(
          z.object({
            name: z.string(),
            tenantId: z.string().nullable(),
            phase: z.string(),
            createdAt: z.iso.datetime().nullable(),
            workloadCount: z.number().int(),
            workloads: z.array(workload),
          }),
        ),
        truncated: z.number().int().describe('Namespaces left out (the view lists 100)'),
      })
      .nullable(),
    diff: z
      .object({
        orphans: orphanCounts,
        orphanObjects: z.array(z.object({ namespace: z.string(), kind: z.string(), name: z.string(), reason })),
        orphanNamespaces: z.array(z.object({ namespace: z.string(), reason, cleanup: cleanupAction })),
        liveWithoutObjects: z.array(liveWithoutObjects),
        podStatusMismatches: z.array(
          z.object({
            podId: z.uuid(),
            subscriptionId: z.uuid(),
            namespace: z.string(),
            workload: z.string(),
            dbStatus: z.string(),
            cluster: replicas.nullable(),
            why: z.string(),
          }),
        ),
        podStatusMismatchCount: z.number().int(),
      })
      .nullable()
      .describe('The database against the cluster (null when the scan failed); each list holds at most 100 rows'),
  })
  .meta({ id: 'KubernetesDebugView' });
