import { Button, Code, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { StatusBadge } from '../../../components/StatusBadge';
import { common } from '../../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { InvoiceDownloadButton } from './InvoiceDownloadButton';
import { billingKeys } from './queries';
import { TopupActions } from './TopupActions';
import { billingWords, statusLabel, type Transaction, typeLabel } from './words';

const m = defineMessages({
  en: {
    title: 'Transaction',
    id: 'Transaction id',
    type: 'Type',
    description: 'Description',
    method: 'Payment method',
    reference: 'Reference',
    reason: 'Reason',
    related: 'Related transaction',
    updated: 'Updated',
    completed: 'Completed',
    payBy: 'Pay by',
    invoice: 'Invoice',
    noInvoice: 'No invoice: only successful top-ups and subscription charges get one.',
    allInvoices: 'All invoices',
  },
  id: {
    title: 'Transaksi',
    id: 'ID transaksi',
    type: 'Jenis',
    description: 'Keterangan',
    method: 'Metode pembayaran',
    reference: 'Referensi',
    reason: 'Alasan',
    related: 'Transaksi terkait',
    updated: 'Diperbarui',
    completed: 'Selesai',
    payBy: 'Bayar sebelum',
    invoice: 'Faktur',
    noInvoice: 'Tidak ada faktur: hanya isi saldo yang berhasil dan biaya langganan yang mendapatkannya.',
    allInvoices: 'Semua faktur',
  },
});

/** A transaction's every field, its invoice (if any) and, for a PENDING top-up, Pay and Cancel. */
export function TransactionDrawer({ transaction, onClose }: { transaction: Transaction | null; onClose: () => void }) {
  const t = useMessages(m);
  return (
    <Drawer opened={transaction !== null} onClose={onClose} position="right" title={t.title} size="md">
      {transaction && <Details transaction={transaction} />}
    </Drawer>
  );
}

function Details({ transaction }: { transaction: Transaction }) {
  const t = useMessages(m);
  const c = useMessages(common);
  const words = useMessages(billingWords);
  const f = useFormat();
  const rows: [string, ReactNode][] = [
    [t.id, <Code key="id">{transaction.id}</Code>],
    [t.type, typeLabel(words, transaction.type)],
    [c.status, <StatusBadge key="status" status={transaction.status} label={statusLabel(words, transaction.status)} />],
    [
      c.amount,
      <Text key="amount" fw={700} size="sm">
        {f.idr(transaction.amount)}
      </Text>,
    ],
    [t.description, transaction.description],
    [c.created, f.dateTime(transaction.createdAt)],
    [t.updated, f.dateTime(transaction.updatedAt)],
    [t.completed, f.dateTime(transaction.completedAt)],
  ];
  if (transaction.paymentMethod) rows.push([t.method, transaction.paymentMethod.replaceAll('_', ' ')]);
  if (transaction.reference) rows.push([t.reference, <Code key="ref">{transaction.reference}</Code>]);
  if (transaction.reason) rows.push([t.reason, transaction.reason]);
  if (transaction.relatedTransactionId)
    rows.push([t.related, <Code key="related">{transaction.relatedTransactionId}</Code>]);
  if (transaction.payment) rows.push([t.payBy, f.dateTime(transaction.payment.expiresAt)]);
  return (
    <Stack>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TopupActions transaction={transaction} />
      {transaction.status === 'SUCCESS' && <InvoiceOf transactionId={transaction.id} />}
    </Stack>
  );
}

function InvoiceOf({ transactionId }: { transactionId: string }) {
  const t = useMessages(m);
  const f = useFormat();
  const query = { transactionId, page: 1, pageSize: 1 };
  const invoice = useQuery({
    queryKey: billingKeys.invoices(query),
    queryFn: () => call(api.GET('/api/v1/billing/invoices', { params: { query } })),
  });
  return (
    <Stack gap="xs">
      <Text fw={700} size="sm">
        {t.invoice}
      </Text>
      <QueryState query={invoice} isEmpty={(data) => data.items.length === 0} empty={t.noInvoice}>
        {(data) => {
          const found = data.items[0]!;
          return (
            <Group gap="sm" wrap="wrap">
              <Text size="sm">
                {found.number} · {f.date(found.issuedAt)} · {f.idr(found.total)}
              </Text>
              <InvoiceDownloadButton invoice={found} />
              <Button component={Link} to="/billing/invoices" variant="subtle" size="compact-sm">
                {t.allInvoices}
              </Button>
            </Group>
          );
        }}
      </QueryState>
    </Stack>
  );
}
