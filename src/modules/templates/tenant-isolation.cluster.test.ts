import { randomUUID } from 'node:crypto';
import type { V1PodSpec } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestCluster } from '../../../test/helpers/env.js';
import { createMemorySecretStore } from '../../../test/helpers/memory-secret-store.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../../platform/kube/kube-client.js';
import { KubeForbiddenError } from '../../platform/kube/kube-errors.js';
import { loadTemplates } from './template-loader.js';
import { createTemplateRenderer, type KubeObject, type RenderedSubscription } from './template-renderer.js';

/**
 * A tenant namespace as the renderer makes it, created for real on the test cluster: Pod Security admission
 * and the API server's validation of the NetworkPolicies and workloads are the real ones.
 */
describe('tenant isolation on the test cluster', () => {
  let kube: KubeClient;
  const templates = loadTemplates();
  const renderer = createTemplateRenderer({
    settings: {
      domain: 'apps.example.test',
      ingressClass: 'nginx',
      ingressNamespace: 'ingress-nginx',
      clusterIssuer: 'letsencrypt',
    },
    secrets: createMemorySecretStore(),
  });
  const plan = {
    cpuRequestMillicores: 250,
    cpuLimitMillicores: 1000,
    memoryRequestMib: 512,
    memoryLimitMib: 1024,
    storageGib: 5,
  };
  const tenant = { userId: randomUUID() };
  let tenantObjects: KubeObject[] = [];
  let namespace = '';
  const rendered: RenderedSubscription[] = [];

  beforeAll(async () => {
    kube = createKubeClient({ kubeConfig: loadKubeConfig(requireTestCluster()) });
    for (const template of templates.list()) {
      rendered.push(
        await renderer.renderSubscription({
          template,
          plan,
          subscription: { id: randomUUID(), name: template.slug },
          tenant,
        }),
      );
    }
    tenantObjects = renderer.renderTenant(
      tenant,
      rendered.map((r) => r.footprint),
    );
    namespace = tenantObjects[0]!.metadata.name;
    await kube.apply(tenantObjects);
  });

  afterAll(async () => {
    if (namespace) await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  });

  const pod = (name: string, spec: V1PodSpec | object): KubeObject =>
    JSON.parse(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: {} }, spec }));
  const container = (extra: object = {}) => ({
    name: 'c',
    image: 'busybox:1.36',
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
    ...extra,
  });

  it.each([
    ['a privileged container', { containers: [container({ securityContext: { privileged: true } })] }],
    ['the host network', { hostNetwork: true, containers: [container()] }],
    ['a hostPath volume', { containers: [container()], volumes: [{ name: 'h', hostPath: { path: '/' } }] }],
    ['an added NET_ADMIN', { containers: [container({ securityContext: { capabilities: { add: ['NET_ADMIN'] } } })] }],
  ])('Pod Security baseline refuses a pod with %s', async (_, spec) => {
    await expect(kube.apply([pod('escape', spec)], { dryRun: true })).rejects.toSatisfy(
      (err) => err instanceof KubeForbiddenError && /violates PodSecurity "baseline:latest"/.test(err.message),
    );
  });

  it('an ordinary pod is admitted (the refusals above are about what they ask for)', async () => {
    await kube.apply([pod('ordinary', { containers: [container()] })], { dryRun: true });
  });

  it("every template's objects are accepted, and each of its pods passes Pod Security admission", async () => {
    for (const result of rendered) {
      const accepted = await kube.apply(result.objects, { dryRun: true });
      expect(accepted.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(
        result.objects.map((o) => `${o.kind}/${o.metadata.name}`),
      );
      for (const workload of result.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
        const spec = (workload.spec as { template: { spec: V1PodSpec } }).template.spec;
        await kube.apply([pod(`${workload.metadata.name}-0`, spec)], { dryRun: true });
      }
    }
  });

  it('the namespace carries the Pod Security labels, and the stored NetworkPolicies the egress rules', async () => {
    const stored = await kube.get<KubeObject>({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    expect(stored.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
    const egress = await kube.get<KubeObject>({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      name: 'restrict-egress',
      namespace,
    });
    expect(egress.spec).toEqual(tenantObjects.find((o) => o.metadata.name === 'restrict-egress')!.spec);
    expect(JSON.stringify(egress.spec)).toContain('"except":["10.0.0.0/8","172.16.0.0/12","192.168.0.0/16"');
  });
});
