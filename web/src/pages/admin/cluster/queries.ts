import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { paths } from '../../../api/schema';

export type WorkerListQuery = NonNullable<paths['/api/v1/admin/workers']['get']['parameters']['query']>;
export type PodListQuery = NonNullable<paths['/api/v1/admin/pods']['get']['parameters']['query']>;

/** Query keys: everything under ['admin', 'workers'] or ['admin', 'pods'] is refetched after a change there. */
export const keys = {
  workers: ['admin', 'workers'] as const,
  pods: ['admin', 'pods'] as const,
  orphans: ['admin', 'orphans'] as const,
};

export const workersQuery = (query: WorkerListQuery) =>
  queryOptions({
    queryKey: [...keys.workers, 'list', query],
    queryFn: () => call(api.GET('/api/v1/admin/workers', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const workerStatsQuery = () =>
  queryOptions({
    queryKey: [...keys.workers, 'stats'],
    queryFn: () => call(api.GET('/api/v1/admin/workers/stats')),
  });

export const workerQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.workers, 'detail', id],
    queryFn: () => call(api.GET('/api/v1/admin/workers/{id}', { params: { path: { id } } })),
    // While a drain runs its progress is read every 2 s, until it is DONE or FAILED.
    refetchInterval: (query) => (query.state.data?.drain?.state === 'RUNNING' ? 2000 : false),
  });

export const podsQuery = (query: PodListQuery) =>
  queryOptions({
    queryKey: [...keys.pods, 'list', query],
    queryFn: () => call(api.GET('/api/v1/admin/pods', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const podStatsQuery = () =>
  queryOptions({
    queryKey: [...keys.pods, 'stats'],
    queryFn: () => call(api.GET('/api/v1/admin/pods/stats')),
  });

/** A pod on its way somewhere: provisioning, or not yet where an administrator's stop or start sends it. */
function settling(pod: { status: string; adminStoppedAt: string | null; subscription: { status: string } }) {
  if (pod.status === 'PROVISIONING') return true;
  if (pod.adminStoppedAt) return pod.status !== 'STOPPED' && pod.status !== 'FAILED' && pod.status !== 'TERMINATED';
  return pod.status === 'STOPPED' && pod.subscription.status === 'ACTIVE';
}

export const podQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.pods, 'detail', id],
    queryFn: () => call(api.GET('/api/v1/admin/pods/{id}', { params: { path: { id } } })),
    // After a stop, start or restart the informers report the new state within seconds: follow it.
    refetchInterval: (query) => (query.state.data && settling(query.state.data) ? 2000 : false),
  });

/** Every pod on a worker that the database knows (the list's pages of 100 read in turn; 20 pages at most). */
export const podsOnWorkerQuery = (worker: string) =>
  queryOptions({
    queryKey: [...keys.pods, 'on-worker', worker],
    queryFn: async () => {
      const first = await call(
        api.GET('/api/v1/admin/pods', { params: { query: { worker, pageSize: 100, sort: 'user' } } }),
      );
      const items = [...first.items];
      for (let page = 2; page <= Math.min(first.totalPages, 20); page += 1) {
        const next = await call(
          api.GET('/api/v1/admin/pods', { params: { query: { worker, pageSize: 100, sort: 'user', page } } }),
        );
        items.push(...next.items);
      }
      return { items, total: first.total };
    },
  });

export const orphansQuery = () =>
  queryOptions({
    queryKey: keys.orphans,
    queryFn: () => call(api.GET('/api/v1/admin/pods/orphaned')),
    // A scan costs 19 list calls against the cluster: read it when asked, not on every focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
