import { ApiError } from '../api/client';

/**
 * The API's input rules, as the forms check them before sending (the API checks again; its field errors
 * are shown on the fields too, through `serverFieldErrors`).
 */
export const rules = {
  email: (value: string) =>
    value.trim().length === 0
      ? 'required'
      : value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
        ? 'email'
        : null,
  password: (value: string) =>
    value.length < 10 || value.length > 128 || !/\p{L}/u.test(value) || !/\p{N}/u.test(value) ? 'password' : null,
  name: (value: string) => (value.trim().length === 0 ? 'required' : value.trim().length > 100 ? 'tooLong' : null),
  /** Top-ups: whole rupiah between 10,000 and 10,000,000. */
  topupAmount: (value: number | string) => {
    const n = typeof value === 'number' ? value : Number(value);
    return !Number.isInteger(n) || n < 10_000 || n > 10_000_000 ? 'topupRange' : null;
  },
};

export const TOPUP_MIN = 10_000;
export const TOPUP_MAX = 10_000_000;

/** Field errors of a 400 (`details[].path` such as `body.email` or `email`), keyed by the form's field name. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details) return {};
  return Object.fromEntries(
    error.details.map((d) => [d.path.replace(/^(body|querystring|query|params)\./, ''), d.message]),
  );
}
