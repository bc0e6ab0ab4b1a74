import { randomBytes } from 'node:crypto';
import type { V1Deployment, V1Node, V1Pod } from '@kubernetes/client-node';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestCluster } from '../../../test/helpers/env.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from './kube-client.js';
import { KubeInvalidError, KubeNotFoundError, KubeUnreachableError } from './kube-errors.js';

/** Against the real API server of the test cluster; KWOK plays the kubelets. */
describe('KubeClient on the test cluster', () => {
  let kube: KubeClient;
  const namespace = `kapal-test-${randomBytes(4).toString('hex')}`;
  const labels = { 'app.kubernetes.io/managed-by': 'kapal', 'kapal.io/test': namespace };

  beforeAll(async () => {
    kube = createKubeClient({ kubeConfig: loadKubeConfig(requireTestCluster()) });
    await kube.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } }]);
  });
  afterAll(async () => {
    await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  });

  const deployment = (name: string, replicas = 1): V1Deployment => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { ...labels, app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
    },
  });

  it('applies a Deployment, watches its pod reach Running on a KWOK node, deletes it and sees the pod go', async () => {
    const seen = new Map<string, V1Pod>();
    const deleted = new Set<string>();
    const watch = kube.watch<V1Pod>(
      { apiVersion: 'v1', kind: 'Pod', namespace, labelSelector: 'app=web-1' },
      {
        add: (pod) => seen.set(pod.metadata!.name!, pod),
        update: (pod) => seen.set(pod.metadata!.name!, pod),
        delete: (pod) => deleted.add(pod.metadata!.name!),
      },
    );
    try {
      await watch.synced;
      const [applied] = await kube.apply([deployment('web-1')]);
      expect(applied?.metadata?.managedFields?.some((f) => f.manager === 'kapal')).toBe(true);

      const running = await waitFor(
        () => [...seen.values()].find((p) => p.status?.phase === 'Running' && p.spec?.nodeName),
        { timeoutMs: 30_000, what: 'a Running pod' },
      );
      expect(running.spec?.nodeName).toMatch(/^kwok-node-/);
      const node = await kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: running.spec!.nodeName! });
      expect(node.metadata?.annotations?.['kwok.x-k8s.io/node']).toBe('fake');

      expect(
        await kube.delete(
          { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'web-1' },
          { propagationPolicy: 'Foreground' },
        ),
      ).toBe(true);
      await waitFor(() => deleted.has(running.metadata!.name!), { timeoutMs: 30_000, what: 'the pod deleted' });
      // Foreground deletion removes the Deployment itself once its pods are gone.
      await waitFor(
        () =>
          kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'web-1' }).then(
            () => false,
            (err) => err instanceof KubeNotFoundError,
          ),
        { timeoutMs: 30_000, what: 'the Deployment gone' },
      );
      expect(await kube.delete({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'web-1' })).toBe(false);
    } finally {
      await watch.stop();
    }
  });

  it('re-applies idempotently and lists by label selector', async () => {
    await kube.apply([deployment('web-2', 2)]);
    await kube.apply([deployment('web-2', 2)]);
    const list = await kube.list<V1Deployment>('apps/v1', 'Deployment', {
      namespace,
      labelSelector: `kapal.io/test=${namespace}`,
    });
    expect(list.map((d) => d.metadata?.name)).toEqual(['web-2']);
    const pods = await waitFor(
      async () => {
        const all = await kube.list<V1Pod>('v1', 'Pod', { namespace, labelSelector: 'app=web-2' });
        return all.filter((p) => p.status?.phase === 'Running').length === 2 ? all : undefined;
      },
      { timeoutMs: 30_000, what: 'two Running pods' },
    );
    expect(pods).toHaveLength(2);
  });

  it('re-delivers cached objects on every resync period', async () => {
    const updates: string[] = [];
    const watch = kube.watch(
      { apiVersion: 'v1', kind: 'Namespace', labelSelector: `kapal.io/test=${namespace}`, resyncMs: 100 },
      { update: (ns) => updates.push(ns.metadata!.name!) },
    );
    try {
      await watch.synced;
      expect(watch.list().map((ns) => ns.metadata?.name)).toEqual([namespace]);
      await waitFor(() => updates.length >= 3, { what: 'three resyncs' });
      expect(new Set(updates)).toEqual(new Set([namespace]));
    } finally {
      await watch.stop();
    }
  });

  it('does not persist a dry-run apply', async () => {
    await kube.apply([deployment('dry')], { dryRun: true });
    await expect(
      kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'dry' }),
    ).rejects.toBeInstanceOf(KubeNotFoundError);
  });

  it('evicts a pod through the Eviction API', async () => {
    await kube.apply([deployment('web-3')]);
    const pod = await waitFor(
      async () =>
        (await kube.list<V1Pod>('v1', 'Pod', { namespace, labelSelector: 'app=web-3' })).find(
          (p) => p.status?.phase === 'Running',
        ),
      { timeoutMs: 30_000, what: 'a Running pod' },
    );
    await kube.evictPod(namespace, pod.metadata!.name!);
    await waitFor(
      async () => {
        const pods = await kube.list<V1Pod>('v1', 'Pod', { namespace, labelSelector: 'app=web-3' });
        return !pods.some((p) => p.metadata?.name === pod.metadata!.name && !p.metadata?.deletionTimestamp);
      },
      { timeoutMs: 30_000, what: 'the evicted pod to go' },
    );
  });

  it('cordons and uncordons a node with a merge patch', async () => {
    // One of the test bed's own nodes: other test files create (and drain) nodes of their own.
    const name = 'kwok-node-2';
    await kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name });
    try {
      expect((await kube.patchNode(name, { spec: { unschedulable: true } })).spec?.unschedulable).toBe(true);
    } finally {
      const after = await kube.patchNode(name, { spec: { unschedulable: null } });
      expect(after.spec?.unschedulable).toBeFalsy();
    }
  });

  it('reports an invalid object as KubeInvalidError, naming the object', async () => {
    const bad = deployment('Bad_Name');
    await expect(kube.apply([bad])).rejects.toSatisfy(
      (err: Error) => err instanceof KubeInvalidError && /Deployment\/.*Bad_Name/.test(err.message),
    );
  });

  it('refuses unknown fields instead of dropping them (a typo in a template must not vanish)', async () => {
    const typo = { ...deployment('typo'), spec: { ...deployment('typo').spec, replicaz: 2 } };
    await expect(kube.apply([typo as V1Deployment], { dryRun: true })).rejects.toSatisfy(
      (err: Error) => err instanceof KubeInvalidError && /replicaz/.test(err.message),
    );
  });

  it('sends fields exactly as given, including ones the client library has no model for', async () => {
    const [applied] = await kube.apply([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'raw', namespace, labels },
        data: { a: '1' },
        binaryData: { b: Buffer.from('kapal').toString('base64') },
        immutable: true,
      } as never,
    ]);
    expect(applied).toMatchObject({ data: { a: '1' }, immutable: true });
  });

  it('reads pod logs through the API server (KWOK plays the kubelet), with a tail', async () => {
    await kube.apply([deployment('web-logs')]);
    const pod = await waitFor(
      async () =>
        (await kube.list<V1Pod>('v1', 'Pod', { namespace, labelSelector: 'app=web-logs' })).find(
          (p) => p.status?.phase === 'Running',
        ),
      { timeoutMs: 30_000, what: 'a Running pod' },
    );
    const logs = await kube.podLogs(namespace, pod.metadata!.name!, { container: 'web' });
    expect(logs.split('\n').filter(Boolean)).toEqual([
      'kapal test bed: container started',
      'kapal test bed: listening',
      'kapal test bed: a warning on stderr',
    ]);
    expect(await kube.podLogs(namespace, pod.metadata!.name!, { tailLines: 1 })).toBe(
      'kapal test bed: a warning on stderr\n',
    );
    await expect(kube.podLogs(namespace, 'no-such-pod')).rejects.toBeInstanceOf(KubeNotFoundError);
  });

  it('reports an API server that does not answer as KubeUnreachableError', async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'dead', server: 'https://127.0.0.1:1', skipTLSVerify: true }],
      users: [{ name: 'nobody' }],
      contexts: [{ name: 'dead', cluster: 'dead', user: 'nobody' }],
      currentContext: 'dead',
    });
    const dead = createKubeClient({ kubeConfig });
    await expect(dead.version(1_000)).rejects.toBeInstanceOf(KubeUnreachableError);
    await expect(dead.list('v1', 'Pod', { namespace })).rejects.toBeInstanceOf(KubeUnreachableError);
  });
});
