import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { SearchInput } from '../../../components/SearchInput';
import { useMessages } from '../../../i18n/i18n';
import { POD_STATUSES, podMessages } from './pod-messages';

export const POD_SORTS = ['-createdAt', 'createdAt', 'status', 'name', '-name', 'user', 'node'] as const;
export type PodSort = (typeof POD_SORTS)[number];
export type PodFilterValues = Record<'q' | 'status' | 'service' | 'user' | 'worker' | 'sort', string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the API checks `user`: a user id, or a whole email address. */
const validOwner = (value: string) => UUID.test(value) || /^[^\s@]+@[^\s@]+$/.test(value);

/** The API's filters (text, status, service, owner, worker) and sort; the parent keeps them in the URL. */
export function PodFilters({
  values,
  onChange,
}: {
  values: PodFilterValues;
  onChange: (patch: Partial<PodFilterValues>) => void;
}) {
  const t = useMessages(podMessages);
  const services = useQuery({
    queryKey: ['admin', 'services', 'options'],
    queryFn: () => call(api.GET('/api/v1/admin/services', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
  const workers = useQuery({
    queryKey: ['admin', 'workers', 'options'],
    queryFn: () => call(api.GET('/api/v1/admin/workers', { params: { query: { pageSize: 100 } } })),
    staleTime: 60_000,
  });
  const sortLabels: Record<PodSort, string> = {
    '-createdAt': t.sortNewest,
    createdAt: t.sortOldest,
    status: t.sortStatus,
    name: t.sortName,
    '-name': t.sortNameDesc,
    user: t.sortUser,
    node: t.sortNode,
  };
  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.slug, label: s.name }));
  if (values.service && !serviceOptions.some((o) => o.value === values.service))
    serviceOptions.push({ value: values.service, label: values.service });
  const workerOptions = (workers.data?.items ?? []).map((w) => ({ value: w.name, label: w.name }));
  if (values.worker && !workerOptions.some((o) => o.value === values.worker))
    workerOptions.push({ value: values.worker, label: values.worker });
  const filtered = Boolean(values.q || values.status || values.service || values.user || values.worker);
  return (
    <Group align="flex-start" wrap="wrap" gap="sm" mb="md">
      <SearchInput label={t.searchPods} placeholder={t.searchHint} value={values.q} onSearch={(q) => onChange({ q })} />
      <Select
        label={t.status}
        data={[{ value: '', label: t.anyStatus }, ...POD_STATUSES.map((s) => ({ value: s, label: t[s] }))]}
        value={values.status}
        onChange={(status) => onChange({ status: status ?? '' })}
        allowDeselect={false}
        w={160}
      />
      <Select
        label={t.service}
        data={[{ value: '', label: t.anyService }, ...serviceOptions]}
        value={values.service}
        onChange={(service) => onChange({ service: service ?? '' })}
        allowDeselect={false}
        searchable
        w={180}
      />
      <SearchInput
        label={t.owner}
        placeholder={t.ownerHint}
        value={values.user}
        maxLength={254}
        validate={(v) => (validOwner(v) ? null : t.ownerInvalid)}
        onSearch={(user) => onChange({ user })}
      />
      <Select
        label={t.worker}
        data={[{ value: '', label: t.anyWorker }, ...workerOptions]}
        value={values.worker}
        onChange={(worker) => onChange({ worker: worker ?? '' })}
        allowDeselect={false}
        searchable
        w={170}
      />
      <Select
        label={t.sort}
        data={POD_SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
        value={values.sort || '-createdAt'}
        onChange={(sort) => onChange({ sort: sort === '-createdAt' ? '' : (sort ?? '') })}
        allowDeselect={false}
        w={160}
      />
      {filtered && (
        <Button
          variant="subtle"
          mt={25}
          onClick={() => onChange({ q: '', status: '', service: '', user: '', worker: '' })}
        >
          {t.clear}
        </Button>
      )}
    </Group>
  );
}
