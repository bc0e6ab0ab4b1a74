import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { catalogSeedStep } from '../catalog/catalog.seed.js';

const DOMAIN = 'apps.kapal.test';

/**
 * GET /subscriptions/name-check: the name rules and the live-name and live-host checks of POST
 * /subscriptions, asked before buying. Every answer is compared with what POST /subscriptions does with the
 * same name (400 for a name the check calls INVALID, 409 for TAKEN, and past both checks to the 402 of an
 * empty balance for a free one), so the two cannot drift apart. Rows are written straight to the database;
 * no cluster is needed (a 402 rolls back before anything is provisioned).
 */
describe('checking an app name before subscribing', () => {
  let t: TestRuntime;
  let ayu: TestUser;
  let budi: TestUser;
  let planId: string;

  const check = (name: string | undefined, user: TestUser | null = ayu) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/subscriptions/name-check',
      query: name === undefined ? {} : { name },
      headers: user?.headers ?? {},
    });
  const subscribe = (name: string, user = ayu) =>
    t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: user.headers, payload: { planId, name } });

  async function insertSubscription(user: TestUser, name: string, status = 'ACTIVE') {
    await t.runtime.database.db.execute(sql`
      insert into subscriptions (id, user_id, name, host, status, price_idr, period_start, period_end)
      values (${randomUUID()}, ${user.id}, ${name}, ${`${name}.${DOMAIN}`}, ${status}, 0, now(), now() + interval '30 days')`);
  }

  beforeAll(async () => {
    t = await startTestRuntime({ env: { APPS_DOMAIN: DOMAIN, REQUIRE_EMAIL_VERIFICATION: 'false' } });
    await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! });
    const { rows } = await t.runtime.database.pool.query<{ id: string }>(
      `select p.id from plans p join services s on s.id = p.service_id
        where p.is_active and s.is_active and p.price_monthly_idr > 0
        order by p.price_monthly_idr limit 1`,
    );
    planId = rows[0]!.id;
    ayu = await createUserWithToken(t, { name: 'Ayu' });
    budi = await createUserWithToken(t, { name: 'Budi' });
    await insertSubscription(ayu, 'ayu-blog');
    await insertSubscription(budi, 'budi-shop', 'SUSPENDED');
    await insertSubscription(budi, 'old-wiki', 'TERMINATED');
    await insertSubscription(budi, 'broken-app', 'FAILED');
  });
  afterAll(() => t?.close());

  it('is for signed-in users', async () => {
    expect((await check('my-app', null)).statusCode).toBe(401);
  });

  it('answers a free name with the address it will get, and POST gets past the name to the charge', async () => {
    const res = await check('my-first-app');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'my-first-app', available: true, url: `https://my-first-app.${DOMAIN}` });
    const post = await subscribe('my-first-app');
    expect(post.statusCode).toBe(402);
    expect(post.json().error.code).toBe('INSUFFICIENT_CREDIT');
  });

  it.each([
    ['ab', /3 to 40 characters/],
    ['My-App', /lowercase letters/],
    ['1app', /starting with a letter/],
    ['app-', /not ending with "-"/],
    ['my--app', /must not contain "--"/],
    ['www', /is reserved/],
    ['admin', /is reserved/],
    ['a'.repeat(41), /at most 40 characters/],
    ['', /3 to 40 characters/],
  ])('calls %j INVALID with the rule it breaks, as POST does (400)', async (name, rule) => {
    const res = await check(name);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name, available: false, code: 'INVALID' });
    expect(body.reason).toMatch(rule);
    expect(body.reason).toMatch(/^The name /);
    expect(body.url).toBeUndefined();
    const post = await subscribe(name);
    expect(post.statusCode).toBe(400);
    expect(post.json().error.details[0].message).toBe(body.reason.replace(/^The name /, ''));
  });

  it("calls the name of one of your live apps TAKEN, in POST's words (409)", async () => {
    const body = (await check('ayu-blog')).json();
    expect(body).toEqual({
      name: 'ayu-blog',
      available: false,
      code: 'TAKEN',
      reason: 'You already have an app named "ayu-blog"',
      url: `https://ayu-blog.${DOMAIN}`,
    });
    const post = await subscribe('ayu-blog');
    expect(post.statusCode).toBe(409);
    expect(post.json().error.message).toBe(body.reason);
  });

  it("calls another user's live address TAKEN (a suspended app keeps it), without saying whose", async () => {
    const body = (await check('budi-shop')).json();
    expect(body).toMatchObject({ available: false, code: 'TAKEN' });
    expect(body.reason).toBe(`The address budi-shop.${DOMAIN} is taken; choose another name`);
    expect(body.reason).not.toContain(budi.email);
    const post = await subscribe('budi-shop');
    expect(post.statusCode).toBe(409);
    expect(post.json().error.message).toBe(body.reason);
    // Budi's own name check says it is his.
    expect((await check('budi-shop', budi)).json().reason).toBe('You already have an app named "budi-shop"');
  });

  it('frees the name of an ended app (terminated or failed)', async () => {
    for (const name of ['old-wiki', 'broken-app']) {
      expect((await check(name)).json()).toEqual({ name, available: true, url: `https://${name}.${DOMAIN}` });
      expect((await check(name, budi)).json().available).toBe(true);
    }
  });

  it('refuses a missing name and one past 100 characters (400), and reads nothing else', async () => {
    const missing = await check(undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toMatch(/name/);
    expect((await check('a'.repeat(101))).statusCode).toBe(400);
    expect((await check('a'.repeat(100))).json()).toMatchObject({ available: false, code: 'INVALID' });
  });

  it('is a static path, not a subscription id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/subscriptions/not-a-uuid', headers: ayu.headers });
    expect(res.statusCode).toBe(400);
  });
});
