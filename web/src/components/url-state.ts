import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type UrlPatch = Record<string, string | number | null | undefined>;

/**
 * A page's view (filters, sorting, page) kept in the address's query string, so a view can be linked, reloaded
 * and walked back. `update` drops empty values; changing any filter sends the named page keys back to 1; a new
 * page is a history entry, the rest replaces the current one.
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
        { replace: !('page' in patch) },
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
