import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../../api/client';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { Tag } from '../shared/Tag';
import { txMessages } from './messages';

type Tx = Schemas['AdminTransaction'];

const STATUS_COLOR = {
  PENDING: 'orange',
  SUCCESS: 'green',
  FAILED: 'red',
  EXPIRED: 'gray',
  CANCELLED: 'gray',
} as const;

export function TxStatus({ status }: { status: Tx['status'] }) {
  const t = useMessages(txMessages);
  return (
    <Tag color={STATUS_COLOR[status]} status={status}>
      {t[status]}
    </Tag>
  );
}

/** Transactions of any user: when, whose (a link to the user), type, status, signed amount, what, references. */
export function TxTable({ items, pending }: { items: Tx[]; pending?: boolean }) {
  const t = useMessages(txMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  return (
    <ScrollTable minWidth={960}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.when}</Table.Th>
            <Table.Th>{t.user}</Table.Th>
            {!pending && <Table.Th>{t.type}</Table.Th>}
            {!pending && <Table.Th>{t.status}</Table.Th>}
            <Table.Th style={{ textAlign: 'right' }}>{t.amount}</Table.Th>
            <Table.Th>{pending ? t.expires : t.descriptionCol}</Table.Th>
            <Table.Th>{pending ? t.orderId : t.reference}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((tx) => (
            <Table.Tr key={tx.id} data-testid="transaction-row">
              <Table.Td>
                <Text size="sm">{f.dateTime(tx.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                {tx.user ? (
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/admin/users?user=${tx.userId}`} size="sm">
                      {tx.user.email}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {tx.user.name}
                    </Text>
                  </Stack>
                ) : (
                  <Code>{tx.userId}</Code>
                )}
              </Table.Td>
              {!pending && (
                <Table.Td>
                  <Text size="sm">{t[tx.type]}</Text>
                </Table.Td>
              )}
              {!pending && (
                <Table.Td>
                  <TxStatus status={tx.status} />
                </Table.Td>
              )}
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {f.idr(tx.amount)}
                </Text>
              </Table.Td>
              <Table.Td>
                {pending ? (
                  <Text size="sm">{f.dateTime(tx.paymentExpiresAt)}</Text>
                ) : (
                  <Stack gap={0}>
                    <Text size="sm">{tx.description || w.none}</Text>
                    {tx.reason && (
                      <Text size="xs" c="dimmed">
                        {tx.reason}
                      </Text>
                    )}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {(pending ? tx.midtransOrderId : (tx.midtransOrderId ?? tx.reference)) ?? w.none}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
