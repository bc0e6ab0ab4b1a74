import { randomBytes, randomUUID } from 'node:crypto';
import { AuthorizationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/modules/templates/template-loader.js';
import { createTemplateRenderer } from '../src/modules/templates/template-renderer.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { KubeForbiddenError } from '../src/platform/kube/kube-errors.js';
import { requireTestCluster } from './helpers/env.js';
import { type ManifestObject, PLAIN_MANIFEST_VALUES, renderChart } from './helpers/helm.js';
import { createMemorySecretStore } from './helpers/memory-secret-store.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * The chart's RBAC and admission policy, applied for real on the test cluster under a release name of the
 * test's own. SubjectAccessReviews say what each service account may do; then the test acts as the worker
 * (a token of its service account) to provision a tenant the way Kapal will, and to try what it must not.
 */
describe("Kapal's Kubernetes permissions", () => {
  const release = `kr${randomBytes(4).toString('hex')}`;
  const namespace = `${release}-system`;
  const tenant = { userId: randomUUID() };
  const renderer = createTemplateRenderer({
    settings: {
      domain: 'apps.example.test',
      ingressClass: 'nginx',
      ingressNamespace: 'ingress-nginx',
      clusterIssuer: 'letsencrypt',
      tenantAccess: { namespace, release },
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
  const templates = loadTemplates();
  let admin: KubeClient;
  let adminConfig: KubeConfig;
  let applied: ManifestObject[] = [];
  let tenantNamespace: string | undefined;

  const RBAC_KINDS = new Set([
    'Namespace',
    'ServiceAccount',
    'ClusterRole',
    'ClusterRoleBinding',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
  ]);

  beforeAll(async () => {
    adminConfig = loadKubeConfig(requireTestCluster());
    admin = createKubeClient({ kubeConfig: adminConfig });
    const objects = await renderChart({ release, namespace, set: PLAIN_MANIFEST_VALUES });
    applied = objects.filter((o) => RBAC_KINDS.has(o.kind!));
    await admin.apply(applied);
  });

  afterAll(async () => {
    if (!admin) return;
    if (tenantNamespace) await admin.delete({ apiVersion: 'v1', kind: 'Namespace', name: tenantNamespace });
    // Cluster-scoped objects by name; the namespace takes the service accounts with it.
    for (const object of [...applied].reverse()) {
      if (object.kind === 'ServiceAccount') continue;
      await admin.delete({ apiVersion: object.apiVersion!, kind: object.kind!, name: object.metadata.name });
    }
  });

  type Account = 'api' | 'worker';
  const user = (account: Account) => `system:serviceaccount:${namespace}:${release}-${account}`;

  async function can(
    account: Account,
    verb: string,
    resource: string,
    where: { namespace?: string; group?: string; subresource?: string; name?: string } = {},
  ): Promise<boolean> {
    const review = await adminConfig.makeApiClient(AuthorizationV1Api).createSubjectAccessReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: user(account),
          groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
          resourceAttributes: { verb, resource, ...where },
        },
      },
    });
    return review.status?.allowed ?? false;
  }

  /** A KubeClient that authenticates with a short-lived token of the account, as the pod would. */
  async function actingAs(account: Account): Promise<KubeClient> {
    const token = await adminConfig.makeApiClient(CoreV1Api).createNamespacedServiceAccountToken({
      name: `${release}-${account}`,
      namespace,
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { audiences: [], expirationSeconds: 600 },
      },
    });
    const cluster = adminConfig.getCurrentCluster()!;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'testbed', server: cluster.server, caData: cluster.caData, skipTLSVerify: false }],
      users: [{ name: account, token: token.status!.token }],
      contexts: [{ name: account, cluster: 'testbed', user: account }],
      currentContext: account,
    });
    return createKubeClient({ kubeConfig: kc });
  }

  describe('cluster-wide (SubjectAccessReview)', () => {
    it.each([
      // The API: worker nodes (src/modules/workers) and drain.
      ['api', 'list', 'nodes', {}, true],
      ['api', 'patch', 'nodes', {}, true],
      ['api', 'delete', 'nodes', {}, false],
      ['api', 'list', 'pods', {}, true],
      ['api', 'create', 'pods', { subresource: 'eviction', namespace: 'kube-system' }, true],
      ['api', 'get', 'secrets', { namespace: 'kube-system' }, false],
      ['api', 'list', 'secrets', {}, false],
      ['api', 'create', 'namespaces', {}, false],
      ['api', 'create', 'rolebindings', { group: 'rbac.authorization.k8s.io', namespace: 'kube-system' }, false],
      ['api', 'create', 'deployments', { group: 'apps', namespace: 'kube-system' }, false],
      // The worker: tenant namespaces, their RoleBindings, informers.
      ['worker', 'create', 'namespaces', {}, true],
      ['worker', 'list', 'deployments', { group: 'apps' }, true],
      ['worker', 'watch', 'statefulsets', { group: 'apps' }, true],
      ['worker', 'watch', 'pods', {}, true],
      ['worker', 'get', 'secrets', { namespace: 'kube-system' }, false],
      ['worker', 'list', 'secrets', {}, false],
      ['worker', 'create', 'deployments', { group: 'apps', namespace: 'kube-system' }, false],
      ['worker', 'get', 'deployments', { group: 'apps', namespace: 'kube-system' }, false],
      ['worker', 'delete', 'nodes', {}, false],
      ['worker', 'patch', 'nodes', {}, false],
      ['worker', 'create', 'pods', { subresource: 'eviction', namespace: 'kube-system' }, false],
      ['worker', 'create', 'pods', { subresource: 'exec', namespace: 'kube-system' }, false],
      ['worker', 'create', 'clusterrolebindings', { group: 'rbac.authorization.k8s.io' }, false],
      ['worker', 'escalate', 'clusterroles', { group: 'rbac.authorization.k8s.io' }, false],
      ['worker', 'impersonate', 'serviceaccounts', {}, false],
      ['worker', 'create', 'serviceaccounts', { subresource: 'token', namespace: 'kube-system' }, false],
    ] as const)('%s may %s %s %j: %s', async (account, verb, resource, where, allowed) => {
      expect(await can(account, verb, resource, where)).toBe(allowed);
    });

    it('the worker may bind exactly the two tenant roles', async () => {
      const group = 'rbac.authorization.k8s.io';
      expect(await can('worker', 'bind', 'clusterroles', { group, name: `${release}-tenant-manager` })).toBe(true);
      expect(await can('worker', 'bind', 'clusterroles', { group, name: `${release}-tenant-viewer` })).toBe(true);
      expect(await can('worker', 'bind', 'clusterroles', { group, name: 'cluster-admin' })).toBe(false);
      expect(await can('worker', 'bind', 'clusterroles', { group, name: `${release}-worker` })).toBe(false);
      expect(await can('api', 'bind', 'clusterroles', { group, name: `${release}-tenant-manager` })).toBe(false);
    });
  });

  describe('a tenant provisioned by the worker', () => {
    let worker: KubeClient;

    beforeAll(async () => {
      worker = await actingAs('worker');
    });

    it('the worker provisions a tenant namespace and an app with its own rights, by server-side apply', async () => {
      const rendered = await renderer.renderSubscription({
        template: templates.get('wordpress')!,
        plan,
        subscription: { id: randomUUID(), name: 'blog' },
        tenant,
      });
      const [namespaceObject, ...guardRails] = renderer.renderTenant(tenant, [rendered.footprint]);
      tenantNamespace = namespaceObject!.metadata.name;
      await worker.apply([namespaceObject!]);
      const bindings = guardRails.filter((o) => o.kind === 'RoleBinding');
      await worker.apply(bindings);
      // The new RoleBinding reaches the API server's authorizer shortly after it is stored.
      await waitFor(() => worker.apply(guardRails.filter((o) => o.kind !== 'RoleBinding')), {
        what: 'the tenant guard rails applied as the worker',
      });
      const accepted = await worker.apply(rendered.objects, { dryRun: true });
      expect(accepted.map((o) => o.kind)).toEqual(rendered.objects.map((o) => o.kind));
    });

    it.each([
      ['worker', 'create', 'deployments', 'apps', undefined, true],
      ['worker', 'patch', 'secrets', '', undefined, true],
      ['worker', 'delete', 'networkpolicies', 'networking.k8s.io', undefined, true],
      ['worker', 'get', 'pods', '', 'log', true],
      ['worker', 'create', 'pods', '', undefined, false],
      ['worker', 'create', 'pods', '', 'exec', false],
      ['worker', 'create', 'roles', 'rbac.authorization.k8s.io', undefined, false],
      ['api', 'get', 'pods', '', 'log', true],
      ['api', 'delete', 'pods', '', undefined, true],
      ['api', 'list', 'deployments', 'apps', undefined, true],
      ['api', 'get', 'secrets', '', undefined, false],
      ['api', 'patch', 'deployments', 'apps', undefined, false],
    ] as const)(
      'in the tenant namespace, %s may %s %s (%s) %s: %s',
      async (account, verb, resource, group, subresource, allowed) => {
        expect(tenantNamespace).toBeDefined();
        expect(await can(account, verb, resource, { namespace: tenantNamespace, group, subresource })).toBe(allowed);
      },
    );

    it('the admission policy holds the worker to tenant namespaces that enforce Pod Security', async () => {
      const refused = (objects: ManifestObject[]) =>
        worker.apply(objects, { dryRun: true }).then(
          () => undefined,
          (err: unknown) => err,
        );
      const namespaceNamed = (name: string, labels: Record<string, string> = {}) =>
        ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }) as ManifestObject;
      const psa = { 'pod-security.kubernetes.io/enforce': 'baseline' };
      // The policy is loaded by the API server a moment after it is created.
      const err = await waitFor(
        () => refused([namespaceNamed(`not-a-tenant-${randomBytes(3).toString('hex')}`, psa)]),
        {
          what: 'the admission policy to refuse a namespace outside tenant-*',
        },
      );
      expect(err).toBeInstanceOf(KubeForbiddenError);
      expect(String(err)).toMatch(/may only manage namespaces named tenant-/);

      expect(String(await refused([namespaceNamed(`tenant-${randomUUID()}`)]))).toMatch(/must enforce Pod Security/);
      expect(
        String(
          await refused([
            namespaceNamed(`tenant-${randomUUID()}`, { 'pod-security.kubernetes.io/enforce': 'privileged' }),
          ]),
        ),
      ).toMatch(/must enforce Pod Security/);
      // The PSA label cannot be lifted from an existing tenant namespace either.
      expect(
        String(
          await refused([namespaceNamed(tenantNamespace!, { 'pod-security.kubernetes.io/enforce': 'privileged' })]),
        ),
      ).toMatch(/must enforce Pod Security/);

      const binding = (ns: string, role: string, subject: Record<string, string>) =>
        ({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: `probe-${randomBytes(3).toString('hex')}`, namespace: ns },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
          subjects: [subject],
        }) as ManifestObject;
      const me = { kind: 'ServiceAccount', name: `${release}-worker`, namespace };
      // RBAC lets the worker bind the tenant role anywhere; the policy keeps it out of kube-system...
      expect(String(await refused([binding('kube-system', `${release}-tenant-manager`, me)]))).toMatch(
        /may only bind roles in namespaces named tenant-/,
      );
      // ...and to Kapal's own accounts,
      expect(
        String(
          await refused([
            binding(tenantNamespace!, `${release}-tenant-manager`, {
              kind: 'User',
              name: 'mallory',
              apiGroup: 'rbac.authorization.k8s.io',
            }),
          ]),
        ),
      ).toMatch(/only bind its tenant roles to its own service accounts/);
      // ...and RBAC itself refuses any other role (no `bind`, no escalation).
      const escalation = await refused([binding(tenantNamespace!, 'cluster-admin', me)]);
      expect(escalation).toBeInstanceOf(KubeForbiddenError);
      // The test can fail: the same kind of binding, done right, passes.
      expect(await refused([binding(tenantNamespace!, `${release}-tenant-viewer`, me)])).toBeUndefined();
    });
  });
});
