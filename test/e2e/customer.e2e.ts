import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { pdfText } from '../helpers/pdf.js';
import { checkPage, mailsTo, signIn } from './support.js';

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

    test('signs up and lands on the catalog', async ({ page }) => {
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

    test('verifies the email address with the link of the mail', async ({ page }) => {
      await signInAs(page);
      await expect(page.getByText(/not verified/i).first()).toBeVisible();
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

    test('tops up through the Snap payment page; the signed notification credits the balance', async ({ page }) => {
      await signInAs(page);
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

    test('subscribes to n8n Starter and sees the first credentials once', async ({ page }) => {
      await signInAs(page);
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

    test('watches the app come up RUNNING, then reads its logs and follows them', async ({ page }) => {
      await signInAs(page);
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

    test('downloads the top-up invoice as a PDF', async ({ page }) => {
      await signInAs(page);
      await page.goto('/billing/invoices');
      const button = page.getByRole('button', { name: /Download PDF/ }).first();
      await expect(button).toBeVisible();
      await checkPage(page, 'invoices');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text } = await pdfText(new Uint8Array(pdf));
      expect(text).toMatch(/INV-\d{6}-\d+/);
      expect(text).toMatch(/150[.,]000/);
    });

    test('sees the notification history and the profile', async ({ page }) => {
      await signInAs(page);
      await page.goto('/notifications');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, 'notifications');
      await page.goto('/profile');
      await expect(page.getByLabel('Current password')).toBeVisible();
      await checkPage(page, 'profile');
      await page.goto('/');
      await checkPage(page, 'home');
    });

    test('works at phone width and from the keyboard', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await signInAs(page);
      await page.goto('/');
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('link', { name: 'My apps' })).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/home-phone.png', fullPage: true });
      await page.getByRole('link', { name: 'My apps' }).click();
      await expect(page).toHaveURL(/\/subscriptions$/);
      await checkPage(page, 'subscriptions-phone');
      // The first Tab reaches the skip link, which takes focus past the navigation.
      await page.goto('/billing');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    });

    const signInAs = (page: Page) => signIn(page, email, password);
  });
