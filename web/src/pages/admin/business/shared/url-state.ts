import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type UrlPatch = Record<string, string | number | null | undefined>;

/**
 * A page's view (filters, sorting, page) kept in the address's query string, so a view can be shared and
 * survives a reload. `update` drops empty values; changing any filter sends the named page keys back to 1.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? '', [params]);
  const getInt = useCallback(
    (key: string, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
      const n = Number(params.get(key));
      return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
    },
    [params],
  );
  const update = useCallback(
    (patch: UrlPatch, resetPages: string[] = []) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          for (const key of resetPages) if (!(key in patch)) next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { params, get, getInt, update };
}

/** Drops empty strings so optional query parameters are left out of the request. */
export function compact<T extends Record<string, unknown>>(query: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  ) as Partial<T>;
}

/** The start of a local calendar day (`YYYY-MM-DD` from a date input) as an ISO instant; `days` moves it. */
export function dayStartIso(day: string, days = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).toISOString();
}

/** A `datetime-local` input's value (local time) as an ISO instant. */
export function localDateTimeIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A key for a request that must not happen twice (Idempotency-Key); works outside secure contexts too. */
export function requestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
