import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';

/** Query keys of the billing pages: everything under `billing` is refetched after a payment changes. */
export const billingKeys = {
  all: ['billing'] as const,
  balance: ['billing', 'balance'] as const,
  overview: ['billing', 'overview'] as const,
  transactions: (query: object) => ['billing', 'transactions', query] as const,
  transaction: (id: string) => ['billing', 'transaction', id] as const,
  invoices: (query: object) => ['billing', 'invoices', query] as const,
  paymentConfig: ['payment-config'] as const,
};

export function useBalance() {
  return useQuery({ queryKey: billingKeys.balance, queryFn: () => call(api.GET('/api/v1/billing/balance')) });
}

export function useOverview() {
  return useQuery({ queryKey: billingKeys.overview, queryFn: () => call(api.GET('/api/v1/billing/overview')) });
}

/** The Snap popup's configuration; an API without the endpoint (or any failure) means: redirect. */
export const paymentConfigQuery = queryOptions({
  queryKey: billingKeys.paymentConfig,
  queryFn: () => call(api.GET('/api/v1/billing/payment-config')).catch(() => ({ snap: null })),
  staleTime: 5 * 60_000,
});

export const usePaymentConfig = () => useQuery(paymentConfigQuery);
