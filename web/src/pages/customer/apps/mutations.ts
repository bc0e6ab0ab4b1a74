import { useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../../api/client';
import { useApiMutation } from '../../../components/mutations';
import { liveKeys } from '../../../live/live-status';

type Subscription = Schemas['Subscription'];

/**
 * A change of one subscription (PATCH, cancel, renew): the answer is its new view, put in the cache at
 * once; then every subscription and pod query is refetched (lists, the pod's page). Errors are shown
 * inline by the caller (`mutation.error`).
 */
export function useSubscriptionChange<TVars>(
  id: string,
  send: (vars: TVars) => Promise<Subscription>,
  success: string | ((data: Subscription) => string),
  onSuccess?: (data: Subscription) => void,
) {
  const queryClient = useQueryClient();
  return useApiMutation<TVars, Subscription>({
    mutationFn: async (vars) => {
      const view = await send(vars);
      queryClient.setQueryData(liveKeys.subscription(id), view);
      return view;
    },
    invalidates: [liveKeys.subscriptions, liveKeys.pods],
    quiet: true,
    success,
    onSuccess,
  });
}

export const patchSubscription = (id: string, body: { autoRenew?: boolean; planId?: string }) =>
  call(api.PATCH('/api/v1/subscriptions/{id}', { params: { path: { id } }, body }));

export const cancelSubscription = (id: string) =>
  call(api.POST('/api/v1/subscriptions/{id}/cancel', { params: { path: { id } } }));

export const renewSubscription = (id: string) =>
  call(api.POST('/api/v1/subscriptions/{id}/renew', { params: { path: { id } } }));
