import { randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerUser } from '../../../test/helpers/accounts.js';
import { type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { LABELS, tenantNamespace } from '../templates/index.js';
import { RESTARTED_AT_ANNOTATION } from './reconciler.js';

const suffix = () => randomBytes(3).toString('hex');

describe('subscriptions end to end on the test cluster', () => {
  let bed: SubscriptionsBed;
  beforeAll(async () => {
    bed = await startSubscriptionsBed();
  }, 60_000);
  afterAll(() => bed?.close(), 60_000);

  const get = (url: string, headers: Record<string, string>) => bed.t.app.inject({ method: 'GET', url, headers });
  const sql = (text: string, values: unknown[] = []) => bed.t.runtime.database.pool.query(text, values);

  it('register → top up → subscribe to every seeded service → RUNNING on a KWOK node → mails → restart → logs → events → credentials', async () => {
    const registered = await registerUser(bed.t);
    const user = { id: registered.id, headers: bearer(registered.accessToken) };
    bed.forgetTenant(user.id);
    const plans = await bed.seededPlans();
    expect(plans.length).toBeGreaterThanOrEqual(5);
    const total = plans.reduce((sum, p) => sum + p.price, 0);
    await bed.topUp(user, total + 10_000);

    // Subscribe to each, all at once.
    const created = await Promise.all(
      plans.map(async (plan) => {
        const name = `${plan.slug}-${suffix()}`;
        const res = await bed.t.app.inject({
          method: 'POST',
          url: '/api/v1/subscriptions',
          headers: user.headers,
          payload: { planId: plan.planId, name },
        });
        expect(res.statusCode, res.body).toBe(201);
        const body = res.json();
        expect(body.subscription).toMatchObject({ name, status: 'ACTIVE', host: `${name}.apps.kapal.test` });
        expect(body.pod.status).toBe('PROVISIONING');
        expect(body.url).toBe(`https://${name}.apps.kapal.test`);
        return { plan, name, subscriptionId: body.subscription.id as string, podId: body.pod.id as string };
      }),
    );
    expect(await bed.balance(user.id)).toBe(10_000);
    const charges = await sql(
      `select subscription_id, amount from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`,
      [user.id],
    );
    expect(charges.rows).toHaveLength(plans.length);

    // Each pod turns RUNNING on a KWOK node (reported by the informers).
    for (const c of created) {
      const pod = await waitFor<{ node: string; url: string; resources: { cpuLimitMillicores: number } }>(
        async () => {
          const res = await get(`/api/v1/pods/${c.podId}`, user.headers);
          return res.json().status === 'RUNNING' ? res.json() : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 250, what: `${c.name} RUNNING` },
      );
      expect(pod.node).toMatch(/^kwok-node-\d$/);
      expect(pod.url).toBe(`https://${c.name}.apps.kapal.test`);
      expect(pod.resources.cpuLimitMillicores).toBeGreaterThan(0);
    }

    // The objects carry Kapal's labels in the tenant namespace, with its guard rails.
    const namespace = tenantNamespace(user.id);
    const deployments = [
      ...(await bed.t.runtime.kube.list<V1Deployment>('apps/v1', 'Deployment', { namespace })),
      ...(await bed.t.runtime.kube.list<V1Deployment>('apps/v1', 'StatefulSet', { namespace })),
    ];
    for (const c of created) {
      const app = deployments.find(
        (d) =>
          d.metadata?.labels?.[LABELS.subscription] === c.subscriptionId &&
          d.metadata.labels[LABELS.component] === 'app',
      );
      expect(app?.metadata?.labels).toMatchObject({ [LABELS.managedBy]: 'kapal', [LABELS.tenant]: user.id });
    }
    const quota = await bed.t.runtime.kube.get({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      name: 'tenant-quota',
      namespace,
    });
    expect(quota.metadata?.labels?.[LABELS.tenant]).toBe(user.id);

    // Mails (the default locale, Indonesian): subscription-created, then service-ready with the URL.
    for (const c of created) {
      await bed.smtp.waitForMessage(
        (m) =>
          m.to.includes(registered.email) &&
          m.template === 'subscription-created' &&
          m.subject.startsWith(`Menyiapkan ${c.name} (`),
      );
      const ready = await bed.smtp.waitForMessage(
        (m) =>
          m.to.includes(registered.email) && m.template === 'service-ready' && m.subject === `${c.name} sudah siap`,
        30_000,
      );
      expect(ready.text).toContain(`https://${c.name}.apps.kapal.test`);
      expect(ready.html).toContain(`href="https://${c.name}.apps.kapal.test"`);
    }

    // Lists and reads.
    const list = await get('/api/v1/subscriptions', user.headers);
    expect(list.json().total).toBe(plans.length);
    const one = (await get(`/api/v1/subscriptions/${created[0]!.subscriptionId}`, user.headers)).json();
    expect(one.nextCharge).toEqual({ at: one.periodEnd, amount: created[0]!.plan.price });
    expect(one.pod.status).toBe('RUNNING');
    expect((await get('/api/v1/pods', user.headers)).json().total).toBe(plans.length);

    // Restart: a rollout restart through the restart annotation.
    const pods = new Map<string, { workloadKind: string }>(
      (await get('/api/v1/pods', user.headers))
        .json()
        .items.map((p: { id: string; workloadKind: string }) => [p.id, p]),
    );
    const target = created.find((c) => c.plan.slug === 'n8n') ?? created[0]!;
    const restart = await bed.t.app.inject({
      method: 'POST',
      url: `/api/v1/pods/${target.podId}/restart`,
      headers: user.headers,
    });
    expect(restart.statusCode, restart.body).toBe(202);
    await waitFor(
      async () => {
        const [d] = (
          await bed.t.runtime.kube.list<V1Deployment>('apps/v1', pods.get(target.podId)!.workloadKind, {
            namespace,
            labelSelector: `${LABELS.subscription}=${target.subscriptionId},${LABELS.component}=app`,
          })
        ).filter(Boolean);
        return d?.spec?.template.metadata?.annotations?.[RESTARTED_AT_ANNOTATION];
      },
      { timeoutMs: 30_000, what: 'the restart annotation' },
    );
    await waitFor(async () => (await get(`/api/v1/pods/${target.podId}`, user.headers)).json().status === 'RUNNING', {
      timeoutMs: 60_000,
      what: 'RUNNING after the restart',
    });
    // The rollout is over once the restarted pod is the only app pod (the old one is deleted).
    await waitFor(
      async () => {
        const appPods = await bed.t.runtime.kube.list<V1Pod>('v1', 'Pod', {
          namespace,
          labelSelector: `${LABELS.subscription}=${target.subscriptionId},${LABELS.component}=app`,
        });
        return appPods.length === 1 && appPods[0]!.status?.phase === 'Running';
      },
      { timeoutMs: 60_000, what: 'the rollout to end' },
    );
    const audit = await sql(`select action from audit_log where target_id = $1`, [target.podId]);
    expect(audit.rows.map((r) => r.action)).toContain('pod.restarted');

    // Logs: the KWOK containers' fixed lines; follow streams them as text.
    const logs = await waitFor<{ lines: string[] }>(
      async () => {
        const res = await get(`/api/v1/pods/${target.podId}/logs?tail=10`, user.headers);
        return res.statusCode === 200 && res.json().lines.length > 0 ? res.json() : undefined;
      },
      { timeoutMs: 30_000, what: 'log lines' },
    );
    expect(logs.lines.join('\n')).toContain('kapal test bed');
    // follow=true streams over a real connection (no keep-alive): read until the lines come, then hang up.
    const streamed = await new Promise<{ status?: number; type?: string; text: string }>((resolve, reject) => {
      const url = `${bed.webhookUrl.replace('/api/v1/webhooks/midtrans', '')}/api/v1/pods/${target.podId}/logs?follow=true&tail=5`;
      const req = httpGet(url, { headers: user.headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('kapal test bed')) {
            req.destroy();
            resolve({ status: res.statusCode, type: res.headers['content-type'], text });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], text }));
      });
      req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    });
    expect(streamed.status).toBe(200);
    expect(streamed.type).toContain('text/plain');
    expect(streamed.text).toContain('kapal test bed');
    const badContainer = await get(`/api/v1/pods/${target.podId}/logs?container=Not_A_Name`, user.headers);
    expect(badContainer.statusCode).toBe(400);

    // Events of the app's objects.
    const events = await waitFor(
      async () => {
        const res = await get(`/api/v1/pods/${target.podId}/events`, user.headers);
        return res.json().items.length > 0 ? res.json().items : undefined;
      },
      { timeoutMs: 30_000, what: 'events' },
    );
    expect(events[0]).toMatchObject({ type: expect.any(String), reason: expect.any(String) });

    // Credentials: the generated secrets, decrypted, audited.
    const wordpress = created.find((c) => c.plan.slug === 'wordpress');
    if (wordpress) {
      const res = await get(`/api/v1/subscriptions/${wordpress.subscriptionId}/credentials`, user.headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().credentials.map((c: { name: string }) => c.name)).toContain('db-password');
      const read = await sql(
        `select count(*)::int as n from audit_log where action = 'subscription.credentials_read' and target_id = $1`,
        [wordpress.subscriptionId],
      );
      expect(read.rows[0].n).toBe(1);
    }

    // Another user sees none of it; a malformed id is 400.
    const other = await bed.user();
    expect((await get(`/api/v1/subscriptions/${target.subscriptionId}`, other.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/pods/${target.podId}`, other.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/pods/${target.podId}/logs`, other.headers)).statusCode).toBe(404);
    expect((await get('/api/v1/subscriptions/not-a-uuid', user.headers)).statusCode).toBe(400);
    expect((await get('/api/v1/pods/not-a-uuid', user.headers)).statusCode).toBe(400);
  }, 240_000);
});
