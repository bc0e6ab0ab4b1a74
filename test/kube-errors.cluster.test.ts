import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig, type V1ConfigMap } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { KubeConflictError, KubeForbiddenError } from '../src/platform/kube/kube-errors.js';
import { requireTestCluster } from './helpers/env.js';

/** The typed errors as the real API server causes them, not as a mock imagines them. */
describe('KubeClient errors from the real API server', () => {
  const namespace = `kapal-test-errors-${randomBytes(4).toString('hex')}`;
  let adminConfig: KubeConfig;
  let kube: KubeClient;
  const configMap = (data: Record<string, string>, resourceVersion?: string): V1ConfigMap => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace, ...(resourceVersion ? { resourceVersion } : {}) },
    data,
  });

  beforeAll(async () => {
    adminConfig = loadKubeConfig(requireTestCluster());
    kube = createKubeClient({ kubeConfig: adminConfig });
    await kube.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
  });
  afterAll(async () => {
    await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  });

  it('KubeConflictError: another field manager owns the field and the apply does not force', async () => {
    await kube.apply([configMap({ mode: 'a' })]);
    const other = createKubeClient({ kubeConfig: adminConfig, fieldManager: 'someone-else' });
    const error = await other.apply([configMap({ mode: 'b' })], { force: false }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(KubeConflictError);
    expect(error).toMatchObject({ status: 409 });
    expect((error as Error).message).toMatch(/^apply ConfigMap\/kapal-test-errors-[0-9a-f]+\/settings: /);
    const stored = await kube.get<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace });
    expect(stored.data).toEqual({ mode: 'a' });
  });

  it('KubeConflictError: an update that carries a stale resourceVersion', async () => {
    const [first] = (await kube.apply([configMap({ mode: 'a', step: '1' })])) as V1ConfigMap[];
    const stale = first!.metadata!.resourceVersion!;
    await kube.apply([configMap({ mode: 'a', step: '2' })]);
    const error = await kube.apply([configMap({ mode: 'a', step: '3' }, stale)]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(KubeConflictError);
    expect(error).toMatchObject({ status: 409 });
    const stored = await kube.get<V1ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace });
    expect(stored.data).toEqual({ mode: 'a', step: '2' });
  });

  it('KubeForbiddenError: a service account with no role, signed in with a token from the TokenRequest API', async () => {
    await kube.apply([{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'no-rights', namespace } }]);
    const core = adminConfig.makeApiClient(CoreV1Api);
    const request = await core.createNamespacedServiceAccountToken({
      name: 'no-rights',
      namespace,
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { audiences: [], expirationSeconds: 600 },
      },
    });
    const token = request.status!.token;
    const cluster = adminConfig.getCurrentCluster()!;
    const powerless = new KubeConfig();
    powerless.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'no-rights', token }],
      contexts: [{ name: 'no-rights', cluster: cluster.name, user: 'no-rights' }],
      currentContext: 'no-rights',
    });
    const client = createKubeClient({ kubeConfig: powerless });

    const list = await client.list('v1', 'Secret', { namespace: 'kube-system' }).catch((err: unknown) => err);
    expect(list).toBeInstanceOf(KubeForbiddenError);
    expect(list).toMatchObject({ status: 403 });
    expect((list as Error).message).toMatch(/system:serviceaccount:kapal-test-errors-[0-9a-f]+:no-rights/);

    const get = await client
      .get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace })
      .catch((err: unknown) => err);
    expect(get).toBeInstanceOf(KubeForbiddenError);
    const apply = await client.apply([configMap({ mode: 'z' })]).catch((err: unknown) => err);
    expect(apply).toBeInstanceOf(KubeForbiddenError);
    // The same token is accepted for what everyone may do: the refusals above are about rights, not the token.
    expect(await client.version(5_000)).toMatch(/^v1\./);
  });
});
