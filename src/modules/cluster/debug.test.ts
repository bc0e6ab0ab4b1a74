import { describe, expect, it } from 'vitest';
import { LABELS } from '../templates/index.js';
import { debugClusterView, podMismatches } from './debug.js';
import type { InventorySubscription } from './inventory.js';
import { type ClusterSnapshot, orphanReport, type ScannedObject } from './orphans.js';

const NOW = new Date('2026-11-30T00:00:00Z');
const TENANT = '10000000-0000-4000-8000-000000000001';
const NS = 'tenant-x';

const workload = (name: string, subscriptionId: string, desired: number, available: number): ScannedObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: NS,
  name,
  uid: `uid-${name}`,
  labels: { [LABELS.managedBy]: 'kapal', [LABELS.tenant]: TENANT, [LABELS.subscription]: subscriptionId },
  createdAt: NOW,
  deleting: false,
  owned: false,
  replicas: { desired, ready: available, available },
});

const subscription = (n: number, podStatus: string): InventorySubscription => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  userId: TENANT,
  name: `app${n}`,
  status: 'ACTIVE',
  live: true,
  createdAt: NOW,
  pod: {
    id: `20000000-0000-4000-8000-00000000000${n}`,
    status: podStatus,
    namespace: NS,
    workloadKind: 'Deployment',
    workloadName: `app${n}`,
    desiredReplicas: 1,
    readyReplicas: 0,
    availableReplicas: 0,
  },
});

function snapshot(subs: InventorySubscription[], managed: ScannedObject[]): ClusterSnapshot {
  return {
    namespaces: [
      {
        name: NS,
        uid: 'uid-ns',
        labels: { [LABELS.tenant]: TENANT },
        createdAt: NOW,
        phase: 'Active',
        deleting: false,
      },
    ],
    managed,
    unlabelled: [],
    subscriptions: new Map(subs.map((s) => [s.id, s])),
    tenantsWithLive: new Set([TENANT]),
    knownTenants: new Set([TENANT]),
    listCalls: 19,
    scannedAt: NOW,
  };
}

describe('the debug view', () => {
  const subs = [
    subscription(1, 'RUNNING'), // 0 of 1 available
    subscription(2, 'STOPPED'), // still has a replica
    subscription(3, 'DEGRADED'), // fully available
    subscription(4, 'RUNNING'), // agrees
    subscription(5, 'DEGRADED'), // no workload at all
    subscription(6, 'PROVISIONING'), // no workload yet: not a disagreement
  ];
  const managed = [
    workload('app1', subs[0]!.id, 1, 0),
    workload('app2', subs[1]!.id, 1, 1),
    workload('app3', subs[2]!.id, 1, 1),
    workload('app4', subs[3]!.id, 1, 1),
  ];

  it('lists the pods whose database status disagrees with their workload', () => {
    expect(podMismatches(snapshot(subs, managed)).map((m) => [m.workload, m.dbStatus, m.why])).toEqual([
      ['Deployment/app1', 'RUNNING', 'RUNNING, but not every replica is available'],
      ['Deployment/app2', 'STOPPED', 'STOPPED, but the workload has replicas'],
      ['Deployment/app3', 'DEGRADED', 'DEGRADED, but every replica is available'],
      ['Deployment/app5', 'DEGRADED', 'the workload does not exist'],
    ]);
  });

  it('shows the workloads per managed namespace with a status', () => {
    const snap = snapshot(subs, [...managed, { ...workload('going', subs[0]!.id, 1, 1), deleting: true }]);
    const view = debugClusterView(snap, orphanReport(snap));
    expect(view.managedNamespaces.items[0]!.workloads.map((w) => [w.name, w.status])).toEqual([
      ['app1', 'progressing'],
      ['app2', 'available'],
      ['app3', 'available'],
      ['app4', 'available'],
      ['going', 'deleting'],
    ]);
    expect(view.diff.podStatusMismatchCount).toBe(4);
    expect(view.diff.liveWithoutObjects.map((l) => l.name)).toEqual(['app5', 'app6']);
  });
});
