import { randomBytes, randomUUID } from 'node:crypto';
import { CoreV1Api } from '@kubernetes/client-node';
import { expect, type Page, test } from '@playwright/test';
import { loadKubeConfig } from '../../src/platform/kube/kube-client.js';
import { E2E_ADMIN } from './stack.js';
import { checkPage, signIn, useEnglish } from './support.js';

const kubeconfig = process.env.KUBECONFIG ?? '/tmp/kapal-testbed/kubeconfig';
const core = loadKubeConfig(kubeconfig).makeApiClient(CoreV1Api);

/**
 * Runs after customer.e2e.ts (files run in name order, one at a time), so the business pages have a
 * customer's top-up, subscription and pod to show.
 *
 * An operator's round through the dashboard on the real platform: workers (a KWOK node of the test's own
 * is cordoned and uncordoned), every tenant's pods, orphans (a hand-made orphan namespace found by the dry
 * run, then deleted), users, and the business pages.
 */
test.describe
  .serial('the administrator journey', () => {
    const suffix = randomBytes(4).toString('hex');
    const nodeName = `kwok-e2e-${suffix}`;
    const orphanNamespace = `kapal-e2e-orphan-${suffix}`;

    test.beforeAll(async () => {
      await core.createNode({
        body: {
          metadata: {
            name: nodeName,
            annotations: { 'kwok.x-k8s.io/node': 'fake' },
            labels: { 'kubernetes.io/hostname': nodeName, type: 'kwok' },
          },
          spec: { taints: [{ key: 'kapal.io/test', value: 'e2e', effect: 'NoSchedule' }] },
        },
      });
      // Labelled as Kapal's, for a subscription this database never had: an orphan of unknown origin.
      await core.createNamespace({
        body: {
          metadata: {
            name: orphanNamespace,
            labels: {
              'app.kubernetes.io/managed-by': 'kapal',
              'kapal.io/tenant': randomUUID(),
              'kapal.io/subscription': randomUUID(),
              'paas.managed': 'true',
            },
          },
        },
      });
    });

    test.afterAll(async () => {
      await core.deleteNode({ name: nodeName }).catch(() => undefined);
      await core.deleteNamespace({ name: orphanNamespace }).catch(() => undefined);
    });

    // One signed-in tab for the whole round, as an operator works.

    let page: Page;

    test.beforeAll(async ({ browser }) => {
      page = await (await browser.newContext()).newPage();
      await page.goto('/login');
      await checkPage(page, 'login');

      await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);

      await useEnglish(page);
    });

    test.afterAll(async () => {
      await page.context().close();
    });

    test('cordons and uncordons a worker', async () => {
      await page.goto('/admin/workers');
      await expect(page.getByRole('heading', { name: 'Workers', level: 1 })).toBeVisible();
      // The node informer brings the new node in; the list is read again until it shows.
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole('link', { name: nodeName })).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      await checkPage(page, 'admin-workers');
      await page.getByRole('link', { name: nodeName }).click();
      await page.getByRole('button', { name: 'Cordon' }).click();
      await expect(page.locator('[data-status="MAINTENANCE"]').first()).toBeVisible({ timeout: 60_000 });
      await checkPage(page, 'admin-worker');
      const node = await core.readNode({ name: nodeName });
      expect(node.spec?.unschedulable).toBe(true);
      await page.getByRole('button', { name: 'Uncordon' }).click();
      await expect(page.locator('[data-status="MAINTENANCE"]')).toHaveCount(0, { timeout: 60_000 });
      expect((await core.readNode({ name: nodeName })).spec?.unschedulable).not.toBe(true);
    });

    test("lists every tenant's pods", async () => {
      await page.goto('/admin/pods');
      await expect(page.getByRole('heading', { name: 'Pods', level: 1 })).toBeVisible();
      await page.getByLabel('Search pods').fill('no-such-pod-anywhere');
      await expect(page.getByTestId('empty-state')).toBeVisible();
      await page.getByLabel('Search pods').fill('');
      // The customer's app (customer.e2e.ts ran first) is listed again once the search is cleared.
      await expect(page.getByTestId('empty-state')).toBeHidden();
      await expect(page.getByRole('row').filter({ hasText: 'RUNNING' }).first()).toBeVisible();
      await checkPage(page, 'admin-pods');
    });

    test('finds an orphan with a dry run, then deletes it', async () => {
      await page.goto('/admin/orphans');
      await expect(page.getByRole('heading', { name: 'Orphans', level: 1 })).toBeVisible();
      await expect(page.getByText(orphanNamespace).first()).toBeVisible();
      await page.getByRole('button', { name: 'Dry run' }).click();
      await expect(page.getByText(orphanNamespace).first()).toBeVisible();
      await checkPage(page, 'admin-orphans');
      expect((await core.readNamespace({ name: orphanNamespace })).status?.phase).toBe('Active');
      await page.getByLabel('Include unknown subscriptions').check();
      await page.getByRole('button', { name: 'Delete orphans' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expect
        .poll(
          async () =>
            core.readNamespace({ name: orphanNamespace }).then(
              (ns) => ns.status?.phase ?? 'Active',
              () => 'gone',
            ),
          { timeout: 60_000 },
        )
        .not.toBe('Active');
    });

    test('finds a user and selects them for a bulk action', async ({ request }) => {
      const email = `someone-${suffix}@example.com`;
      const created = await request.post('/api/v1/auth/register', {
        data: { email, password: 'a-good-password-1', name: 'Someone Else' },
      });
      expect(created.status()).toBe(201);
      await page.goto('/admin/users');
      await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
      await page.getByLabel('Search users').fill(email);
      await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();
      await page.getByLabel(`Select ${email}`).check();
      await checkPage(page, 'admin-users');
    });

    for (const [path, heading, name] of [
      ['/admin/catalog', 'Catalog', 'admin-catalog'],
      ['/admin/transactions', 'Transactions', 'admin-transactions'],
      ['/admin/queues', 'Queues', 'admin-queues'],
      ['/admin/audit', 'Audit log', 'admin-audit'],
    ] as const) {
      test(`opens ${path}`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        await checkPage(page, name);
      });
    }
  });
