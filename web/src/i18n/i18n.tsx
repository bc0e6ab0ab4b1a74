import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export type Locale = 'id' | 'en';
export const LOCALES: Locale[] = ['id', 'en'];
const KEY = 'kapal.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(KEY);
  if (saved === 'id' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'id', setLocale: () => {} });

/** The interface's language: the profile's once signed in (AuthProvider sets it), else the browser's. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, set] = useState<Locale>(initialLocale);
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale(next) {
        localStorage.setItem(KEY, next);
        document.documentElement.lang = next;
        set(next);
      },
    }),
    [locale],
  );
  document.documentElement.lang = locale;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/**
 * Messages live beside the page that shows them, in both languages: `const m = defineMessages({ en: {…},
 * id: {…} })`, then `const t = useMessages(m)`. The type makes the Indonesian set name every English key.
 */
export function defineMessages<T extends Record<string, string | ((...args: never[]) => string)>>(messages: {
  en: T;
  id: { [K in keyof T]: T[K] };
}) {
  return messages;
}

export function useMessages<T>(messages: { en: T; id: T }): T {
  return messages[useLocale().locale];
}

const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** Rupiah as the locale writes it: "Rp 150.000" in Indonesian, "IDR 150,000" in English. No decimals: IDR is whole. */
export function formatIdr(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'IDR',
    currencyDisplay: locale === 'id' ? 'symbol' : 'code',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** Hooks bound to the current locale, for components that format a lot. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      locale,
      idr: (amount: number) => formatIdr(amount, locale),
      dateTime: (value: string | Date | null | undefined) => formatDateTime(value, locale),
      date: (value: string | Date | null | undefined) => formatDate(value, locale),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
    }),
    [locale],
  );
}

export function LocaleText({ en, id }: { en: ReactNode; id: ReactNode }) {
  return <>{useLocale().locale === 'id' ? id : en}</>;
}
