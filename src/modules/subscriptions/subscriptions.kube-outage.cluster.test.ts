import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestCluster } from '../../../test/helpers/env.js';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { startTcpProxy, type TcpProxy } from '../../../test/helpers/tcp-proxy.js';
import { waitFor } from '../../../test/helpers/wait-for.js';

/**
 * The Kubernetes API goes away while an app is being provisioned and comes back: the subscription still
 * ends RUNNING, charged once, and the informers pick up again. Kapal reaches the API server through a TCP
 * proxy of this test's own, which resets every connection while "down", so the shared test cluster is
 * never touched.
 */
describe('the Kubernetes API down during provisioning', () => {
  let bed: SubscriptionsBed;
  let proxy: TcpProxy;
  const kubeconfig = join(tmpdir(), `kapal-outage-${randomBytes(4).toString('hex')}.kubeconfig`);
  beforeAll(async () => {
    const original = readFileSync(requireTestCluster(), 'utf8');
    const server = /server:\s*https:\/\/127\.0\.0\.1:(\d+)/.exec(original);
    if (!server) throw new Error('the test cluster kubeconfig names no https://127.0.0.1:PORT server');
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(server[1]) });
    writeFileSync(kubeconfig, original.replace(server[0], `server: https://127.0.0.1:${proxy.port}`));
    bed = await startSubscriptionsBed({ env: { KUBECONFIG: kubeconfig, KUBE_REQUEST_TIMEOUT_MS: '3000' } });
  }, 60_000);
  afterAll(async () => {
    proxy?.restore();
    await bed?.close();
    await proxy?.close();
    rmSync(kubeconfig, { force: true });
  }, 60_000);

  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;

  it('ends RUNNING with one charge once the API server is back', async () => {
    const plan = (await bed.seededPlans()).find((p) => p.slug === 'uptime-kuma')!;
    const user = await bed.user();
    bed.forgetTenant(user.id);
    await grantCredit(bed.t, user.id, plan.price * 2);

    // The API server goes down the moment the subscription is bought.
    proxy.cut();
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: user.headers,
      payload: { planId: plan.planId, name: `outage-${randomBytes(3).toString('hex')}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { subscription, pod } = res.json();
    // The reconcile job fails against the dead API server (and is retried with backoff).
    await waitFor(
      async () =>
        (await sql('select count(*)::int as n from reconciliations where subscription_id = $1', [subscription.id]))[0]!
          .n === 0 && proxy.connections > 0,
      { timeoutMs: 20_000, what: 'Kapal to try the API server' },
    );
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await sql('select status from pods where id = $1', [pod.id]))[0]!.status).toBe('PROVISIONING');

    proxy.restore();

    await waitFor(async () => (await sql('select status from pods where id = $1', [pod.id]))[0]?.status === 'RUNNING', {
      timeoutMs: 150_000,
      intervalMs: 500,
      what: 'the app RUNNING after the API server came back (reported by the informers)',
    });
    const charges = await sql(
      `select count(*)::int as n from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`,
      [user.id],
    );
    expect(charges[0]!.n).toBe(1);
    expect(await bed.balance(user.id)).toBe(plan.price);
  }, 240_000);
});
