import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Schemas } from '../../../../api/client';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { Tag } from '../shared/Tag';
import { usersMessages } from './messages';

type User = Schemas['User'];

/** The page's users: a checkbox per row for bulk actions, the email opens the user's drawer. */
export function UsersTable({
  users,
  selected,
  onToggle,
  onToggleAll,
  sort,
}: {
  users: User[];
  selected: Map<string, string>;
  onToggle: (user: User, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  sort: string;
}) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const location = useLocation();
  const linkTo = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('user', id);
    return { search: `?${params}` };
  };
  const selectedHere = users.filter((u) => selected.has(u.id)).length;
  const ariaSort = (field: string): 'ascending' | 'descending' | undefined =>
    sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  return (
    <ScrollTable minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t.selectAll}
                checked={users.length > 0 && selectedHere === users.length}
                indeterminate={selectedHere > 0 && selectedHere < users.length}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th aria-sort={ariaSort('email')}>{t.email}</Table.Th>
            <Table.Th aria-sort={ariaSort('name')}>{t.name}</Table.Th>
            <Table.Th>{t.role}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.verified}</Table.Th>
            <Table.Th aria-sort={ariaSort('lastLoginAt')}>{t.lastLogin}</Table.Th>
            <Table.Th aria-sort={ariaSort('createdAt')}>{t.signedUp}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" bg={selected.has(user.id) ? 'blue.0' : undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t.select(user.email)}
                  checked={selected.has(user.id)}
                  onChange={(e) => onToggle(user, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={linkTo(user.id)} size="sm" fw={500}>
                  {user.email}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.name}</Text>
              </Table.Td>
              <Table.Td>
                <Tag color="blue" filled={user.role === 'ADMINISTRATOR'}>
                  {w[user.role]}
                </Tag>
              </Table.Td>
              <Table.Td>
                <Tag color={user.isActive ? 'green' : 'gray'}>{user.isActive ? w.active : w.inactive}</Tag>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.emailVerified ? w.verified : w.unverified}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.lastLoginAt ? f.dateTime(user.lastLoginAt) : t.never}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.date(user.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
