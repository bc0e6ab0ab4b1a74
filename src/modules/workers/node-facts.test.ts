import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { loadByNode, nodeFacts, podLoad } from './node-facts.js';

const pod = (node: string | undefined, phase: string, cpu: string[], init: string[] = []): V1Pod => ({
  metadata: { name: 'p', namespace: 'n', uid: Math.random().toString() },
  spec: {
    nodeName: node,
    containers: cpu.map((c, i) => ({ name: `c${i}`, resources: { requests: { cpu: c, memory: '64Mi' } } })),
    initContainers: init.map((c, i) => ({ name: `i${i}`, resources: { requests: { cpu: c, memory: '1Gi' } } })),
  },
  status: { phase },
});

describe('podLoad and loadByNode', () => {
  it('sums the containers’ requests; an init container counts when it asks more than they do', () => {
    expect(podLoad(pod('a', 'Running', ['100m', '250m']))).toEqual({ node: 'a', cpuMillicores: 350, memoryMib: 128 });
    expect(podLoad(pod('a', 'Pending', ['100m'], ['2']))).toEqual({ node: 'a', cpuMillicores: 2000, memoryMib: 1024 });
  });

  it('leaves out pods not bound to a node and pods that ended', () => {
    expect(podLoad(pod(undefined, 'Pending', ['1']))).toBeNull();
    expect(podLoad(pod('a', 'Succeeded', ['1']))).toBeNull();
    expect(podLoad(pod('a', 'Failed', ['1']))).toBeNull();
  });

  it('groups by node', () => {
    const totals = loadByNode([
      pod('a', 'Running', ['100m']),
      pod('a', 'Running', ['200m']),
      pod('b', 'Running', ['1']),
      pod('b', 'Succeeded', ['5']),
    ]);
    expect(Object.fromEntries(totals)).toEqual({
      a: { requestedCpuMillicores: 300, requestedMemoryMib: 128, podCount: 2 },
      b: { requestedCpuMillicores: 1000, requestedMemoryMib: 64, podCount: 1 },
    });
  });
});

describe('nodeFacts', () => {
  const node = (heartbeat: string, unschedulable?: boolean): V1Node => ({
    metadata: { name: 'n1', uid: 'u1', creationTimestamp: new Date('2026-01-01T00:00:00Z') },
    spec: { unschedulable, taints: [{ key: 'k', effect: 'NoSchedule' }] },
    status: {
      capacity: { cpu: '1k', memory: '1Ti', pods: '110', 'ephemeral-storage': '2Gi' },
      allocatable: { cpu: '7500m', memory: '30Gi', pods: '100' },
      addresses: [
        { type: 'InternalIP', address: '10.0.0.1' },
        { type: 'ExternalIP', address: '203.0.113.9' },
      ],
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: new Date(heartbeat),
          lastTransitionTime: new Date('2026-01-01T00:01:00Z'),
        },
      ],
    },
  });

  it('reads resources, addresses, taints and readiness', () => {
    expect(nodeFacts(node('2026-02-01T00:00:00Z'))).toMatchObject({
      name: 'n1',
      uid: 'u1',
      internalIp: '10.0.0.1',
      externalIp: '203.0.113.9',
      capacityCpuMillicores: 1_000_000,
      capacityMemoryMib: 1024 * 1024,
      capacityStorageMib: 2048,
      capacityPods: 110,
      allocatableCpuMillicores: 7500,
      allocatableMemoryMib: 30 * 1024,
      allocatableStorageMib: 0,
      allocatablePods: 100,
      taints: [{ key: 'k', value: null, effect: 'NoSchedule' }],
      ready: true,
      schedulable: true,
    });
    expect(nodeFacts(node('2026-02-01T00:00:00Z', true)).schedulable).toBe(false);
  });

  it('a kubelet heartbeat alone changes nothing (so the informer writes nothing)', () => {
    expect(JSON.stringify(nodeFacts(node('2026-02-01T00:00:00Z')))).toBe(
      JSON.stringify(nodeFacts(node('2026-02-01T00:05:00Z'))),
    );
  });
});
