import { Anchor, Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../../../../api/client';
import { useNestedModals } from '../../../../components/nested-modals';
import { QueryState } from '../../../../components/QueryState';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { Tag } from '../shared/Tag';
import { AdjustCredit } from './AdjustCredit';
import { DeleteUser } from './DeleteUser';
import { EditUserForm } from './EditUserForm';
import { usersMessages } from './messages';

export const userQueryKey = (id: string) => ['admin', 'users', 'detail', id];

/** One user (`?user=<id>` in the address): details, edit, credit adjustment, delete. */
export function UserDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useMessages(usersMessages);
  const nested = useNestedModals();
  const query = useQuery({
    queryKey: userQueryKey(id),
    queryFn: () => call(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
  return (
    <Drawer
      closeOnEscape={!nested.modalOpen}
      opened={id !== ''}
      onClose={onClose}
      position="right"
      size="lg"
      title={query.data ? query.data.email : t.user}
    >
      <nested.Provider>
        {id !== '' && (
          <QueryState query={query}>
            {(user) => (
              <Stack gap="lg">
                <UserFacts user={user} />
                <Anchor component={Link} to={`/admin/transactions?userId=${user.id}`} size="sm">
                  {t.transactionsLink}
                </Anchor>
                <Divider />
                <EditUserForm key={`${user.id}:${user.updatedAt}`} user={user} />
                <Divider />
                <AdjustCredit key={user.id} user={user} />
                <Divider />
                <DeleteUser user={user} onDeleted={onClose} />
              </Stack>
            )}
          </QueryState>
        )}
      </nested.Provider>
    </Drawer>
  );
}

function UserFacts({ user }: { user: Schemas['User'] }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const facts: [string, string][] = [
    [t.name, user.name],
    [t.phone, user.phone ?? w.none],
    [t.language, user.locale === 'en' ? 'English' : 'Bahasa Indonesia'],
    [t.signedUp, f.dateTime(user.createdAt)],
    [t.lastLogin, user.lastLoginAt ? f.dateTime(user.lastLoginAt) : t.never],
  ];
  if (user.deactivatedAt) facts.push([t.deactivatedAt, f.dateTime(user.deactivatedAt)]);
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Tag color="blue" filled={user.role === 'ADMINISTRATOR'}>
          {w[user.role]}
        </Tag>
        <Tag color={user.isActive ? 'green' : 'gray'}>{user.isActive ? w.active : w.inactive}</Tag>
        <Tag color={user.emailVerified ? 'green' : 'orange'}>{user.emailVerified ? w.verified : w.unverified}</Tag>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
