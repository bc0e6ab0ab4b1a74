import { describe, expect, it } from 'vitest';
import type { MailContext } from './mail/catalogue.js';
import { formatRupiah, LOCALES } from './mail/format.js';
import { MAIL_TEMPLATE_NAMES, type MailTemplateName, mailTemplates, renderMail } from './mail/templates.js';

const EVIL = '<script>alert("x")</script>"&';
const ctx = (locale: (typeof LOCALES)[number]): MailContext => ({
  locale,
  publicUrl: 'https://kapal.example.test',
  timeZone: 'Asia/Jakarta',
});

/** The sample data with every text a person could have typed made hostile (dates stay dates). */
function hostile(value: unknown): unknown {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : `${value}${EVIL}`;
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v)]));
  return value;
}

const render = (name: MailTemplateName, data: unknown, locale: (typeof LOCALES)[number]) =>
  renderMail(name, data as never, ctx(locale));

describe('mail templates', () => {
  it('lists every mail of the issue, each under its own name', () => {
    for (const name of [
      'welcome',
      'verify-email',
      'subscription-created',
      'service-ready',
      'subscription-expiring',
      'subscription-suspended',
      'subscription-terminated',
      'topup-succeeded',
      'payment-failed',
      'invoice',
      'maintenance',
    ]) {
      expect(MAIL_TEMPLATE_NAMES).toContain(name);
    }
    for (const name of MAIL_TEMPLATE_NAMES) expect(mailTemplates[name].name).toBe(name);
  });

  for (const name of MAIL_TEMPLATE_NAMES) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}) renders HTML and text from its sample data`, async () => {
        const mail = await render(name, mailTemplates[name].sample, locale);
        expect(mail.subject.length).toBeGreaterThan(3);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).toMatch(/^<!DOCTYPE html/);
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).toContain('https://kapal.example.test/'); // the layout's dashboard link
        expect(mail.text.length).toBeGreaterThan(40);
        expect(mail.text).not.toMatch(/<[a-z]/i);
        expect(mail.text).toContain('https://kapal.example.test/');
      });

      it(`${name} (${locale}) escapes every value in the HTML and keeps it whole in the text`, async () => {
        const data = hostile(mailTemplates[name].sample);
        const mail = await render(name, data, locale);
        expect(mail.html).not.toContain('<script');
        expect(mail.html).not.toContain(EVIL);
        expect(mail.html).not.toContain('"&');
        const typed = JSON.stringify(data).includes('<script>');
        // Welcome carries nothing the user typed; every other template shows its values, escaped.
        if (typed && name !== 'welcome') {
          expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&amp;');
          expect(mail.text).toContain(EVIL);
        }
      });
    }
  }

  it('speaks the reader’s language', async () => {
    const [id, en] = await Promise.all(LOCALES.map((l) => render('welcome', {}, l)));
    expect(id!.subject).toBe('Selamat datang di Kapal');
    expect(en!.subject).toBe('Welcome to Kapal');
    expect(id!.text).toContain('Akun Kapal Anda sudah siap');
    expect(en!.text).toContain('Your Kapal account is ready');
  });

  it('writes amounts as IDR, Rp 150.000, in both languages', async () => {
    expect(formatRupiah(150_000)).toBe('Rp 150.000');
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    for (const locale of LOCALES) {
      const mail = await render('topup-succeeded', mailTemplates['topup-succeeded'].sample, locale);
      expect(mail.subject).toContain('Rp 150.000');
      expect(mail.text).toContain('Rp 170.000');
    }
  });

  it('links to PUBLIC_URL and to the app’s own address', async () => {
    const ready = await render('service-ready', mailTemplates['service-ready'].sample, 'en');
    expect(ready.html).toContain('href="https://my-n8n.apps.localhost"');
    expect(ready.text).toContain('admin-password: sample-Passw0rd');
    const topup = await render('topup-succeeded', mailTemplates['topup-succeeded'].sample, 'id');
    expect(topup.html).toContain('href="https://kapal.example.test/billing"');
  });
});
