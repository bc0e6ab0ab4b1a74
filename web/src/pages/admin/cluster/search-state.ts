import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters, sort and page kept in the URL's query string, so a view can be linked, reloaded and
 * walked back. Changing a filter goes back to page 1 (unless `keepPage`: a drawer opened over the list).
 */
export function useSearchState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const joined = keys.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when one of these keys changes
  const values = useMemo(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>,
    [joined],
  );
  const update = useCallback(
    (patch: Partial<Record<K | 'page', string | number | null | undefined>>, options?: { keepPage?: boolean }) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch) && !options?.keepPage) next.delete('page');
          return next;
        },
        { replace: !('page' in patch) },
      ),
    [setParams],
  );
  return [values, update] as const;
}

/** A positive whole page number from the query string (1 when absent or not one). */
export function pageFrom(value: string): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
