import { Button } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { compact, useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { dayStartIso } from './business/shared/query-values';
import { SizedPager } from './business/shared/SizedPager';
import { BulkActions } from './business/users/BulkActions';
import { usersMessages } from './business/users/messages';
import { NewUserModal } from './business/users/NewUserModal';
import { UserDrawer } from './business/users/UserDrawer';
import { USER_SORTS, UserFilters, type UserSort } from './business/users/UserFilters';
import { UserStats } from './business/users/UserStats';
import { UsersTable } from './business/users/UsersTable';

/** /admin/users: the view (search, filters, sort, page, open user) lives in the address, so it can be shared. */
export default function UsersPage() {
  const t = useMessages(usersMessages);
  const url = useUrlState();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());

  const sortParam = url.get('sort');
  const sort: UserSort = (USER_SORTS as readonly string[]).includes(sortParam) ? (sortParam as UserSort) : '-createdAt';
  const role = url.get('role');
  const status = url.get('status');
  const from = url.get('from');
  const to = url.get('to');
  const view = {
    q: url.get('q').slice(0, 100),
    role: role === 'USER' || role === 'ADMINISTRATOR' ? role : undefined,
    status: status === 'active' || status === 'inactive' ? status : undefined,
    createdFrom: dayStartIso(from),
    // The "until" day is included: the API's bound is exclusive, so the next day's start.
    createdTo: dayStartIso(to, 1),
    sort,
    page: url.getInt('page', 1),
    pageSize: url.getInt('pageSize', 20, 100),
  } as const;
  const query = useQuery({
    queryKey: ['admin', 'users', 'list', view],
    queryFn: () => call(api.GET('/api/v1/admin/users', { params: { query: compact(view) } })),
    placeholderData: keepPreviousData,
  });

  // A different list (filters, page) starts with nothing selected: no hidden rows are acted on.
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    void viewKey;
    setSelected(new Map());
  }, [viewKey]);

  const toggle = (user: Schemas['User'], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(user.id, user.email);
      else next.delete(user.id);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected(on ? new Map((query.data?.items ?? []).map((u) => [u.id, u.email])) : new Map());

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={<Button onClick={() => setCreating(true)}>{t.newUser}</Button>}
      />
      <UserStats />
      <UserFilters url={url} />
      <BulkActions selected={selected} onClear={() => setSelected(new Map())} />
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={t.noUsers}>
        {(page) => (
          <>
            <UsersTable users={page.items} selected={selected} onToggle={toggle} onToggleAll={toggleAll} sort={sort} />
            <SizedPager page={page} url={url} />
          </>
        )}
      </QueryState>
      <UserDrawer id={url.get('user')} onClose={() => url.update({ user: null })} />
      <NewUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          url.update({ user: id });
        }}
      />
    </>
  );
}
