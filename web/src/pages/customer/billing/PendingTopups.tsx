import { Paper, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { common } from '../../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { billingKeys } from './queries';
import { TopupActions } from './TopupActions';

const PAGE_SIZE = 5;

const m = defineMessages({
  en: {
    title: 'Waiting for payment',
    none: 'No top-up is waiting for payment.',
    payBy: 'Pay by',
  },
  id: {
    title: 'Menunggu pembayaran',
    none: 'Tidak ada isi saldo yang menunggu pembayaran.',
    payBy: 'Bayar sebelum',
  },
});

/** The user's PENDING top-ups (newest first, paged by the API), each with Pay and Cancel. */
export function PendingTopups() {
  const t = useMessages(m);
  const c = useMessages(common);
  const f = useFormat();
  const [page, setPage] = useState(1);
  const query = { type: 'TOPUP' as const, status: 'PENDING' as const, page, pageSize: PAGE_SIZE };
  const pending = useQuery({
    queryKey: billingKeys.transactions(query),
    queryFn: () => call(api.GET('/api/v1/billing/transactions', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder p="md" h="100%">
      <Title order={2} size="h4" mb="sm">
        {t.title}
      </Title>
      <QueryState query={pending} isEmpty={(data) => data.total === 0} empty={t.none}>
        {(data) => (
          <>
            <ScrollTable minWidth={420}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{c.created}</Table.Th>
                    <Table.Th ta="right">{c.amount}</Table.Th>
                    <Table.Th>{t.payBy}</Table.Th>
                    <Table.Th>{c.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((transaction) => (
                    <Table.Tr key={transaction.id}>
                      <Table.Td>
                        <Text size="sm">{f.dateTime(transaction.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600}>
                          {f.idr(transaction.amount)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.dateTime(transaction.payment?.expiresAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <TopupActions transaction={transaction} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
