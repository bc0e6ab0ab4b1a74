/** The catalog's input rules as the API's zod schemas have them (src/modules/catalog/catalog.http.ts). */

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isSlug = (value: string) => value.length >= 1 && value.length <= 63 && SLUG.test(value);

/** A trimmed text of `min` to `max` characters. */
export const textFits = (value: string, min: number, max: number) =>
  value.trim().length >= min && value.trim().length <= max;

export const intIn = (value: number | string, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const SORT_MIN = -1_000_000;
export const SORT_MAX = 1_000_000;
export const LIMITS = {
  cpu: [10, 64_000],
  memory: [32, 262_144],
  storage: [1, 1024],
  price: [0, 100_000_000],
} as const;

/** Only the fields whose value differs from the saved one: what a PATCH sends. */
export function changed<T extends Record<string, unknown>>(
  next: T,
  saved: Partial<Record<keyof T, unknown>>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) out[key] = next[key];
  }
  return out;
}
