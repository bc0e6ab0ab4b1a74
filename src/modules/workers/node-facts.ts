import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { parseQuantity, toMebibytes, toMillicores } from '../../platform/kube/quantity.js';
import { LABELS } from '../templates/index.js';
import type { WorkerCondition, WorkerTaint } from './workers.tables.js';

/** What the informer writes of a node: everything the workers table keeps that comes from the cluster. */
export interface NodeFacts {
  name: string;
  uid: string | null;
  internalIp: string | null;
  externalIp: string | null;
  hostname: string | null;
  architecture: string | null;
  operatingSystem: string | null;
  osImage: string | null;
  kernelVersion: string | null;
  kubeletVersion: string | null;
  containerRuntime: string | null;
  labels: Record<string, string>;
  taints: WorkerTaint[];
  conditions: WorkerCondition[];
  capacityCpuMillicores: number;
  capacityMemoryMib: number;
  capacityStorageMib: number;
  capacityPods: number;
  allocatableCpuMillicores: number;
  allocatableMemoryMib: number;
  allocatableStorageMib: number;
  allocatablePods: number;
  ready: boolean;
  schedulable: boolean;
  nodeCreatedAt: Date | null;
}

const iso = (value: Date | string | undefined) => (value ? new Date(value).toISOString() : null);

/**
 * The node's facts. Conditions keep their transition time, not the kubelet's heartbeat time, so a node
 * that only renewed its heartbeat has the same facts as before (and the informer writes nothing).
 */
export function nodeFacts(node: V1Node): NodeFacts {
  const status = node.status;
  const info = status?.nodeInfo;
  const address = (type: string) => status?.addresses?.find((a) => a.type === type)?.address ?? null;
  const conditions = (status?.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason ?? null,
    message: c.message ?? null,
    lastTransitionTime: iso(c.lastTransitionTime as Date | string | undefined),
  }));
  const created = node.metadata?.creationTimestamp as Date | string | undefined;
  return {
    name: node.metadata!.name!,
    uid: node.metadata?.uid ?? null,
    internalIp: address('InternalIP'),
    externalIp: address('ExternalIP'),
    hostname: address('Hostname'),
    architecture: info?.architecture ?? null,
    operatingSystem: info?.operatingSystem ?? null,
    osImage: info?.osImage ?? null,
    kernelVersion: info?.kernelVersion ?? null,
    kubeletVersion: info?.kubeletVersion ?? null,
    containerRuntime: info?.containerRuntimeVersion ?? null,
    labels: node.metadata?.labels ?? {},
    taints: (node.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? null, effect: t.effect })),
    conditions,
    capacityCpuMillicores: toMillicores(status?.capacity?.cpu),
    capacityMemoryMib: toMebibytes(status?.capacity?.memory),
    capacityStorageMib: toMebibytes(status?.capacity?.['ephemeral-storage']),
    capacityPods: status?.capacity?.pods ? parseQuantity(status.capacity.pods) : 0,
    allocatableCpuMillicores: toMillicores(status?.allocatable?.cpu),
    allocatableMemoryMib: toMebibytes(status?.allocatable?.memory),
    allocatableStorageMib: toMebibytes(status?.allocatable?.['ephemeral-storage']),
    allocatablePods: status?.allocatable?.pods ? parseQuantity(status.allocatable.pods) : 0,
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    schedulable: !node.spec?.unschedulable,
    nodeCreatedAt: created ? new Date(created) : null,
  };
}

const ENDED = new Set(['Succeeded', 'Failed']);

/** What a pod asks of its node, as the scheduler counts it; null for a pod not bound or already ended. */
export function podLoad(pod: V1Pod): { node: string; cpuMillicores: number; memoryMib: number } | null {
  const node = pod.spec?.nodeName;
  if (!node || ENDED.has(pod.status?.phase ?? '')) return null;
  let cpuMillicores = 0;
  let memoryMib = 0;
  for (const container of pod.spec?.containers ?? []) {
    cpuMillicores += toMillicores(container.resources?.requests?.cpu);
    memoryMib += toMebibytes(container.resources?.requests?.memory);
  }
  // An init container runs alone before the others: the pod needs the larger of the two.
  for (const init of pod.spec?.initContainers ?? []) {
    cpuMillicores = Math.max(cpuMillicores, toMillicores(init.resources?.requests?.cpu));
    memoryMib = Math.max(memoryMib, toMebibytes(init.resources?.requests?.memory));
  }
  return { node, cpuMillicores, memoryMib };
}

/** The requests of the pods on each node, summed (nodes without pods are absent). */
export function loadByNode(pods: readonly V1Pod[]) {
  const totals = new Map<string, { requestedCpuMillicores: number; requestedMemoryMib: number; podCount: number }>();
  for (const pod of pods) {
    const load = podLoad(pod);
    if (!load) continue;
    const t = totals.get(load.node) ?? { requestedCpuMillicores: 0, requestedMemoryMib: 0, podCount: 0 };
    t.requestedCpuMillicores += load.cpuMillicores;
    t.requestedMemoryMib += load.memoryMib;
    t.podCount += 1;
    totals.set(load.node, t);
  }
  return totals;
}

/** A pod as a drain reports it, with the tenant and subscription of Kapal's labels. */
export function drainPod(pod: V1Pod) {
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    tenantId: pod.metadata?.labels?.[LABELS.tenant] ?? null,
    subscriptionId: pod.metadata?.labels?.[LABELS.subscription] ?? null,
  };
}
