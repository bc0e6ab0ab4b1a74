import { LOCALES, type Locale } from '../../accounts/index.js';

/** The locales a mail is written in are the profile's (`id` unless the user chose `en`). */
export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'id';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** IDR as Indonesians write it, in every locale: `Rp 150.000`. The one formatter of amounts in mails. */
export const formatRupiah = (amount: number) => `Rp ${rupiah.format(amount)}`;

/** A day in the reader's language, in the billing time zone: `30 November 2026` / `30 November 2026`. */
export function formatDay(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone }).format(
    new Date(iso),
  );
}

/** A moment in the reader's language, in the billing time zone, with the zone named. */
export function formatMoment(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
