import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { pdfText } from '../helpers/pdf.js';
import { checkPage, mailsTo } from './support.js';

/**
 * A customer's whole journey through the dashboard, in order, on the real platform: sign up, verify the
 * email from the mail, top up through the Snap payment page (completed by Midtrans' signed notification),
 * subscribe, watch the app come up RUNNING on the test cluster, read its logs, download the invoice.
 */
test.describe
  .serial('the customer journey', () => {
    const suffix = randomBytes(4).toString('hex');
    const email = `customer-${suffix}@example.com`;
    const password = 'a-good-password-1';
    const appName = `e2e-${suffix}`;
    // One browser tab for the whole journey: the session made at sign-up carries on, as a customer's would.
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await (await browser.newContext()).newPage();
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('signs up and lands on the catalog', async () => {
      await page.goto('/register');
      await checkPage(page, 'register');
      await page.getByLabel('Your name').fill('Dewi Customer');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/services$/);
      await expect(page.getByRole('link', { name: /n8n/ }).first()).toBeVisible();
      await checkPage(page, 'catalog');
    });

    test('verifies the email address with the link of the mail', async () => {
      await page.goto('/');
      await expect(page.getByTestId('verify-email-notice')).toBeVisible();
      await checkPage(page, 'home-unverified');
      let link: string | undefined;
      await expect
        .poll(
          async () => {
            const mail = (await mailsTo(email)).find((m) => /verify-email\?token=/.test(m.text));
            link = mail && /https?:\/\/\S+\/verify-email\?token=[^\s)"]+/.exec(mail.text)?.[0];
            return link;
          },
          { timeout: 90_000 },
        )
        .toBeTruthy();
      await page.goto(new URL(link!).pathname + new URL(link!).search);
      await expect(page.getByTestId('email-verified')).toBeVisible();
    });

    test('tops up through the Snap payment page; the signed notification credits the balance', async () => {
      await page.goto('/billing');
      await expect(page.getByTestId('balance')).toHaveText(/IDR\s*0/);
      await checkPage(page, 'billing');
      await page.getByLabel('Amount (IDR)').fill('150000');
      await page.getByRole('button', { name: 'Top up' }).click();
      // Midtrans' page (the fake's), then back to the dashboard once paid.
      await expect(page.getByRole('heading', { name: /Pay Rp 150\.000/ })).toBeVisible();
      await page.getByRole('button', { name: 'Pay now' }).click();
      await expect(page).toHaveURL(/\/billing\?order_id=/);
      await expect(page.getByText('Payment received')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('balance')).toHaveText(/IDR\s*150,000/);
      await page.goto('/billing/transactions');
      await expect(page.getByText(/150,000/).first()).toBeVisible();
      await checkPage(page, 'transactions');
    });

    test('subscribes to n8n Starter and sees the first credentials once', async () => {
      await page.goto('/services/n8n');
      await expect(page.getByRole('heading', { name: 'n8n', level: 1 })).toBeVisible();
      await checkPage(page, 'service');
      await page
        .getByLabel(/Starter/)
        .first()
        .check();
      await page.getByLabel('App name').fill(appName);
      await expect(page.getByText(new RegExp(`${appName}\\.apps\\.kapal\\.test`)).first()).toBeVisible();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      const saved = page.getByRole('button', { name: 'I have saved these' });
      await expect(saved).toBeVisible({ timeout: 60_000 });
      await page.screenshot({ path: 'test-results/screenshots/credentials.png' });
      await saved.click();
      await expect(page).toHaveURL(/\/subscriptions\/[0-9a-f-]{36}$/);
    });

    test('watches the app come up RUNNING, then reads its logs and follows them', async () => {
      await page.goto('/subscriptions');
      await checkPage(page, 'subscriptions');
      await page.getByRole('link', { name: appName }).first().click();
      await expect(page.getByRole('heading', { name: appName })).toBeVisible();
      // The informers report the pod Running (KWOK plays the kubelet); the page hears it live or by polling.
      await expect(page.locator('[data-status="RUNNING"]').first()).toBeVisible({ timeout: 180_000 });
      await checkPage(page, 'subscription');
      await page
        .getByRole('link', { name: /pod|app-/i })
        .first()
        .click();
      await expect(page).toHaveURL(/\/pods\//);
      await expect(page.getByRole('heading', { name: 'Logs' })).toBeVisible();
      await expect(page.getByTestId('pod-logs')).not.toBeEmpty({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Follow' }).click();
      await expect(page.getByRole('button', { name: 'Stop following' })).toBeVisible();
      await expect(page.getByTestId('pod-logs')).not.toBeEmpty();
      await page.getByRole('button', { name: 'Stop following' }).click();
      await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
      await checkPage(page, 'pod');
    });

    test("downloads the invoices (the top-up's and the subscription's) as PDFs", async () => {
      await page.goto('/billing/invoices');
      const buttons = page.getByRole('button', { name: /Download PDF/ });
      await expect(buttons).toHaveCount(2);
      await checkPage(page, 'invoices');
      const texts: string[] = [];
      for (const button of await buttons.all()) {
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        expect(download.suggestedFilename()).toMatch(/^INV-\d{6}-\d+\.pdf$/);
        const pdf = await readFile((await download.path())!);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        texts.push((await pdfText(new Uint8Array(pdf))).text);
      }
      // Each PDF is its own invoice: the top-up of Rp 150.000 and the n8n Starter period of Rp 75.000.
      expect(texts.find((t) => /Rp 150\.000/.test(t))).toMatch(/PAID/);
      expect(texts.find((t) => /n8n Starter/.test(t))).toMatch(/Rp 75\.000/);
    });

    test('sees the notification history and the profile', async () => {
      await page.goto('/notifications');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, 'notifications');
      await page.goto('/profile');
      await expect(page.getByLabel('Current password')).toBeVisible();
      await checkPage(page, 'profile');
      await page.goto('/');
      await checkPage(page, 'home');
    });

    test('works at phone width and from the keyboard', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto('/');
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(
        page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My apps' }),
      ).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/home-phone.png', fullPage: true });
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My apps' }).click();
      await expect(page).toHaveURL(/\/subscriptions$/);
      await checkPage(page, 'subscriptions-phone');
      // The first Tab reaches the skip link, which takes focus past the navigation.
      await page.goto('/subscriptions');
      await expect(page.getByRole('link', { name: appName }).first()).toBeVisible();
      await page.bringToFront();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('#main')).toBeFocused();
    });
  });
