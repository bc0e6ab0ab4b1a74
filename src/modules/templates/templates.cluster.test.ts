import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBareSubscription } from '../../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { KubeInvalidError } from '../../platform/kube/kube-errors.js';
import { catalogSeedStep } from '../catalog/catalog.seed.js';
import { plans, services } from '../catalog/catalog.tables.js';
import { createDatabaseSecretStore } from './secret-store.js';
import { loadTemplates } from './template-loader.js';
import {
  createTemplateRenderer,
  footprintOf,
  type KubeObject,
  type RenderedSubscription,
} from './template-renderer.js';

/**
 * Every template × every seeded plan, rendered and sent to the test cluster's API server. The tenant's
 * namespace objects (Namespace, ResourceQuota sized for all of them, LimitRange, NetworkPolicy) are
 * created for real, so the dry runs of the app objects pass through quota and LimitRange admission.
 */
describe('templates on the test cluster', () => {
  let t: TestRuntime;
  const tenant = { userId: randomUUID() };
  let namespace: string | undefined;
  const templates = loadTemplates();
  const combos: { slug: string; plan: typeof plans.$inferSelect }[] = [];

  beforeAll(async () => {
    t = await startTestRuntime();
    await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! });
    const rows = await t.runtime.database.db
      .select({ slug: services.templateRef, plan: plans })
      .from(plans)
      .innerJoin(services, eq(plans.serviceId, services.id));
    combos.push(...rows);
  });

  afterAll(async () => {
    if (namespace) {
      const ns = namespace;
      await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns });
      // Namespace deletion is asynchronous; wait until it is at least terminating so nothing lingers as Active.
      await waitFor(
        async () => {
          try {
            const current = await t.runtime.kube.get<KubeObject & { status?: { phase?: string } }>({
              apiVersion: 'v1',
              kind: 'Namespace',
              name: ns,
            });
            return current.status?.phase === 'Terminating';
          } catch {
            return true;
          }
        },
        { what: `namespace ${ns} to be deleted` },
      );
    }
    await t?.close();
  });

  it('seeds a plan for every template and a template for every seeded service', () => {
    expect(new Set(combos.map((c) => c.slug))).toEqual(new Set(templates.list().map((t) => t.slug)));
    expect(combos.length).toBeGreaterThanOrEqual(templates.list().length * 2);
  });

  it('every template × every plan is accepted by the API server (server-side dry run)', async () => {
    const { kube, config, database } = t.runtime;
    const renderer = createTemplateRenderer({
      settings: config.apps,
      secrets: createDatabaseSecretStore({ db: database.db, box: createSecretBox(config.encryptionKey) }),
    });

    const rendered: { slug: string; planName: string; result: RenderedSubscription }[] = [];
    for (const { slug, plan } of combos) {
      const { id } = await insertBareSubscription(database.db, { userId: tenant.userId });
      const result = await renderer.renderSubscription({
        template: templates.get(slug)!,
        plan,
        subscription: { id, name: `${slug} ${plan.name} — Ünïcødé test!` },
        tenant,
      });
      rendered.push({ slug, planName: plan.name, result });
    }

    const tenantObjects = renderer.renderTenant(
      tenant,
      combos.map((c) => footprintOf(templates.get(c.slug)!, c.plan)),
    );
    namespace = tenantObjects[0]!.metadata.name;
    const stored = await kube.apply(tenantObjects);
    expect(stored.map((o) => o.kind)).toEqual([
      'Namespace',
      'RoleBinding',
      'RoleBinding',
      'ResourceQuota',
      'LimitRange',
      'NetworkPolicy',
      'NetworkPolicy',
    ]);
    expect(stored[0]!.metadata?.labels).toMatchObject({ 'paas.managed': 'true', 'kapal.io/tenant': tenant.userId });

    for (const { slug, planName, result } of rendered) {
      const accepted = await kube.apply(result.objects, { dryRun: true });
      expect(
        accepted.map((o) => `${o.kind}/${o.metadata?.name}`),
        `${slug} ${planName}`,
      ).toEqual(result.objects.map((o) => `${o.kind}/${o.metadata.name}`));
      for (const object of accepted) {
        expect(object.metadata?.labels?.['kapal.io/subscription'], `${slug} ${planName}`).toBeDefined();
      }
      // Each workload's pod, as its controller would create it, passes LimitRange and quota admission.
      for (const workload of result.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')) {
        const template = (workload.spec as { template: { metadata: { labels: unknown }; spec: object } }).template;
        await kube.apply(
          [
            {
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: {
                labels: template.metadata.labels as Record<string, string>,
                name: `${workload.metadata.name}-0`,
                namespace,
              },
              spec: template.spec,
            } as KubeObject,
          ],
          { dryRun: true },
        );
      }
    }
    // Dry runs leave nothing behind.
    expect(await kube.list('apps/v1', 'Deployment', { namespace })).toEqual([]);
  });

  it('the tenant guard rails really bite: a container above the plan limits is refused', async () => {
    expect(namespace).toBeDefined();
    const greedy = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'greedy', namespace, labels: {} },
      spec: {
        containers: [
          {
            name: 'greedy',
            image: 'busybox:1.36',
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '64', memory: '64Mi' } },
          },
        ],
      },
    } as KubeObject;
    await expect(t.runtime.kube.apply([greedy], { dryRun: true })).rejects.toSatisfy(
      (err) => err instanceof Error && /maximum cpu usage per Container is 2/.test(err.message),
    );
  });

  it('an invalid object is rejected by the same dry run (the test can fail)', async () => {
    expect(namespace).toBeDefined();
    const invalid = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'Not_A_DNS_Label', namespace, labels: {} },
      spec: { ports: [{ port: 80 }] },
    } as KubeObject;
    await expect(t.runtime.kube.apply([invalid], { dryRun: true })).rejects.toBeInstanceOf(KubeInvalidError);
  });
});
