import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The test tiers (vitest.config.ts): each may use the real parts of the tiers before it, no more. */
const TIERS = ['unit', 'integration', 'cluster'] as const;
export type TestTier = (typeof TIERS)[number];

/** The tier of the running test file, set per Vitest project; undefined outside Vitest's projects. */
export const testTier = process.env.KAPAL_TEST_TIER as TestTier | undefined;

/** Throws unless the running test file's tier may use `what`: a test says in its name what it needs. */
export function requireTier(needed: TestTier, what: string): void {
  if (testTier === undefined || TIERS.indexOf(testTier) >= TIERS.indexOf(needed)) return;
  throw new Error(`${what} is for ${needed} tests: name this file *.${needed}.test.ts (it runs as a ${testTier} test)`);
}

/**
 * A kubeconfig whose API server is a closed port on this machine: integration tests build the whole
 * platform without the test cluster, and one that reaches for Kubernetes fails at once, never by luck.
 */
export const unreachableKubeconfig = fileURLToPath(new URL('./kubeconfig-unreachable.yaml', import.meta.url));

/** Where the test bed's services are; override with the same variables the platform reads. */
export const testEnv = {
  get adminDatabaseUrl(): string {
    requireTier('integration', 'PostgreSQL');
    return process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  },
  /** Set by the global setup: each test run migrates a template of its own, so parallel runs never collide. */
  get templateDatabase(): string {
    const name = process.env.KAPAL_TEST_TEMPLATE_DATABASE;
    if (!name)
      throw new Error('KAPAL_TEST_TEMPLATE_DATABASE is not set: run the tests through vitest (test/global-setup.ts)');
    return name;
  },
  get redisUrl(): string {
    requireTier('integration', 'Redis');
    return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  },
  kubeconfig: process.env.KUBECONFIG ?? `${process.env.TMPDIR ?? '/tmp'}/kapal-testbed/kubeconfig`,
};

export function requireTestCluster(): string {
  requireTier('cluster', 'The test cluster');
  if (!existsSync(testEnv.kubeconfig)) {
    throw new Error(
      `No test cluster kubeconfig at ${testEnv.kubeconfig}: run "npm run cluster:up" (npm test does it for you)`,
    );
  }
  return testEnv.kubeconfig;
}

/** The kubeconfig a test runtime gets: the test cluster in cluster tests, a closed port below them. */
export function kubeconfigForTier(): string {
  return testTier === 'cluster' || testTier === undefined ? requireTestCluster() : unreachableKubeconfig;
}
