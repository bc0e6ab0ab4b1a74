import { describe, expect, it } from 'vitest';
import { deriveWorkerStatus, isOnline, type StatusInputs } from './worker-status.js';

const ready = (status: string) => [{ type: 'Ready', status }];
const base: StatusInputs = { goneAt: null, maintenance: null, schedulable: true, conditions: ready('True') };

describe('deriveWorkerStatus', () => {
  it('ACTIVE: Ready True, schedulable, no maintenance, present', () => {
    expect(deriveWorkerStatus(base)).toBe('ACTIVE');
  });

  it('INACTIVE once gone, whatever else holds', () => {
    const gone = new Date();
    expect(deriveWorkerStatus({ ...base, goneAt: gone })).toBe('INACTIVE');
    expect(deriveWorkerStatus({ ...base, goneAt: gone, maintenance: 'DRAINING', schedulable: false })).toBe('INACTIVE');
    expect(deriveWorkerStatus({ ...base, goneAt: gone, conditions: [] })).toBe('INACTIVE');
  });

  it('MAINTENANCE while cordoned by an administrator, draining, or cordoned in the cluster; before readiness', () => {
    expect(deriveWorkerStatus({ ...base, maintenance: 'CORDONED', schedulable: false })).toBe('MAINTENANCE');
    expect(deriveWorkerStatus({ ...base, maintenance: 'DRAINING', schedulable: false })).toBe('MAINTENANCE');
    // Kapal's state alone (the cordon not seen by the informer yet) is enough ...
    expect(deriveWorkerStatus({ ...base, maintenance: 'CORDONED' })).toBe('MAINTENANCE');
    // ... and so is a cordon made outside Kapal (kubectl cordon).
    expect(deriveWorkerStatus({ ...base, schedulable: false })).toBe('MAINTENANCE');
    expect(deriveWorkerStatus({ ...base, schedulable: false, conditions: ready('False') })).toBe('MAINTENANCE');
    expect(deriveWorkerStatus({ ...base, maintenance: 'DRAINING', conditions: [] })).toBe('MAINTENANCE');
  });

  it('PENDING while the node has no Ready condition yet (other conditions do not count)', () => {
    expect(deriveWorkerStatus({ ...base, conditions: [] })).toBe('PENDING');
    expect(deriveWorkerStatus({ ...base, conditions: [{ type: 'MemoryPressure', status: 'False' }] })).toBe('PENDING');
  });

  it('NOT_READY while Ready is False or Unknown', () => {
    expect(deriveWorkerStatus({ ...base, conditions: ready('False') })).toBe('NOT_READY');
    expect(deriveWorkerStatus({ ...base, conditions: ready('Unknown') })).toBe('NOT_READY');
  });
});

describe('isOnline', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('online while the last heartbeat is at most 3 intervals old, offline after', () => {
    expect(isOnline(ago(0), now, 30_000)).toBe(true);
    expect(isOnline(ago(90_000), now, 30_000)).toBe(true);
    expect(isOnline(ago(90_001), now, 30_000)).toBe(false);
    expect(isOnline(ago(90_001), now, 60_000)).toBe(true);
  });

  it('never reported: not online', () => {
    expect(isOnline(null, now, 30_000)).toBe(false);
  });
});
