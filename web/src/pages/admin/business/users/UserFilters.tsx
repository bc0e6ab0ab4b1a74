import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { SearchInput } from '../../../../components/SearchInput';
import type { useUrlState } from '../../../../components/url-state';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { usersMessages } from './messages';

export const USER_FILTER_KEYS = ['q', 'role', 'status', 'from', 'to', 'sort'] as const;
export const USER_SORTS = [
  '-createdAt',
  'createdAt',
  'email',
  '-email',
  'name',
  '-name',
  '-lastLoginAt',
  'lastLoginAt',
] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** Search, role, status, sign-up dates and sorting: all in the address, each change back to page 1. */
export function UserFilters({ url }: { url: ReturnType<typeof useUrlState> }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const set = (key: string, value: string) => url.update({ [key]: value }, ['page']);
  const from = url.get('from');
  const to = url.get('to');
  const sortLabels: Record<UserSort, string> = {
    '-createdAt': t.sortNewest,
    createdAt: t.sortOldest,
    email: t.sortEmailAsc,
    '-email': t.sortEmailDesc,
    name: t.sortNameAsc,
    '-name': t.sortNameDesc,
    '-lastLoginAt': t.sortLoginRecent,
    lastLoginAt: t.sortLoginOld,
  };
  const anyFilter = USER_FILTER_KEYS.some((k) => url.get(k) !== '');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 6 }} mb="md" role="search" aria-label={w.filters}>
      <SearchInput
        label={t.search}
        placeholder={t.searchPlaceholder}
        value={url.get('q')}
        onSearch={(q) => set('q', q)}
      />
      <NativeSelect
        label={t.role}
        value={url.get('role')}
        onChange={(e) => set('role', e.currentTarget.value)}
        data={[
          { value: '', label: t.anyRole },
          { value: 'USER', label: w.USER },
          { value: 'ADMINISTRATOR', label: w.ADMINISTRATOR },
        ]}
      />
      <NativeSelect
        label={t.status}
        value={url.get('status')}
        onChange={(e) => set('status', e.currentTarget.value)}
        data={[
          { value: '', label: t.anyStatus },
          { value: 'active', label: w.active },
          { value: 'inactive', label: w.inactive },
        ]}
      />
      <TextInput
        type="date"
        label={t.createdFrom}
        value={from}
        max={to || undefined}
        onChange={(e) => set('from', e.currentTarget.value)}
        error={from && to && from > to ? w.dateOrder : undefined}
      />
      <TextInput
        type="date"
        label={t.createdTo}
        value={to}
        min={from || undefined}
        onChange={(e) => set('to', e.currentTarget.value)}
      />
      <NativeSelect
        label={t.sort}
        value={url.get('sort') || '-createdAt'}
        onChange={(e) => set('sort', e.currentTarget.value === '-createdAt' ? '' : e.currentTarget.value)}
        data={USER_SORTS.map((value) => ({ value, label: sortLabels[value] }))}
      />
      {anyFilter && (
        <Group align="flex-end">
          <Button
            variant="subtle"
            onClick={() => url.update(Object.fromEntries(USER_FILTER_KEYS.map((k) => [k, null])), ['page'])}
          >
            {w.clearFilters}
          </Button>
        </Group>
      )}
    </SimpleGrid>
  );
}
