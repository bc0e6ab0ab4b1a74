import { defineConfig } from '@playwright/test';

/**
 * The dashboard's end-to-end tests (test/e2e/*.e2e.ts) in Debian's Chromium (installed by the
 * prerequisites; Playwright never downloads a browser here) against a real `kapal all` on the test cluster
 * with the fake Midtrans (test/e2e/stack.ts, started once by the global setup). `npm test` runs them after
 * Vitest; `npm run test:e2e` alone.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.e2e.ts',
  globalSetup: './test/e2e/global-setup.ts',
  // The journeys share one platform and build on what the cluster does; one at a time keeps them honest
  // on two busy cores.
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: process.env.KAPAL_E2E_URL,
    locale: 'en-GB',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
