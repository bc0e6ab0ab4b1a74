import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** A toast (its close button is named by the theme in main.tsx). */
export function notify(options: { color: string; message: string; title?: string; autoClose?: number }) {
  notifications.show(options);
}

/**
 * A change through the API: on success it says so (when `success` is given) and refetches the queries it
 * touched; on failure it shows the API's message and request id. Forms that show errors inline pass
 * `quiet: true` and read `mutation.error` themselves.
 */
export function useApiMutation<TVars, TData>(options: {
  mutationFn: (vars: TVars) => Promise<TData>;
  invalidates?: QueryKey[];
  success?: string | ((data: TData) => string);
  quiet?: boolean;
  onSuccess?: (data: TData, vars: TVars) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: async (data, vars) => {
      await Promise.all((options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      if (options.success) {
        notify({
          color: 'green',
          message: typeof options.success === 'function' ? options.success(data) : options.success,
        });
      }
      options.onSuccess?.(data, vars);
    },
    onError: (error) => {
      if (options.quiet) return;
      const e = error instanceof ApiError ? error : null;
      notify({
        color: 'red',
        title: e?.code ?? 'Error',
        message: `${error.message}${e?.requestId ? ` (${e.requestId})` : ''}`,
        autoClose: 10_000,
      });
    },
  });
}
