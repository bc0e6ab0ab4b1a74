import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../../test/helpers/env.js';
import { startKapal } from '../../../test/helpers/kapal-process.js';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { LABELS, tenantNamespace } from '../templates/index.js';

describe('a worker killed mid-provisioning', () => {
  let bed: SubscriptionsBed;
  const workers: ReturnType<typeof startKapal>[] = [];
  beforeAll(async () => {
    // The API in this process, the worker as real `kapal worker` processes on the same database and queues.
    bed = await startSubscriptionsBed({ worker: false });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) {
        w.child.kill('SIGTERM');
        await w.exited;
      }
    }
    await bed?.close();
  }, 60_000);

  const workerEnv = () => ({
    NODE_ENV: 'test',
    DATABASE_URL: bed.t.database.url,
    REDIS_URL: testEnv.redisUrl,
    QUEUE_PREFIX: bed.t.runtime.config.queue.prefix,
    KUBECONFIG: process.env.KUBECONFIG ?? '',
    SMTP_URL: bed.smtp.url,
    APPS_DOMAIN: 'apps.kapal.test',
  });
  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;

  it('SIGKILL while applying, then a new worker: RUNNING, one charge, no duplicate objects', async () => {
    const plan = (await bed.seededPlans()).find((p) => p.slug === 'wordpress')!;
    const user = await bed.user();
    bed.forgetTenant(user.id);
    await grantCredit(bed.t, user.id, plan.price);
    const first = startKapal(['worker'], workerEnv());
    workers.push(first);

    const name = `kill-${randomBytes(3).toString('hex')}`;
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: user.headers,
      payload: { planId: plan.planId, name },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { subscription, pod } = res.json();
    const namespace = tenantNamespace(user.id);

    // Kill as soon as the worker has started applying (the namespace exists), before the app is RUNNING.
    await waitFor(
      async () => {
        try {
          await bed.t.runtime.kube.get({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 10, what: 'the worker applying' },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const statusAtKill = (await sql('select status from pods where id = $1', [pod.id]))[0].status;

    const second = startKapal(['worker'], workerEnv());
    workers.push(second);
    // The killed job is stalled until its lock expires (BullMQ, 30 s), then runs again in the new worker.
    await waitFor(async () => (await sql('select status from pods where id = $1', [pod.id]))[0].status === 'RUNNING', {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: `RUNNING after the restart (was ${statusAtKill} at the kill)`,
    });

    expect(await sql('select id from subscriptions where user_id = $1', [user.id])).toHaveLength(1);
    expect(
      await sql(`select id from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`, [user.id]),
    ).toHaveLength(1);
    for (const kind of ['Deployment', 'StatefulSet']) {
      const objects = await bed.t.runtime.kube.list('apps/v1', kind, {
        namespace,
        labelSelector: `${LABELS.subscription}=${subscription.id}`,
      });
      expect(objects, kind).toHaveLength(1);
    }
    expect(
      await bed.t.runtime.kube.list('v1', 'PersistentVolumeClaim', {
        namespace,
        labelSelector: `${LABELS.subscription}=${subscription.id},${LABELS.component}=app`,
      }),
    ).toHaveLength(1);
  }, 200_000);
});
