import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { V1PodSpec } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { requireTestCluster } from './helpers/env.js';
import {
  CHART,
  helm,
  type ManifestObject,
  PLAIN_MANIFEST_VALUES,
  parseManifests,
  renderChart,
} from './helpers/helm.js';
import { waitFor } from './helpers/wait-for.js';

const run = promisify(execFile);

const podSpecOf = (o: ManifestObject) => (o.spec as { template: { spec: V1PodSpec } }).template.spec;
const workloadsOf = (objects: ManifestObject[]) => objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');

/** The chart (deploy/helm/kapal) and the plain manifests rendered from it (deploy/kubernetes/kapal.yaml). */
describe('the Helm chart', () => {
  it('passes helm lint --strict with its defaults, the plain manifests values and every option on', async () => {
    await helm(['lint', '--strict', CHART]);
    await helm([
      'lint',
      '--strict',
      CHART,
      ...Object.entries(PLAIN_MANIFEST_VALUES).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
    ]);
    await helm(['lint', '--strict', CHART, '--set', 'serviceMonitor.enabled=true', '--set', 'secrets.JWT_SECRET=x']);
  });

  it('refuses an unknown migrations mode', async () => {
    await expect(
      renderChart({ release: 'kapal', namespace: 'kapal-system', set: { 'migrations.mode': 'sometimes' } }),
    ).rejects.toThrow(/migrations.mode must be hook or initContainer/);
  });

  it('deploy/kubernetes/kapal.yaml is what the chart renders today (scripts/render-manifests.sh)', async () => {
    const { stdout } = await run('scripts/render-manifests.sh', ['--stdout']);
    expect(readFileSync('deploy/kubernetes/kapal.yaml', 'utf8')).toBe(stdout);
  });

  it("boots in production with the chart's configuration and real secrets (the same checks `kapal` makes)", async () => {
    const objects = await renderChart({ release: 'kapal', namespace: 'kapal-system' });
    const configMap = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    expect(configMap.data.NODE_ENV).toBe('production');
    const secrets = {
      DATABASE_URL: 'postgres://kapal:s3cret@postgres.kapal-system.svc:5432/kapal',
      REDIS_URL: 'redis://redis.kapal-system.svc:6379',
      SMTP_URL: 'smtp://mail.example.net:587',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WORKER_AGENT_TOKEN: randomBytes(24).toString('hex'),
      MIDTRANS_SERVER_KEY: `Mid-server-${randomBytes(12).toString('hex')}`,
      MIDTRANS_CLIENT_KEY: `Mid-client-${randomBytes(12).toString('hex')}`,
    };
    expect(() => loadConfig({ ...configMap.data, ...secrets })).not.toThrow();
  });

  it('runs migrations as a pre-install/pre-upgrade hook Job after the ConfigMap and Secret it reads', async () => {
    const objects = await renderChart({ release: 'kapal', namespace: 'kapal-system' });
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(job.metadata.annotations).toMatchObject({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '0',
    });
    expect(podSpecOf(job).containers[0]!.args).toEqual(['migrate']);
    for (const kind of ['ConfigMap', 'Secret']) {
      expect(objects.find((o) => o.kind === kind)!.metadata.annotations, kind).toMatchObject({
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'helm.sh/hook-weight': '-10',
      });
    }
    const api = objects.find((o) => o.metadata.name === 'kapal-api' && o.kind === 'Deployment')!;
    expect(podSpecOf(api).initContainers).toBeUndefined();
    // The plain manifests have no hooks: the API's init container migrates instead.
    const plain = parseManifests(readFileSync('deploy/kubernetes/kapal.yaml', 'utf8'));
    expect(plain.find((o) => o.kind === 'Job')).toBeUndefined();
    const plainApi = plain.find((o) => o.metadata.name === 'kapal-api' && o.kind === 'Deployment')!;
    expect(podSpecOf(plainApi).initContainers?.map((c) => c.args)).toEqual([['migrate']]);
  });

  it('takes replicas, an existing Secret and config values', async () => {
    const objects = await renderChart({
      release: 'kapal',
      namespace: 'kapal-system',
      set: { 'api.replicas': 3, 'worker.replicas': 1, existingSecret: 'mine', 'config.APPS_DOMAIN': 'apps.test' },
    });
    const deployment = (name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!;
    expect((deployment('kapal-api').spec as { replicas: number }).replicas).toBe(3);
    expect((deployment('kapal-worker').spec as { replicas: number }).replicas).toBe(1);
    expect(objects.find((o) => o.kind === 'Secret')).toBeUndefined();
    expect(podSpecOf(deployment('kapal-worker')).containers[0]!.envFrom).toContainEqual({
      secretRef: { name: 'mine' },
    });
    expect(objects.find((o) => o.kind === 'ConfigMap')!.data).toMatchObject({ APPS_DOMAIN: 'apps.test' });
  });

  it('gives API and worker service accounts of their own, and every container the restricted hardening', async () => {
    const objects = await renderChart({ release: 'kapal', namespace: 'kapal-system' });
    const accounts = Object.fromEntries(
      workloadsOf(objects).map((o) => [o.metadata.name, podSpecOf(o).serviceAccountName ?? null]),
    );
    expect(accounts).toEqual({ 'kapal-api': 'kapal-api', 'kapal-worker': 'kapal-worker', 'kapal-migrate': null });
    expect(podSpecOf(objects.find((o) => o.kind === 'Job')!).automountServiceAccountToken).toBe(false);
    for (const workload of workloadsOf(objects)) {
      const spec = podSpecOf(workload);
      expect(spec.securityContext, workload.metadata.name).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        expect(container.securityContext, container.name).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.resources?.limits, container.name).toBeDefined();
        expect(container.resources?.requests, container.name).toBeDefined();
      }
    }
  });

  it('lets only the ingress namespace reach the API (and Prometheus when the ServiceMonitor is on)', async () => {
    const policyOf = (objects: ManifestObject[]) =>
      objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'kapal-api')!.spec as {
        ingress: { from: unknown[] }[];
      };
    const plain = await renderChart({ release: 'kapal', namespace: 'kapal-system' });
    expect(policyOf(plain).ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
    expect(plain.find((o) => o.kind === 'ServiceMonitor')).toBeUndefined();

    const monitored = await renderChart({
      release: 'kapal',
      namespace: 'kapal-system',
      set: { 'serviceMonitor.enabled': true, 'config.INGRESS_NAMESPACE': 'traefik' },
    });
    expect(policyOf(monitored).ingress[0]!.from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
    ]);
    expect(monitored.find((o) => o.kind === 'ServiceMonitor')?.spec).toMatchObject({
      endpoints: [{ port: 'http', path: '/metrics' }],
    });

    // The worker: nothing reaches it, but Prometheus its metrics port when monitoring is on (a PodMonitor).
    const workerPolicy = (objects: ManifestObject[]) =>
      objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'kapal-worker')!.spec as {
        ingress?: unknown[];
      };
    expect(workerPolicy(plain).ingress).toBeUndefined();
    expect(plain.find((o) => o.kind === 'PodMonitor')).toBeUndefined();
    expect(workerPolicy(monitored).ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ port: 'metrics', protocol: 'TCP' }],
      },
    ]);
    expect(monitored.find((o) => o.kind === 'PodMonitor')?.spec).toMatchObject({
      podMetricsEndpoints: [{ port: 'metrics', path: '/metrics' }],
    });
  });
});

/** What the chart renders, sent to the test cluster's API server (server-side dry run). */
describe('the Helm chart on the test cluster', () => {
  let kube: KubeClient;
  const release = `kc${randomBytes(4).toString('hex')}`;
  const namespace = `${release}-system`;

  beforeAll(async () => {
    kube = createKubeClient({ kubeConfig: loadKubeConfig(requireTestCluster()) });
    // The namespace as the plain manifests make it (Pod Security `restricted`), for real: namespaced dry runs need it.
    const objects = await renderChart({ release, namespace, set: PLAIN_MANIFEST_VALUES });
    await kube.apply(objects.filter((o) => o.kind === 'Namespace'));
  });

  afterAll(async () => {
    await kube?.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  });

  it.each([
    ['the defaults (Helm)', {}],
    ['the plain manifests values', PLAIN_MANIFEST_VALUES],
    ["the chart's own Secret, no NetworkPolicy", { 'secrets.JWT_SECRET': 'x', 'networkPolicy.enabled': false }],
  ])('%s: every object is accepted by the API server', async (_, values) => {
    const objects = (await renderChart({ release, namespace, set: values })).filter((o) => o.kind !== 'Namespace');
    const accepted = await kube.apply(objects, { dryRun: true });
    expect(accepted.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(
      objects.map((o) => `${o.kind}/${o.metadata.name}`),
    );
    expect(accepted.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['ServiceAccount', 'ClusterRole', 'Deployment', 'ValidatingAdmissionPolicy', 'ConfigMap']),
    );
  });

  it("every pod passes Pod Security `restricted` in Kapal's namespace", async () => {
    const stored = await waitFor(
      () => kube.get<ManifestObject>({ apiVersion: 'v1', kind: 'Namespace', name: namespace }),
      { what: 'the namespace' },
    );
    expect(stored.metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    const objects = [
      ...(await renderChart({ release, namespace })),
      ...(await renderChart({ release, namespace, set: PLAIN_MANIFEST_VALUES })),
    ];
    const pods = workloadsOf(objects).map((o, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${o.metadata.name}-${i}`, namespace },
      // The service accounts are not created by this test; admission of the pod itself is what counts here.
      spec: { ...podSpecOf(o), serviceAccountName: undefined },
    }));
    expect(pods.length).toBe(5);
    await kube.apply(JSON.parse(JSON.stringify(pods)), { dryRun: true });
    // And the same namespace refuses a pod that is not hardened (the check can fail).
    await expect(
      kube.apply(
        [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'loose', namespace },
            spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
          } as ManifestObject,
        ],
        { dryRun: true },
      ),
    ).rejects.toThrow(/violates PodSecurity "restricted/);
  });
});
