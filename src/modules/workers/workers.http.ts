import { z } from 'zod';

export const resources = z.object({ cpuMillicores: z.number(), memoryMib: z.number(), pods: z.number() });
export const requested = z.object({ cpuMillicores: z.number(), memoryMib: z.number() });
export const workerPod = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  tenantId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
});
export const worker = z
  .object({
    name: z.string(),
    status: z.enum(['READY', 'NOT_READY', 'UNKNOWN']),
    schedulable: z.boolean(),
    roles: z.array(z.string()),
    internalIp: z.string().nullable(),
    kubeletVersion: z.string().nullable(),
    containerRuntime: z.string().nullable(),
    os: z.string().nullable(),
    architecture: z.string().nullable(),
    capacity: resources,
    allocatable: resources,
    requested,
    podCount: z.number().int(),
    taints: z.array(z.object({ key: z.string(), value: z.string().nullable(), effect: z.string() })),
    labels: z.record(z.string(), z.string()),
    lastHeartbeatAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Worker' });
export const params = z.object({
  name: z
    .string()
    .max(253, 'must be at most 253 characters')
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a node name: lowercase letters, digits, "-" and "."'),
});
export const podOutcome = workerPod.extend({ reason: z.string() });
