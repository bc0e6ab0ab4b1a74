import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SCREENSHOTS = 'test-results/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

export function controlUrl(): string {
  const url = process.env.KAPAL_E2E_CONTROL;
  if (!url) throw new Error('KAPAL_E2E_CONTROL is not set: run through playwright.config.ts (its global setup)');
  return url;
}

export interface SentMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Mails the platform sent to `to`, newest last, as the SMTP sink received them. */
export async function mailsTo(to: string): Promise<SentMail[]> {
  const mails = (await (await fetch(`${controlUrl()}/mails`)).json()) as SentMail[];
  return mails.filter((m) => m.to.includes(to));
}

/**
 * The page has no serious or critical accessibility violation (axe-core, WCAG 2.1 A and AA), once its
 * content has loaded; and a screenshot of it goes to test-results/screenshots for review.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(serious, `accessibility violations on ${name}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-menu')).toBeVisible();
}

/** The interface in English (saved to the profile when signed in), whatever the account's language. */
export async function useEnglish(page: Page): Promise<void> {
  const english = page.getByRole('radio', { name: 'EN' });
  if (!(await english.isChecked())) await page.getByText('EN', { exact: true }).click();
  await expect(english).toBeChecked();
}
