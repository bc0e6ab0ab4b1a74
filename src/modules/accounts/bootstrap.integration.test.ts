import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/helpers/accounts.js';
import { runKapal } from '../../../test/helpers/kapal-process.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createAuditLog } from '../audit/index.js';
import { accountsSeedStep, DEMO_USER, DEV_ADMIN } from './accounts.seed.js';
import { users } from './accounts.tables.js';

describe('first administrator and demo user', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;
  const seedDeps = () => ({ ...t.runtime, audit: createAuditLog(t.runtime) });
  const login = (email: string, password: string) =>
    call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('the seed step creates the development administrator and the demo user, once', async () => {
    expect(await accountsSeedStep.run(seedDeps())).toBe(
      `administrator ${DEV_ADMIN.email} created; demo user ${DEMO_USER.email} created`,
    );
    expect(await accountsSeedStep.run(seedDeps())).toBe(
      `administrator ${DEV_ADMIN.email} exists; demo user ${DEMO_USER.email} exists`,
    );
    const rows = await db().select().from(users);
    expect(rows.map((r) => [r.email, r.role]).sort()).toEqual([
      [DEV_ADMIN.email, 'ADMINISTRATOR'],
      [DEMO_USER.email, 'USER'],
    ]);
    const admin = await login(DEV_ADMIN.email, DEV_ADMIN.password);
    expect(admin.json().user.role).toBe('ADMINISTRATOR');
    expect((await login(DEMO_USER.email, DEMO_USER.password)).statusCode).toBe(200);
  });

  it('the seed step takes the administrator from ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const config = { ...t.runtime.config, bootstrapAdmin: { email: 'Ops@Example.test', password: 'ops-secret-4242' } };
    expect(await accountsSeedStep.run({ ...seedDeps(), config })).toMatch(/^administrator ops@example.test created/);
    expect((await login('ops@example.test', 'ops-secret-4242')).json().user.role).toBe('ADMINISTRATOR');
  });

  it('in production the seed step creates no default administrator and no demo user', async () => {
    const config = { ...t.runtime.config, env: 'production' as const, bootstrapAdmin: undefined };
    const before = await db().select().from(users);
    expect(await accountsSeedStep.run({ ...seedDeps(), config })).toBe(
      'administrator skipped (set ADMIN_EMAIL and ADMIN_PASSWORD)',
    );
    expect(await db().select().from(users)).toHaveLength(before.length);
  });

  it('kapal admin create makes an administrator; refuses a taken email, a weak password and missing flags', async () => {
    const env = {
      DATABASE_URL: t.database.url,
      REDIS_URL: t.runtime.config.redis.url,
      QUEUE_PREFIX: t.runtime.config.queue.prefix,
    };
    const created = await runKapal(
      ['admin', 'create', '--email', 'Root@Example.test', '--password', 'root-secret-777', '--name', 'Root'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^administrator root@example.test created \(id [0-9a-f-]{36}\)/);
    const [row] = await db().select().from(users).where(eq(users.email, 'root@example.test'));
    expect(row).toMatchObject({ role: 'ADMINISTRATOR', name: 'Root', isActive: true });
    expect((await login('root@example.test', 'root-secret-777')).statusCode).toBe(200);

    const taken = await runKapal(
      ['admin', 'create', '--email', 'root@example.test', '--password', 'other-secret-777'],
      env,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');

    const weak = await runKapal(['admin', 'create', '--email', 'weak@example.test', '--password', 'short'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: must be 10 to 128 characters');

    const usage = await runKapal(['admin', 'create', '--email', 'x@example.test'], env);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('kapal admin create --email');
    expect(await db().select().from(users).where(eq(users.email, 'weak@example.test'))).toEqual([]);
  }, 120_000); // four real processes, each starting Node and tsx: slow on a loaded 2-core machine
});
