import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../templates/index.js';
import { maskConfiguration } from './admin-pods.service.js';
import { adjustForState, isHeldAtZero } from './reconciler.js';

const labels = { 'app.kubernetes.io/component': 'app' };
const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'app', labels },
  spec: {
    replicas: 1,
    template: { metadata: { labels, annotations: { 'kapal.io/secret-checksum': 'abc123', other: 'kept' } } },
  },
});

describe('the admin view of a rendered configuration', () => {
  it('masks every Secret value (data and stringData) and the hash of them, and nothing else', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'app', labels },
      data: { PASSWORD: 'c2VjcmV0', KEY: 'a2V5' },
      stringData: { TOKEN: 'plain-token' },
    };
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'app', labels },
      spec: { a: 1 },
    };
    const [maskedSecret, maskedDeployment, sameService] = maskConfiguration([secret, deployment(), service]);
    expect(maskedSecret).toMatchObject({
      data: { PASSWORD: '********', KEY: '********' },
      stringData: { TOKEN: '********' },
    });
    expect(JSON.stringify(maskedSecret)).not.toMatch(/c2VjcmV0|a2V5|plain-token/);
    expect(
      (maskedDeployment!.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata
        .annotations,
    ).toEqual({ 'kapal.io/secret-checksum': '********', other: 'kept' });
    expect(sameService).toEqual(service);
    // The input is left as it was.
    expect(secret.data).toEqual({ PASSWORD: 'c2VjcmV0', KEY: 'a2V5' });
  });
});

describe("an administrator's stop in the desired state", () => {
  const replicas = (o: KubeObject) => (o.spec as { replicas: number }).replicas;
  it('holds the workloads at zero while stopped or suspended, and not otherwise', () => {
    const running = { adminStoppedAt: null, lastRestartAt: null };
    const stopped = { adminStoppedAt: new Date(), lastRestartAt: null };
    expect(replicas(adjustForState(deployment(), { status: 'ACTIVE' }, running))).toBe(1);
    expect(replicas(adjustForState(deployment(), { status: 'ACTIVE' }, stopped))).toBe(0);
    expect(replicas(adjustForState(deployment(), { status: 'CANCELLED' }, stopped))).toBe(0);
    expect(replicas(adjustForState(deployment(), { status: 'SUSPENDED' }, running))).toBe(0);
    expect(isHeldAtZero({ status: 'ACTIVE' }, running)).toBe(false);
    expect(isHeldAtZero({ status: 'ACTIVE' }, stopped)).toBe(true);
  });
});
