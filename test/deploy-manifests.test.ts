import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { requireTestCluster } from './helpers/env.js';

const manifests = parseAllDocuments(readFileSync('deploy/kubernetes/kapal.yaml', 'utf8')).map(
  (doc) => doc.toJS() as KubernetesObject,
);

/** The deployment manifests, validated by the real API server (server-side dry run). */
describe('deploy/kubernetes/kapal.yaml', () => {
  let kube: KubeClient;
  // A namespace of the test's own, so the dry run of namespaced objects has somewhere to land.
  const namespace = `kapal-deploy-${randomBytes(4).toString('hex')}`;
  const renamed = manifests.map((object) => {
    const copy = structuredClone(object) as KubernetesObject & { subjects?: { namespace?: string }[] };
    if (copy.kind === 'Namespace') copy.metadata!.name = namespace;
    if (copy.metadata?.namespace) copy.metadata.namespace = namespace;
    for (const subject of copy.subjects ?? []) subject.namespace = namespace;
    return copy;
  });

  beforeAll(async () => {
    kube = createKubeClient({ kubeConfig: loadKubeConfig(requireTestCluster()) });
    await kube.apply(renamed.filter((o) => o.kind === 'Namespace'));
  });
  afterAll(async () => {
    await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  });

  it('is accepted by the API server', async () => {
    const applied = await kube.apply(
      renamed.filter((o) => o.kind !== 'Namespace'),
      { dryRun: true },
    );
    expect(applied.map((o) => o.kind)).toEqual([
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'ConfigMap',
      'Deployment',
      'Deployment',
      'Service',
    ]);
  });

  it('gives every container resources and the API its probes', () => {
    const deployments = manifests.filter((o): o is V1Deployment => o.kind === 'Deployment');
    for (const deployment of deployments) {
      const spec = deployment.spec!.template.spec!;
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        expect(container.resources?.limits, container.name).toBeDefined();
        expect(container.resources?.requests, container.name).toBeDefined();
      }
    }
    const api = deployments.find((d) => d.metadata?.name === 'kapal-api')!.spec!.template.spec!.containers[0]!;
    expect(api.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(api.livenessProbe?.httpGet?.path).toBe('/healthz');
  });
});
