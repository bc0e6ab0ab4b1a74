import { useQuery } from '@tanstack/react-query';
import { ApiError, api, call, type Schemas } from '../../../api/client';
import { liveKeys } from '../../../live/live-status';

export type Service = Schemas['Service'];
export type Plan = Schemas['Plan'];

/**
 * Query keys of what these pages read. Subscriptions use the live stream's keys (liveKeys), so a status
 * change refetches them; billing reads sit under `['billing']`. The first credentials have a key of their
 * own, forgotten once the dialog closes (the subscription's page asks for them when the user wants them).
 */
export const catalogKeys = {
  services: (filters: { q?: string; category?: string }) => ['services', 'list', filters] as const,
  service: (slug: string) => ['services', 'one', slug] as const,
  subscriptions: liveKeys.subscriptions,
  subscriptionList: liveKeys.subscriptionList,
  firstCredentials: (id: string) => ['first-credentials', id] as const,
  nameCheck: (name: string) => ['subscription-name-check', name] as const,
};

export function useServices(filters: { q?: string; category?: string }) {
  return useQuery({
    queryKey: catalogKeys.services(filters),
    queryFn: () => call(api.GET('/api/v1/services', { params: { query: filters } })),
    placeholderData: (previous) => previous,
  });
}

export function useService(slug: string) {
  return useQuery({
    queryKey: catalogKeys.service(slug),
    queryFn: () => call(api.GET('/api/v1/services/{slug}', { params: { path: { slug } } })),
  });
}

/**
 * A 402 INSUFFICIENT_CREDIT keeps the two amounts of the API's envelope (`required`, `available`), which the
 * shared ApiError does not carry.
 */
export class CreditError extends ApiError {
  constructor(
    base: ApiError,
    readonly required: number,
    readonly available: number,
  ) {
    super(base.status, base.code, base.message, base.requestId, base.details);
  }
}

interface CreditEnvelope {
  error?: { required?: number; available?: number };
}

/** `call`, plus the amounts of a 402 INSUFFICIENT_CREDIT as a CreditError. */
export async function callWithCredit<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let envelope: CreditEnvelope | undefined;
  const seen = pending.then((result) => {
    envelope = result.error as CreditEnvelope | undefined;
    return result;
  });
  try {
    return await call(seen);
  } catch (err) {
    const amounts = envelope?.error;
    if (
      err instanceof ApiError &&
      err.code === 'INSUFFICIENT_CREDIT' &&
      typeof amounts?.required === 'number' &&
      typeof amounts.available === 'number'
    ) {
      throw new CreditError(err, amounts.required, amounts.available);
    }
    throw err;
  }
}
