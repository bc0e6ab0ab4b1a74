import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../test/helpers/memory-secret-store.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { isDnsLabel } from './names.js';
import { createDatabaseSecretStore } from './secret-store.js';
import { loadTemplates } from './template-loader.js';
import { createTemplateRenderer, type KubeObject, LABELS, type PlanResources } from './template-renderer.js';
import { generatedSecrets } from './templates.schema.js';

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
    const [, quota, limits, policy] = renderer.renderTenant(tenant, [a.footprint, b.footprint]);
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

describe('generated secrets kept in PostgreSQL', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t?.close());

  it('are made once, sealed at rest, and give the same Secret on every render (also with a fresh renderer)', async () => {
    const box = createSecretBox(t.runtime.config.encryptionKey);
    const store = () => createDatabaseSecretStore({ db: t.runtime.database.db, box });
    const input = {
      template: wordpress,
      plan,
      subscription: { id: randomUUID(), name: 'Blog' },
      tenant: { userId: randomUUID() },
    };
    const first = await createTemplateRenderer({ settings, secrets: store() }).render(input);
    const second = await createTemplateRenderer({ settings, secrets: store() }).render(input);
    expect(second).toEqual(first);

    const rows = await t.runtime.database.db.select().from(generatedSecrets);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(wordpress.secrets).sort());
    const password = decode(secretsOf(first)[1]!.data.WORDPRESS_DB_PASSWORD!);
    for (const row of rows) {
      expect(row.subscriptionId).toBe(input.subscription.id);
      expect(row.sealedValue).not.toContain(password);
    }
    const dbPassword = rows.find((r) => r.name === 'db-password')!;
    expect(box.open(dbPassword.sealedValue, `${input.subscription.id}/db-password`)).toBe(password);
    // Another key cannot read them.
    expect(() =>
      createSecretBox(randomBytes(32)).open(dbPassword.sealedValue, `${input.subscription.id}/db-password`),
    ).toThrow();
  });

  it('agree on one value when two renders race for the first one', async () => {
    const store = createDatabaseSecretStore({
      db: t.runtime.database.db,
      box: createSecretBox(t.runtime.config.encryptionKey),
    });
    const subscriptionId = randomUUID();
    const values = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.getOrCreate(subscriptionId, 'token', () => `candidate-${i}`)),
    );
    expect(new Set(values).size).toBe(1);
  });
});
