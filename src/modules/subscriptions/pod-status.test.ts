import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { nextStatus, observe } from './pod-status.js';

const deployment = (
  status: Partial<NonNullable<V1Deployment['status']>>,
  replicas = 1,
  generation = 2,
): V1Deployment => ({
  metadata: { generation },
  spec: { replicas, selector: {}, template: {} },
  status: { observedGeneration: 2, updatedReplicas: replicas, ...status },
});
const pod = (node: string, ready: boolean, restarts = 0, component = 'app'): V1Pod => ({
  metadata: { labels: { 'app.kubernetes.io/component': component }, creationTimestamp: new Date() },
  spec: { nodeName: node, containers: [] },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containerStatuses: [{ name: component, restartCount: restarts, image: '', imageID: '', ready }],
  },
});

describe('pod status from the informers', () => {
  it('is RUNNING when every workload caught up and is available, with the app pod’s node and all restarts', () => {
    const o = observe(
      [deployment({ availableReplicas: 1, readyReplicas: 1 }), deployment({ availableReplicas: 1, readyReplicas: 1 })],
      [pod('kwok-node-1', true, 2), pod('kwok-node-2', true, 1, 'mysql')],
    );
    expect(o).toMatchObject({ allAvailable: true, node: 'kwok-node-1', restarts: 3, desired: 2, available: 2 });
    expect(nextStatus('PROVISIONING', o, false)).toBe('RUNNING');
  });

  it('is not RUNNING while a companion is unavailable or a new generation is not observed yet', () => {
    const companionDown = observe(
      [deployment({ availableReplicas: 1 }), deployment({ availableReplicas: 0 })],
      [pod('kwok-node-0', true)],
    );
    expect(nextStatus('PROVISIONING', companionDown, false)).toBe('PROVISIONING');
    expect(nextStatus('RUNNING', companionDown, false)).toBe('DEGRADED');
    const rolling = observe([deployment({ availableReplicas: 1, observedGeneration: 1 })], []);
    expect(rolling.allAvailable).toBe(false);
  });

  it('is not RUNNING while the workload is available but its ready app pod has not reached the pod cache', () => {
    const early = observe([deployment({ availableReplicas: 1, readyReplicas: 1 })], []);
    expect(early.allAvailable).toBe(false);
    expect(nextStatus('PROVISIONING', early, false)).toBe('PROVISIONING');
  });

  it('is STOPPED once a suspended app has no replica left; FAILED and TERMINATED stay', () => {
    const none = observe([deployment({ availableReplicas: 0 }, 0)], []);
    expect(nextStatus('RUNNING', none, true)).toBe('STOPPED');
    expect(nextStatus('FAILED', none, false)).toBe('FAILED');
    expect(nextStatus('TERMINATED', observe([], []), false)).toBe('TERMINATED');
  });
});
