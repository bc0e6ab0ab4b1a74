import { describe, expect, it } from 'vitest';
import { LABELS } from '../templates/index.js';
import type { InventorySubscription } from './inventory.js';
import { type ClusterSnapshot, orphanReport, SCAN_LIST_CALLS, type ScannedObject, willDelete } from './orphans.js';

const NOW = new Date('2026-11-30T00:00:00Z');
const HOUR_AGO = new Date(NOW.getTime() - 3600_000);
const LIVE_SUB = '00000000-0000-4000-8000-000000000001';
const ENDED_SUB = '00000000-0000-4000-8000-000000000002';
const UNKNOWN_SUB = '00000000-0000-4000-8000-000000000003';
const LIVE_TENANT = '10000000-0000-4000-8000-000000000001';
const DEAD_TENANT = '10000000-0000-4000-8000-000000000002';
const STRANGER = '10000000-0000-4000-8000-000000000003';

const obj = (kind: string, namespace: string, name: string, labels: Record<string, string>): ScannedObject => ({
  apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1',
  kind,
  namespace,
  name,
  uid: `uid-${namespace}-${kind}-${name}`,
  labels,
  createdAt: HOUR_AGO,
  deleting: false,
  owned: false,
  replicas: kind === 'Deployment' ? { desired: 1, ready: 1, available: 1 } : undefined,
});
const kapal = (tenant: string, subscription?: string) => ({
  [LABELS.managedBy]: 'kapal',
  [LABELS.tenant]: tenant,
  ...(subscription ? { [LABELS.subscription]: subscription } : {}),
});
const ns = (name: string, tenant: string) => ({
  name,
  uid: `uid-${name}`,
  labels: { ...kapal(tenant), [LABELS.legacyManaged]: 'true' },
  createdAt: HOUR_AGO,
  phase: 'Active',
  deleting: false,
});
const sub = (id: string, userId: string, status: InventorySubscription['status']): InventorySubscription => ({
  id,
  userId,
  name: id.slice(-4),
  status,
  live: ['ACTIVE', 'SUSPENDED', 'CANCELLED'].includes(status),
  createdAt: HOUR_AGO,
  pod: null,
});

function snapshot(parts: Partial<ClusterSnapshot>): ClusterSnapshot {
  const subscriptions = parts.subscriptions ?? new Map();
  const rows = [...subscriptions.values()];
  return {
    namespaces: [],
    managed: [],
    unlabelled: [],
    subscriptions,
    tenantsWithLive: new Set(rows.filter((r) => r.live).map((r) => r.userId)),
    knownTenants: new Set(rows.map((r) => r.userId)),
    listCalls: SCAN_LIST_CALLS,
    scannedAt: NOW,
    ...parts,
  };
}

describe('orphanReport', () => {
  const subscriptions = new Map([
    [LIVE_SUB, sub(LIVE_SUB, LIVE_TENANT, 'ACTIVE')],
    [ENDED_SUB, sub(ENDED_SUB, DEAD_TENANT, 'TERMINATED')],
  ]);

  it("reports an ended subscription's objects and its tenant's namespace for deletion, and keeps a live one's", () => {
    const report = orphanReport(
      snapshot({
        subscriptions,
        namespaces: [ns('tenant-live', LIVE_TENANT), ns('tenant-dead', DEAD_TENANT)],
        managed: [
          obj('Deployment', 'tenant-live', 'app', kapal(LIVE_TENANT, LIVE_SUB)),
          obj('ResourceQuota', 'tenant-live', 'tenant-quota', kapal(LIVE_TENANT)),
          obj('Deployment', 'tenant-dead', 'old', kapal(DEAD_TENANT, ENDED_SUB)),
          obj('Secret', 'tenant-dead', 'old', kapal(DEAD_TENANT, ENDED_SUB)),
          obj('ResourceQuota', 'tenant-dead', 'tenant-quota', kapal(DEAD_TENANT)),
        ],
      }),
    );
    expect(report.namespaces.map((n) => n.namespace)).toEqual(['tenant-dead']);
    const dead = report.namespaces[0]!;
    expect(dead).toMatchObject({ namespaceReason: 'tenant-without-live-subscription', namespaceCleanup: 'delete' });
    expect(dead.objects.map((o) => [o.kind, o.reason, o.cleanup, o.ageSeconds])).toEqual([
      ['Deployment', 'subscription-ended', 'delete', 3600],
      ['ResourceQuota', 'tenant-without-live-subscription', 'delete', 3600],
      ['Secret', 'subscription-ended', 'delete', 3600],
    ]);
    expect(report.liveWithoutObjects).toEqual([]);
    expect(report.counts).toMatchObject({ objects: 3, namespaces: 1, 'subscription-ended': 2 });
  });

  it("leaves strangers' objects to includeUnknown, and an unlabelled object keeps its namespace", () => {
    const report = orphanReport(
      snapshot({
        subscriptions,
        namespaces: [ns('tenant-stranger', STRANGER), ns('tenant-dead', DEAD_TENANT)],
        managed: [
          obj('Deployment', 'tenant-stranger', 'x', kapal(STRANGER, UNKNOWN_SUB)),
          obj('Deployment', 'tenant-dead', 'old', kapal(DEAD_TENANT, ENDED_SUB)),
        ],
        unlabelled: [
          obj('ConfigMap', 'tenant-dead', 'by-hand', {}),
          obj('ConfigMap', 'tenant-dead', 'kube-root-ca.crt', {}),
          { ...obj('Secret', 'tenant-dead', 'owned', {}), owned: true },
        ],
      }),
    );
    const [dead, stranger] = report.namespaces;
    expect(stranger).toMatchObject({
      namespaceReason: 'tenant-unknown',
      namespaceCleanup: 'delete-with-include-unknown',
    });
    expect(stranger!.objects.map((o) => [o.reason, o.cleanup])).toEqual([
      ['subscription-unknown', 'delete-with-include-unknown'],
    ]);
    expect(dead!.namespaceCleanup).toBe('keep');
    expect(dead!.objects.map((o) => [o.name, o.reason, o.cleanup])).toEqual([
      ['by-hand', 'unlabelled-in-managed-namespace', 'keep'],
      ['old', 'subscription-ended', 'delete'],
    ]);
    expect(willDelete('delete-with-include-unknown', false)).toBe(false);
    expect(willDelete('delete-with-include-unknown', true)).toBe(true);
    expect(willDelete('keep', true)).toBe(false);
  });

  it('a namespace holding an unknown subscription’s object is deleted only with includeUnknown', () => {
    const report = orphanReport(
      snapshot({
        subscriptions,
        namespaces: [ns('tenant-dead', DEAD_TENANT)],
        managed: [obj('Service', 'tenant-dead', 'x', kapal(DEAD_TENANT, UNKNOWN_SUB))],
      }),
    );
    expect(report.namespaces[0]).toMatchObject({
      namespaceReason: 'tenant-without-live-subscription',
      namespaceCleanup: 'delete-with-include-unknown',
    });
  });

  it('reports live subscriptions with no objects, or with objects but no workload', () => {
    const other = '00000000-0000-4000-8000-000000000009';
    const report = orphanReport(
      snapshot({
        subscriptions: new Map([
          [LIVE_SUB, sub(LIVE_SUB, LIVE_TENANT, 'ACTIVE')],
          [other, sub(other, LIVE_TENANT, 'SUSPENDED')],
        ]),
        namespaces: [ns('tenant-live', LIVE_TENANT)],
        managed: [obj('Service', 'tenant-live', 'svc', kapal(LIVE_TENANT, other))],
      }),
    );
    expect(report.namespaces).toEqual([]);
    expect(report.liveWithoutObjects.map((l) => [l.subscriptionId, l.missing]).sort()).toEqual(
      [
        [LIVE_SUB, 'objects'],
        [other, 'workload'],
      ].sort(),
    );
  });

  it('skips objects being deleted and objects a controller owns', () => {
    const report = orphanReport(
      snapshot({
        subscriptions,
        managed: [
          { ...obj('Deployment', 'tenant-dead', 'going', kapal(DEAD_TENANT, ENDED_SUB)), deleting: true },
          { ...obj('Secret', 'tenant-dead', 'owned', kapal(DEAD_TENANT, ENDED_SUB)), owned: true },
        ],
      }),
    );
    expect(report.counts.objects).toBe(0);
  });
});
