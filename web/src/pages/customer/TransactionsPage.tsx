import { Button, Paper, Select, SimpleGrid, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useUrlState } from '../../components/url-state';
import { common } from '../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../i18n/i18n';
import { billingKeys } from './billing/queries';
import { TransactionDrawer } from './billing/TransactionDetails';
import {
  billingWords,
  statusLabel,
  TRANSACTION_STATUSES,
  TRANSACTION_TYPES,
  type Transaction,
  typeLabel,
} from './billing/words';

const PAGE_SIZE = 20;

const m = defineMessages({
  en: {
    intro: 'Every change to your balance: top-ups, charges for your apps, refunds and adjustments.',
    description: 'Description',
    type: 'Type',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
    fromAfterTo: 'Must not be after the To date',
    date: 'Date',
    none: 'No transactions yet.',
    noneMatch: 'No transaction matches these filters.',
    details: (what: string, date: string) => `Details of ${what} (${date})`,
    back: 'Back to billing',
  },
  id: {
    intro: 'Setiap perubahan saldo Anda: isi saldo, biaya aplikasi, pengembalian dana, dan penyesuaian.',
    description: 'Keterangan',
    type: 'Jenis',
    from: 'Dari',
    to: 'Sampai',
    clear: 'Hapus filter',
    fromAfterTo: 'Tidak boleh setelah tanggal Sampai',
    date: 'Tanggal',
    none: 'Belum ada transaksi.',
    noneMatch: 'Tidak ada transaksi yang cocok dengan filter ini.',
    details: (what: string, date: string) => `Rincian ${what} (${date})`,
    back: 'Kembali ke tagihan',
  },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A day typed in a date field, as the instant its start (`from`) or end (`to`) is in the browser's time zone. */
const dayStart = (day: string) => (DATE.test(day) ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => (DATE.test(day) ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

/** /billing/transactions: the API's pages and filters (type, status, dates) kept in the address. */
export default function TransactionsPage() {
  const t = useMessages(m);
  const c = useMessages(common);
  const words = useMessages(billingWords);
  const url = useUrlState();
  const { params } = url;
  const [open, setOpen] = useState<Transaction | null>(null);
  const type = TRANSACTION_TYPES.find((v) => v === params.get('type'));
  const status = TRANSACTION_STATUSES.find((v) => v === params.get('status'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filtered = Boolean(type || status || from || to);
  // The API refuses a range that ends before it starts (400): said on the field, not asked.
  const rangeError = from && to && from > to ? t.fromAfterTo : null;
  const query = { type, status, from: dayStart(from), to: dayEnd(to), page, pageSize: PAGE_SIZE };
  const transactions = useQuery({
    queryKey: billingKeys.transactions(query),
    queryFn: () => call(api.GET('/api/v1/billing/transactions', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: !rangeError,
  });
  /** Changes one filter (or the page); any filter change goes back to page 1. */
  const set = (name: string, value: string | null) => url.update({ [name]: value }, ['page']);
  // The drawer shows the row as the list last fetched it (a cancel or payment refetches the list).
  const current = open ? (transactions.data?.items.find((i) => i.id === open.id) ?? open) : null;

  return (
    <>
      <PageHeader
        title={words.transactions}
        description={t.intro}
        actions={
          <>
            <Button component={Link} to="/billing" variant="default">
              {t.back}
            </Button>
            <Button component={Link} to="/billing/invoices" variant="default">
              {words.invoices}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Select
            label={t.type}
            value={type ?? ''}
            onChange={(v) => set('type', v || null)}
            data={[
              { value: '', label: c.all },
              ...TRANSACTION_TYPES.map((v) => ({ value: v, label: typeLabel(words, v) })),
            ]}
            allowDeselect={false}
          />
          <Select
            label={c.status}
            value={status ?? ''}
            onChange={(v) => set('status', v || null)}
            data={[
              { value: '', label: c.all },
              ...TRANSACTION_STATUSES.map((v) => ({ value: v, label: statusLabel(words, v) })),
            ]}
            allowDeselect={false}
          />
          <TextInput
            label={t.from}
            type="date"
            value={from}
            max={to || undefined}
            error={rangeError}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            label={t.to}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
        </SimpleGrid>
        {filtered && (
          <Button
            variant="subtle"
            mt="sm"
            onClick={() => url.update({ type: null, status: null, from: null, to: null }, ['page'])}
          >
            {t.clear}
          </Button>
        )}
      </Paper>
      {!rangeError && (
        <QueryState query={transactions} isEmpty={(data) => data.total === 0} empty={filtered ? t.noneMatch : t.none}>
          {(data) => (
            <>
              <ScrollTable minWidth={720}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.date}</Table.Th>
                      <Table.Th>{t.type}</Table.Th>
                      <Table.Th>{t.description}</Table.Th>
                      <Table.Th ta="right">{c.amount}</Table.Th>
                      <Table.Th>{c.status}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{c.actions}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((row) => (
                      <TransactionRow key={row.id} transaction={row} onOpen={() => setOpen(row)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onChange={(p) => set('page', String(p))}
              />
            </>
          )}
        </QueryState>
      )}
      <TransactionDrawer transaction={current} onClose={() => setOpen(null)} />
    </>
  );
}

function TransactionRow({ transaction, onOpen }: { transaction: Transaction; onOpen: () => void }) {
  const t = useMessages(m);
  const c = useMessages(common);
  const words = useMessages(billingWords);
  const f = useFormat();
  const kind = typeLabel(words, transaction.type);
  const date = f.dateTime(transaction.createdAt);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{date}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{kind}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {transaction.description}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {transaction.amount > 0 ? `+${f.idr(transaction.amount)}` : f.idr(transaction.amount)}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={transaction.status} label={statusLabel(words, transaction.status)} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="subtle" onClick={onOpen} aria-label={t.details(kind, date)}>
          {c.details}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
