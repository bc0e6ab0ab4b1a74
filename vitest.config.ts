import { defineConfig } from 'vitest/config';

/**
 * Three tiers, told apart by the file name:
 *   *.test.ts               unit: no PostgreSQL, Redis or cluster (test/helpers refuse them), no global setup
 *   *.integration.test.ts   real PostgreSQL, Redis and SMTP; Kubernetes is a closed local port
 *   *.cluster.test.ts       all of that plus the test cluster (scripts/testbed.sh)
 */
const integration = ['src/**/*.integration.test.ts', 'test/**/*.integration.test.ts'];
const cluster = ['src/**/*.cluster.test.ts', 'test/**/*.cluster.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...integration, ...cluster],
          env: { KAPAL_TEST_TIER: 'unit' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          globalSetup: ['test/global-setup.ts'],
          env: { KAPAL_TEST_TIER: 'integration' },
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: cluster,
          globalSetup: ['test/global-setup.ts'],
          env: { KAPAL_TEST_TIER: 'cluster' },
        },
      },
    ],
  },
});
