import { randomBytes } from 'node:crypto';
import type { V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createAccessTokens, deactivateAccount } from '../accounts/index.js';
import { LABELS, tenantNamespace } from '../templates/index.js';

const DAY = 24 * 3600_000;
const suffix = () => randomBytes(3).toString('hex');
type User = Awaited<ReturnType<SubscriptionsBed['user']>>;

describe('the subscription lifecycle on the test cluster (controllable clock)', () => {
  let bed: SubscriptionsBed;
  let starter: { planId: string; price: number };
  let pro: { planId: string; price: number; cpuLimit: number };
  beforeAll(async () => {
    bed = await startSubscriptionsBed();
    await bed.seededPlans();
    const { rows } = await bed.t.runtime.database.pool.query(
      `select p.id, p.price_monthly_idr as price, p.cpu_limit_millicores as cpu from plans p join services s on s.id = p.service_id
        where s.slug = 'n8n' and p.is_active order by p.price_monthly_idr`,
    );
    starter = { planId: rows[0].id, price: Number(rows[0].price) };
    pro = { planId: rows[1].id, price: Number(rows[1].price), cpuLimit: Number(rows[1].cpu) };
  }, 60_000);
  afterAll(() => bed?.close(), 60_000);
  beforeEach(() => bed.clock.reset());

  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;
  const ctx = { jobId: 'test', attempt: 1, log: async () => {} };
  const pass = () => bed.t.runtime.modules.jobHandlers['subscriptions.lifecycle']({}, ctx);
  const userEvents = () => bed.t.runtime.modules.jobHandlers['subscriptions.user-events']({}, ctx);
  /** The user's headers with a token signed at the test clock's time (the guard checks expiry by it). */
  const asNow = async (user: User): Promise<User> => {
    const { jwtSecret, accessTtlSeconds } = bed.t.runtime.config.auth;
    const token = await createAccessTokens({
      secret: jwtSecret,
      ttlSeconds: accessTtlSeconds,
      now: () => bed.clock.now(),
    }).sign({ userId: user.id, role: user.role, sessionId: user.sessionId });
    return { ...user, token, headers: { authorization: `Bearer ${token}` } };
  };
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, user: User, payload?: object) =>
    bed.t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: (await asNow(user)).headers,
      ...(payload ? { payload } : {}),
    });
  const row = async (id: string) => (await sql('select * from subscriptions where id = $1', [id]))[0];
  const charges = async (id: string) =>
    sql(
      `select amount, created_at from transactions where subscription_id = $1 and type = 'SUBSCRIPTION_CHARGE' order by created_at`,
      [id],
    );
  /** Moves the clock to `at` plus a minute (never backwards). */
  const moveTo = (at: Date | string) => {
    const delta = new Date(at).getTime() + 60_000 - bed.clock.now().getTime();
    if (delta > 0) bed.clock.advance(delta);
  };

  async function runningSubscription(user: User, planId = starter.planId) {
    bed.forgetTenant(user.id);
    const name = `life-${suffix()}`;
    const res = await call('POST', '/subscriptions', user, { planId, name });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().subscription.id as string;
    await waitFor(
      async () => (await sql('select status from pods where subscription_id = $1', [id]))[0]?.status === 'RUNNING',
      {
        timeoutMs: 90_000,
        intervalMs: 250,
        what: `${name} RUNNING`,
      },
    );
    return { id, name };
  }

  async function appDeployment(userId: string, subscriptionId: string) {
    const [d] = await bed.t.runtime.kube.list<V1Deployment>('apps/v1', 'Deployment', {
      namespace: tenantNamespace(userId),
      labelSelector: `${LABELS.subscription}=${subscriptionId},${LABELS.component}=app`,
    });
    return d;
  }
  const replicasOf = async (userId: string, id: string) => (await appDeployment(userId, id))?.spec?.replicas;

  it('renews once per period, even when two passes run at once', async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, 2 * starter.price + 1_000);
    const { id } = await runningSubscription(user);
    const before = await row(id);
    moveTo(before.period_end);
    await Promise.all([pass(), pass()]);
    await pass();
    const after = await row(id);
    expect(after.status).toBe('ACTIVE');
    expect(after.period_start.toISOString()).toBe(before.period_end.toISOString());
    expect((await charges(id)).map((c) => Number(c.amount))).toEqual([-starter.price, -starter.price]);
    expect(await bed.balance(user.id)).toBe(1_000);
  }, 120_000);

  it('grace → suspended (replicas 0) → resumed by a top-up → suspended → renewed → terminated after 14 days', async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, starter.price);
    const { id, name } = await runningSubscription(user);

    // Period end without credit: grace, the app still runs, a mail.
    moveTo((await row(id)).period_end);
    await pass();
    expect(await row(id)).toMatchObject({ status: 'ACTIVE', grace_started_at: expect.any(Date) });
    await bed.smtp.waitForMessage(
      (m) =>
        m.to.includes(user.email) &&
        m.template === 'payment-failed' &&
        m.subject === `${name} tidak diperpanjang: 3 hari untuk membayar`,
    );

    // Three days later: suspended, scaled to zero, mailed.
    bed.clock.advance(3 * DAY);
    await pass();
    expect(await row(id)).toMatchObject({ status: 'SUSPENDED', suspended_at: expect.any(Date) });
    await waitFor(async () => (await replicasOf(user.id, id)) === 0, { timeoutMs: 30_000, what: 'replicas 0' });
    await waitFor(
      async () => (await sql('select status from pods where subscription_id = $1', [id]))[0]?.status === 'STOPPED',
      {
        timeoutMs: 30_000,
        what: 'pod STOPPED',
      },
    );
    await bed.smtp.waitForMessage(
      (m) =>
        m.to.includes(user.email) && m.template === 'subscription-suspended' && m.subject === `${name} ditangguhkan`,
    );
    expect(await charges(id)).toHaveLength(1);

    // A top-up (through the fake Midtrans): the next pass charges a new period from now and starts it again.
    await bed.topUp(await asNow(user), Math.max(starter.price, 10_000));
    await pass();
    const resumed = await row(id);
    expect(resumed).toMatchObject({ status: 'ACTIVE', grace_started_at: null, suspended_at: null });
    expect(await charges(id)).toHaveLength(2);
    await waitFor(async () => (await replicasOf(user.id, id)) === 1, { timeoutMs: 30_000, what: 'replicas 1' });
    await waitFor(
      async () => (await sql('select status from pods where subscription_id = $1', [id]))[0]?.status === 'RUNNING',
      {
        timeoutMs: 60_000,
        what: 'RUNNING again',
      },
    );

    // Unpaid again: grace, suspension; POST /renew is 402 without credit, then resumes it.
    moveTo(resumed.period_end);
    await pass();
    bed.clock.advance(3 * DAY);
    await pass();
    expect((await row(id)).status).toBe('SUSPENDED');
    const short = await call('POST', `/subscriptions/${id}/renew`, user);
    expect(short.statusCode, short.body).toBe(402);
    await grantCredit(bed.t, user.id, starter.price);
    const renewed = await call('POST', `/subscriptions/${id}/renew`, user);
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ status: 'ACTIVE' });
    expect(await charges(id)).toHaveLength(3);
    await waitFor(async () => (await replicasOf(user.id, id)) === 1, {
      timeoutMs: 30_000,
      what: 'replicas 1 after renew',
    });
    expect((await call('POST', `/subscriptions/${id}/renew`, user)).statusCode).toBe(409);

    // Unpaid once more: suspended, then terminated 14 days later; the objects go.
    moveTo((await row(id)).period_end);
    await pass();
    bed.clock.advance(3 * DAY);
    await pass();
    bed.clock.advance(13 * DAY);
    await pass();
    expect((await row(id)).status).toBe('SUSPENDED');
    bed.clock.advance(DAY);
    await pass();
    expect(await row(id)).toMatchObject({ status: 'TERMINATED', end_reason: expect.stringContaining('14 days') });
    await waitFor(async () => (await appDeployment(user.id, id)) === undefined, {
      timeoutMs: 30_000,
      what: 'objects gone',
    });
    await waitFor(
      async () => (await sql('select terminated_at from pods where subscription_id = $1', [id]))[0]?.terminated_at,
      {
        timeoutMs: 30_000,
        what: 'pod terminated',
      },
    );
    await bed.smtp.waitForMessage(
      (m) =>
        m.to.includes(user.email) && m.template === 'subscription-terminated' && m.subject === `${name} telah berakhir`,
    );
    expect(await charges(id)).toHaveLength(3);
  }, 240_000);

  it('mails subscription-expiring 7, 3 and 1 days before an uncovered renewal, once each', async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, starter.price);
    const { id, name } = await runningSubscription(user);
    const end = new Date((await row(id)).period_end).getTime();
    for (const days of [7, 3, 1]) {
      moveTo(new Date(end - days * DAY));
      await Promise.all([pass(), pass()]);
      await pass();
    }
    const notices = await sql(
      'select notice from subscription_notices where subscription_id = $1 order by created_at',
      [id],
    );
    expect(notices.map((n) => n.notice)).toEqual(['expiring-7', 'expiring-3', 'expiring-1']);
    const expiring = (m: { to: string[]; subject: string; template?: string }) =>
      m.to.includes(user.email) && m.template === 'subscription-expiring';
    await waitFor(() => bed.smtp.messages.filter(expiring).length === 3, { what: 'three expiring mails' });
    // Each mail is its own delivery job: they may arrive in any order.
    expect(
      bed.smtp.messages
        .filter(expiring)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(
      [
        `${name} diperpanjang dalam 7 hari: isi saldo Anda`,
        `${name} diperpanjang dalam 3 hari: isi saldo Anda`,
        `${name} diperpanjang dalam 1 hari: isi saldo Anda`,
      ].sort(),
    );
  }, 120_000);

  it('cancel: runs to the end of the paid period, then terminated; nothing renewed', async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, 2 * starter.price);
    const { id } = await runningSubscription(user);
    const res = await call('POST', `/subscriptions/${id}/cancel`, user);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'CANCELLED', cancelAtPeriodEnd: true, nextCharge: null });
    const other = await bed.user();
    expect((await call('POST', `/subscriptions/${id}/cancel`, other)).statusCode).toBe(404);
    expect((await call('POST', `/subscriptions/${id}/renew`, other)).statusCode).toBe(404);
    expect((await call('PATCH', `/subscriptions/${id}`, other, { autoRenew: false })).statusCode).toBe(404);
    await pass();
    expect(await replicasOf(user.id, id)).toBe(1);
    moveTo((await row(id)).period_end);
    await pass();
    expect(await row(id)).toMatchObject({ status: 'TERMINATED', end_reason: expect.stringContaining('cancelled') });
    await waitFor(async () => (await appDeployment(user.id, id)) === undefined, {
      timeoutMs: 30_000,
      what: 'objects gone',
    });
    expect(await charges(id)).toHaveLength(1);
    expect(await bed.balance(user.id)).toBe(starter.price);
  }, 120_000);

  it('plan upgrade now with a prorated charge and new resources; downgrade at the next period', async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, starter.price + pro.price + starter.price);
    const { id } = await runningSubscription(user);
    bed.clock.advance(10 * DAY);
    const up = await call('PATCH', `/subscriptions/${id}`, user, { planId: pro.planId });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().plan.id).toBe(pro.planId);
    const s = await row(id);
    const [, upgrade] = await charges(id);
    const periodMs = s.period_end.getTime() - s.period_start.getTime();
    const left = s.period_end.getTime() - new Date(upgrade.created_at).getTime();
    expect(-Number(upgrade.amount)).toBe(Math.ceil(((pro.price - starter.price) * left) / periodMs));
    await waitFor(
      async () => (await appDeployment(user.id, id))?.spec?.template.spec?.containers[0]?.resources?.limits?.cpu,
      { timeoutMs: 30_000, what: 'the Deployment' },
    );
    const cpuOf = async () => {
      const cpu = String(
        (await appDeployment(user.id, id))?.spec?.template.spec?.containers[0]?.resources?.limits?.cpu,
      );
      return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000;
    };
    await waitFor(async () => (await cpuOf()) === pro.cpuLimit, { timeoutMs: 30_000, what: 'the Pro CPU limit' }).catch(
      async (err) => {
        const [pod] = await sql('select last_error from pods where subscription_id = $1', [id]);
        throw new Error(`${err.message} (last error: ${pod?.last_error}; cpu ${await cpuOf()})`);
      },
    );

    // Downgrade: nothing now; the next renewal charges Starter and applies it.
    const down = await call('PATCH', `/subscriptions/${id}`, user, { planId: starter.planId });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ plan: { id: pro.planId }, pendingPlan: { id: starter.planId } });
    expect(down.json().nextCharge.amount).toBe(starter.price);
    expect(await charges(id)).toHaveLength(2);
    moveTo(s.period_end);
    await pass();
    expect(await row(id)).toMatchObject({ plan_id: starter.planId, pending_plan_id: null, status: 'ACTIVE' });
    expect(Number((await charges(id))[2].amount)).toBe(-starter.price);
    await waitFor(async () => (await cpuOf()) < pro.cpuLimit, { timeoutMs: 30_000, what: 'the Starter CPU limit' });
    expect((await call('PATCH', `/subscriptions/${id}`, user, { autoRenew: false })).json().autoRenew).toBe(false);
  }, 120_000);

  it("a deactivated user's subscriptions are cancelled and terminated (the outbox)", async () => {
    const user = await bed.user();
    await grantCredit(bed.t, user.id, 2 * starter.price);
    const [a, b] = await Promise.all([runningSubscription(user), runningSubscription(user)]);
    await bed.t.runtime.database.transaction((tx) =>
      deactivateAccount(tx, { userId: user.id, by: 'administrator', actorId: user.id, now: new Date() }),
    );
    await userEvents();
    for (const { id } of [a, b]) {
      expect(await row(id)).toMatchObject({ status: 'TERMINATED', cancelled_at: expect.any(Date) });
    }
    await waitFor(
      async () =>
        (await bed.t.runtime.kube.list('apps/v1', 'Deployment', { namespace: tenantNamespace(user.id) })).length === 0,
      { timeoutMs: 30_000, what: 'the apps gone' },
    );
    const events = await sql(`select processed_at from domain_events where aggregate_id = $1`, [user.id]);
    expect(events.every((e) => e.processed_at !== null)).toBe(true);
    expect(((await userEvents()) as { processed: number }).processed).toBe(0);
  }, 120_000);

  it('administrators list, suspend, resume and terminate, audited', async () => {
    const user = await bed.user();
    const admin = await bed.user({ role: 'ADMINISTRATOR' });
    await grantCredit(bed.t, user.id, starter.price);
    const { id, name } = await runningSubscription(user);
    const list = await call('GET', `/admin/subscriptions?userId=${user.id}&q=${name}`, admin);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, countsByStatus: { ACTIVE: 1, SUSPENDED: 0 } });
    expect(list.json().items[0]).toMatchObject({ id, userId: user.id });

    const suspended = await call('POST', `/admin/subscriptions/${id}/suspend`, admin);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'SUSPENDED' });
    await waitFor(async () => (await replicasOf(user.id, id)) === 0, { timeoutMs: 30_000, what: 'replicas 0' });
    // A top-up does not lift an administrator's suspension, nor may the customer renew it.
    await grantCredit(bed.t, user.id, starter.price);
    await pass();
    expect((await row(id)).status).toBe('SUSPENDED');
    expect((await call('POST', `/subscriptions/${id}/renew`, user)).statusCode).toBe(409);
    const byStatus = await call('GET', `/admin/subscriptions?userId=${user.id}&status=SUSPENDED`, admin);
    expect(byStatus.json()).toMatchObject({ total: 1, countsByStatus: { ACTIVE: 0, SUSPENDED: 1 } });

    expect((await call('POST', `/admin/subscriptions/${id}/resume`, admin)).json().status).toBe('ACTIVE');
    await waitFor(async () => (await replicasOf(user.id, id)) === 1, { timeoutMs: 30_000, what: 'replicas 1' });
    expect((await call('POST', `/admin/subscriptions/${id}/terminate`, admin)).json().status).toBe('TERMINATED');
    expect((await call('POST', `/admin/subscriptions/${id}/terminate`, admin)).statusCode).toBe(409);
    await waitFor(async () => (await appDeployment(user.id, id)) === undefined, {
      timeoutMs: 30_000,
      what: 'objects gone',
    });
    const audit = await sql(
      `select action, actor_id from audit_log where target_id = $1 and action like 'admin.%' order by occurred_at`,
      [id],
    );
    expect(audit).toEqual([
      { action: 'admin.subscription.suspended', actor_id: admin.id },
      { action: 'admin.subscription.resumed', actor_id: admin.id },
      { action: 'admin.subscription.terminated', actor_id: admin.id },
    ]);
  }, 120_000);
});
