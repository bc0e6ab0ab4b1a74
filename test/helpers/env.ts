import { existsSync } from 'node:fs';

/** Where the test bed's services are; override with the same variables the platform reads. */
export const testEnv = {
  adminDatabaseUrl: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /** Set by the global setup: each test run migrates a template of its own, so parallel runs never collide. */
  get templateDatabase(): string {
    const name = process.env.KAPAL_TEST_TEMPLATE_DATABASE;
    if (!name)
      throw new Error('KAPAL_TEST_TEMPLATE_DATABASE is not set: run the tests through vitest (test/global-setup.ts)');
    return name;
  },
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  kubeconfig: process.env.KUBECONFIG ?? `${process.env.TMPDIR ?? '/tmp'}/kapal-testbed/kubeconfig`,
};

export function requireTestCluster(): string {
  if (!existsSync(testEnv.kubeconfig)) {
    throw new Error(
      `No test cluster kubeconfig at ${testEnv.kubeconfig}: run "npm run cluster:up" (npm test does it for you)`,
    );
  }
  return testEnv.kubeconfig;
}
