import { Anchor, Box, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { appsMessages } from './messages';
import { renewalText } from './renewal';

/** The subscriptions as a table: the app's name (a link to its page) first, then plan, statuses, renewal, address. */
export function SubscriptionsTable({ items }: { items: Schemas['Subscription'][] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  return (
    <ScrollTable minWidth={860}>
      <Table striped highlightOnHover aria-label={t.subscriptionsTable}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.app}</Table.Th>
            <Table.Th scope="col">{t.plan}</Table.Th>
            <Table.Th scope="col">{t.statusFilter}</Table.Th>
            <Table.Th scope="col">{t.pod}</Table.Th>
            <Table.Th scope="col">{t.renewal}</Table.Th>
            <Table.Th scope="col">{t.autoRenew}</Table.Th>
            <Table.Th scope="col">{t.address}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/subscriptions/${s.id}`} fw={600}>
                  {s.name}
                </Anchor>
                {s.service && (
                  <Text size="xs" c="dimmed">
                    {s.service.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.plan ? (
                  <>
                    <Text size="sm">{s.plan.name}</Text>
                    <Text size="xs" c="dimmed">
                      {f.idr(s.priceIdr)}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Box w="max-content">
                  <StatusBadge status={s.status} />
                </Box>
              </Table.Td>
              <Table.Td>
                <Box w="max-content">
                  <StatusBadge status={s.pod.status} />
                </Box>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{renewalText(s, t, f)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.autoRenew && !s.cancelAtPeriodEnd ? t.on : t.off}</Text>
              </Table.Td>
              <Table.Td>
                <AppLink subscription={s} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The app's address: a link (new tab) while it lives, plain text once it ended. */
export function AppLink({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  if (s.status === 'TERMINATED' || s.status === 'FAILED') {
    return (
      <Text size="sm" c="dimmed">
        {s.host}
      </Text>
    );
  }
  return (
    <Anchor href={s.url} target="_blank" rel="noopener noreferrer" size="sm" aria-label={t.openApp(s.host)}>
      {s.host}
    </Anchor>
  );
}
