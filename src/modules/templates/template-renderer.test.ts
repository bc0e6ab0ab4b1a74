import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../test/helpers/memory-secret-store.js';
import { isDnsLabel } from './names.js';
import { loadTemplates } from './template-loader.js';
import {
  BLOCKED_EGRESS,
  createTemplateRenderer,
  type KubeObject,
  LABELS,
  type PlanResources,
} from './template-renderer.js';
import { templateSpec } from './template-spec.js';

const settings = {
  domain: 'apps.example.test',
  ingressClass: 'nginx',
  ingressNamespace: 'ingress-nginx',
  clusterIssuer: 'letsencrypt-prod',
};
const plan: PlanResources = {
  cpuRequestMillicores: 250,
  cpuLimitMillicores: 1000,
  memoryRequestMib: 512,
  memoryLimitMib: 1024,
  storageGib: 5,
};
const templates = loadTemplates();
const wordpress = templates.get('wordpress')!;
const n8n = templates.get('n8n')!;

const secretsOf = (objects: KubeObject[]) =>
  objects
    .filter((o) => o.kind === 'Secret')
    .map((o) => ({ name: o.metadata.name, data: o.data as Record<string, string> }));
const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');

describe('template renderer', () => {
  it('renders the same objects for the same input (stable output)', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    const input = {
      template: wordpress,
      plan,
      subscription: { id: randomUUID(), name: 'Blog' },
      tenant: { userId: randomUUID() },
    };
    const first = await renderer.render(input);
    const second = await renderer.render(structuredClone(input));
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('puts the three labels on every object, and paas.managed on the namespace', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    const subscription = { id: randomUUID(), name: 'Blog' };
    const tenant = { userId: randomUUID() };
    for (const template of templates.list()) {
      const rendered = await renderer.renderSubscription({ template, plan, subscription, tenant });
      for (const object of rendered.objects) {
        const where = `${template.slug} ${object.kind}/${object.metadata.name}`;
        expect(object.metadata.labels[LABELS.managedBy], where).toBe('kapal');
        expect(object.metadata.labels[LABELS.tenant], where).toBe(tenant.userId);
        expect(object.metadata.labels[LABELS.subscription], where).toBe(subscription.id);
        expect(object.metadata.namespace, where).toBe(rendered.namespace);
        const podLabels = (object.spec as { template?: { metadata: { labels: Record<string, string> } } } | undefined)
          ?.template?.metadata.labels;
        if (podLabels) expect(podLabels[LABELS.subscription], where).toBe(subscription.id);
      }
      const tenantObjects = renderer.renderTenant(tenant, [rendered.footprint]);
      for (const object of tenantObjects) {
        expect(object.metadata.labels[LABELS.managedBy]).toBe('kapal');
        expect(object.metadata.labels[LABELS.tenant]).toBe(tenant.userId);
      }
      expect(tenantObjects[0]).toMatchObject({ kind: 'Namespace', metadata: { labels: { 'paas.managed': 'true' } } });
    }
  });

  it('keeps every name a DNS label, and the host under APPS_DOMAIN, whatever the subscription is called', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    for (const name of ['Ünïcødé 日本 🚀', 'A'.repeat(250), '../../../', '', 'My_Blog.2024!', '-x-']) {
      const rendered = await renderer.renderSubscription({
        template: wordpress,
        plan,
        subscription: { id: randomUUID(), name },
        tenant: { userId: randomUUID() },
      });
      expect(rendered.host).toBe(`${rendered.name}.${settings.domain}`);
      expect(rendered.publicUrl).toBe(`https://${rendered.host}`);
      for (const object of rendered.objects) {
        const limit = object.kind === 'PersistentVolumeClaim' ? 253 : 63;
        expect(object.metadata.name.length, object.metadata.name).toBeLessThanOrEqual(limit);
        expect(object.metadata.name).toMatch(/^[a-z]([a-z0-9-]*[a-z0-9])?$/);
      }
      expect(isDnsLabel(rendered.namespace)).toBe(true);
    }
  });

  it('wires the Ingress, the plan resources, the probes and the derived URL', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    const rendered = await renderer.renderSubscription({
      template: n8n,
      plan,
      subscription: { id: randomUUID(), name: 'flows' },
      tenant: { userId: randomUUID() },
    });
    const ingress = rendered.objects.find((o) => o.kind === 'Ingress')!;
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' });
    expect(ingress.spec).toMatchObject({
      ingressClassName: 'nginx',
      tls: [{ hosts: [rendered.host], secretName: `${rendered.name}-tls` }],
      rules: [{ host: rendered.host }],
    });
    const deployment = rendered.objects.find((o) => o.kind === 'Deployment') as KubeObject & {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    const container = deployment.spec.template.spec.containers[0]!;
    expect(container.resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '1000m', memory: '1Gi' },
    });
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 'http' } });
    expect(container.env).toContainEqual({ name: 'WEBHOOK_URL', value: `${rendered.publicUrl}/` });
    expect(container.env).toContainEqual({
      name: 'N8N_ENCRYPTION_KEY',
      valueFrom: { secretKeyRef: { name: rendered.name, key: 'N8N_ENCRYPTION_KEY' } },
    });
    const pvc = rendered.objects.find((o) => o.kind === 'PersistentVolumeClaim')!;
    expect(pvc.spec).toMatchObject({ resources: { requests: { storage: '5Gi' } } });
  });

  it('shares one generated password between WordPress and its MariaDB, and never puts it in the pod spec', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    const rendered = await renderer.renderSubscription({
      template: wordpress,
      plan,
      subscription: { id: randomUUID(), name: 'site' },
      tenant: { userId: randomUUID() },
    });
    const [database, app] = secretsOf(rendered.objects);
    expect(database?.name).toBe(`${rendered.name}-mariadb`);
    expect(app?.name).toBe(rendered.name);
    const password = decode(app!.data.WORDPRESS_DB_PASSWORD!);
    expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(decode(database!.data.MARIADB_PASSWORD!)).toBe(password);
    expect(decode(database!.data.MARIADB_ROOT_PASSWORD!)).not.toBe(password);
    const workloads = rendered.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
    expect(JSON.stringify(workloads)).not.toContain(password);
    expect(JSON.stringify(workloads)).toContain(`"value":"${rendered.name}-mariadb:3306"`);
  });

  it('sizes the quota as the sum of the tenant subscriptions and the LimitRange from the largest container', async () => {
    const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });
    const tenant = { userId: randomUUID() };
    const a = await renderer.renderSubscription({
      template: n8n,
      plan,
      subscription: { id: randomUUID(), name: 'a' },
      tenant,
    });
    const b = await renderer.renderSubscription({
      template: wordpress,
      plan,
      subscription: { id: randomUUID(), name: 'b' },
      tenant,
    });
    const objects = renderer.renderTenant(tenant, [a.footprint, b.footprint]);
    const [quota, limits, policy] = ['ResourceQuota', 'LimitRange', 'NetworkPolicy'].map((kind) =>
      objects.find((o) => o.kind === kind),
    );
    // n8n: the app; WordPress: the app plus MariaDB (100m/500m, 256Mi/512Mi, 2Gi).
    expect(quota?.spec).toEqual({
      hard: {
        'requests.cpu': '600m',
        'limits.cpu': '2500m',
        'requests.memory': '1280Mi',
        'limits.memory': '2560Mi',
        'requests.storage': '12Gi',
        persistentvolumeclaims: '3',
        pods: '3',
      },
    });
    expect(limits?.spec).toMatchObject({
      limits: [
        { type: 'Container', max: { cpu: '1000m', memory: '1Gi' } },
        { type: 'PersistentVolumeClaim', max: { storage: '5Gi' } },
      ],
    });
    expect(policy?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }],
    });
  });
});

type PodSpec = {
  securityContext: Record<string, unknown>;
  containers: { name: string; securityContext: Record<string, unknown> }[];
};
const podSpecsOf = (objects: KubeObject[]) =>
  objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => ({ name: o.metadata.name, spec: (o.spec as { template: { spec: PodSpec } }).template.spec }));

describe('tenant isolation', () => {
  const renderer = createTemplateRenderer({ settings, secrets: createMemorySecretStore() });

  it('enforces Pod Security baseline on the tenant namespace and binds only Kapal to its tenant roles', async () => {
    const tenant = { userId: randomUUID() };
    const rendered = await renderer.renderSubscription({
      template: n8n,
      plan,
      subscription: { id: randomUUID(), name: 'x' },
      tenant,
    });
    const objects = renderer.renderTenant(tenant, [rendered.footprint]);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      `Namespace/${rendered.namespace}`,
      'RoleBinding/kapal-tenant-manager',
      'RoleBinding/kapal-tenant-viewer',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'NetworkPolicy/default-deny-except-ingress',
      'NetworkPolicy/restrict-egress',
    ]);
    expect(objects[0]!.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(objects[1]).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'kapal-tenant-manager' },
      subjects: [{ kind: 'ServiceAccount', name: 'kapal-worker', namespace: 'kapal-system' }],
    });
    expect(objects[2]).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'kapal-tenant-viewer' },
      subjects: [{ kind: 'ServiceAccount', name: 'kapal-api', namespace: 'kapal-system' }],
    });
    // Another install (release and namespace) is bound instead when the settings say so.
    const other = createTemplateRenderer({
      settings: { ...settings, tenantAccess: { namespace: 'ops', release: 'k' } },
      secrets: createMemorySecretStore(),
    }).renderTenant(tenant, [rendered.footprint]);
    expect(other[1]).toMatchObject({
      metadata: { name: 'k-tenant-manager' },
      roleRef: { name: 'k-tenant-manager' },
      subjects: [{ name: 'k-worker', namespace: 'ops' }],
    });
  });

  it('lets tenant pods send only to DNS in kube-system and to the internet, not to cluster ranges or metadata', async () => {
    const tenant = { userId: randomUUID() };
    const rendered = await renderer.renderSubscription({
      template: n8n,
      plan,
      subscription: { id: randomUUID(), name: 'x' },
      tenant,
    });
    const egress = renderer
      .renderTenant(tenant, [rendered.footprint])
      .find((o) => o.metadata.name === 'restrict-egress');
    expect(egress?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
        {
          to: [
            {
              ipBlock: {
                cidr: '0.0.0.0/0',
                except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'],
              },
            },
            { ipBlock: { cidr: '::/0', except: ['fc00::/7', 'fe80::/10'] } },
          ],
        },
      ],
    });
    expect(BLOCKED_EGRESS.ipv4).toContain('169.254.0.0/16'); // 169.254.169.254, the cloud metadata service
  });

  it('lets the pods of one subscription reach each other, and only those', async () => {
    const subscription = { id: randomUUID(), name: 'site' };
    const rendered = await renderer.renderSubscription({
      template: wordpress,
      plan,
      subscription,
      tenant: { userId: randomUUID() },
    });
    const internal = rendered.objects.find((o) => o.metadata.name === `${rendered.name}-internal`);
    const same = { podSelector: { matchLabels: { [LABELS.subscription]: subscription.id } } };
    expect(internal?.spec).toEqual({
      ...same,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [same] }],
      egress: [{ to: [same] }],
    });
  });

  it('hardens every container and adds back only the capabilities its template declares', async () => {
    for (const template of templates.list()) {
      const rendered = await renderer.renderSubscription({
        template,
        plan,
        subscription: { id: randomUUID(), name: 'x' },
        tenant: { userId: randomUUID() },
      });
      const declared = new Map<string, string[] | undefined>([
        [rendered.name, template.app.securityContext?.capabilities],
        ...template.companions.map(
          (c) => [`${rendered.name}-${c.name}`, c.securityContext?.capabilities] as [string, string[] | undefined],
        ),
      ]);
      const pods = podSpecsOf(rendered.objects);
      expect(pods.map((p) => p.name).sort()).toEqual([...declared.keys()].sort());
      for (const pod of pods) {
        const where = `${template.slug} ${pod.name}`;
        expect(pod.spec.securityContext.seccompProfile, where).toEqual({ type: 'RuntimeDefault' });
        for (const container of pod.spec.containers) {
          const add = declared.get(pod.name);
          expect(container.securityContext, where).toEqual({
            allowPrivilegeEscalation: false,
            capabilities: add?.length ? { drop: ['ALL'], add } : { drop: ['ALL'] },
          });
        }
      }
    }
    // n8n runs as its image's user 1000, so it may also say it never runs as root.
    const n8nPods = podSpecsOf(
      (
        await renderer.renderSubscription({
          template: n8n,
          plan,
          subscription: { id: randomUUID(), name: 'x' },
          tenant: { userId: randomUUID() },
        })
      ).objects,
    );
    expect(n8nPods[0]!.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
  });

  it('refuses a template asking for a capability Pod Security baseline does not allow', () => {
    const spec = structuredClone(wordpress) as unknown as { app: { securityContext: { capabilities: string[] } } };
    spec.app.securityContext.capabilities = ['NET_ADMIN'];
    const parsed = templateSpec.safeParse(spec);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['app', 'securityContext', 'capabilities', 0]);
  });
});
