import { Button, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { useUrlState } from '../../components/url-state';
import { defineMessages, useFormat, useMessages } from '../../i18n/i18n';
import { InvoiceDownloadButton } from './billing/InvoiceDownloadButton';
import { billingKeys } from './billing/queries';
import { billingWords } from './billing/words';

const PAGE_SIZE = 20;

const m = defineMessages({
  en: {
    description: 'An invoice for every successful top-up and every charge for your apps, as PDF.',
    number: 'Number',
    issued: 'Issued',
    items: 'Items',
    total: 'Total',
    method: 'Paid with',
    credit: 'Credit',
    pdf: 'PDF',
    none: 'No invoices yet: you get one for each successful top-up and each charge for an app.',
    back: 'Back to billing',
  },
  id: {
    description: 'Faktur untuk setiap isi saldo yang berhasil dan setiap biaya aplikasi Anda, dalam PDF.',
    number: 'Nomor',
    issued: 'Diterbitkan',
    items: 'Rincian',
    total: 'Total',
    method: 'Dibayar dengan',
    credit: 'Saldo',
    pdf: 'PDF',
    none: 'Belum ada faktur: Anda mendapatkannya untuk setiap isi saldo yang berhasil dan setiap biaya aplikasi.',
    back: 'Kembali ke tagihan',
  },
});

/** /billing/invoices: the user's invoices, newest first, paged by the API, each with its PDF. */
export default function InvoicesPage() {
  const t = useMessages(m);
  const words = useMessages(billingWords);
  const f = useFormat();
  const url = useUrlState();
  const page = url.getInt('page', 1);
  const query = { page, pageSize: PAGE_SIZE };
  const invoices = useQuery({
    queryKey: billingKeys.invoices(query),
    queryFn: () => call(api.GET('/api/v1/billing/invoices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const method = (value: string | null) => (!value ? '—' : value === 'credit' ? t.credit : value.replaceAll('_', ' '));
  return (
    <>
      <PageHeader
        title={words.invoices}
        description={t.description}
        actions={
          <>
            <Button component={Link} to="/billing" variant="default">
              {t.back}
            </Button>
            <Button component={Link} to="/billing/transactions" variant="default">
              {words.transactions}
            </Button>
          </>
        }
      />
      <QueryState query={invoices} isEmpty={(data) => data.total === 0} empty={t.none}>
        {(data) => (
          <>
            <ScrollTable minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.number}</Table.Th>
                    <Table.Th>{t.issued}</Table.Th>
                    <Table.Th>{t.items}</Table.Th>
                    <Table.Th>{t.method}</Table.Th>
                    <Table.Th ta="right">{t.total}</Table.Th>
                    <Table.Th>{t.pdf}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((invoice) => (
                    <Table.Tr key={invoice.id}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {invoice.number}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.date(invoice.issuedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {invoice.lines.map((line) => line.description).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{method(invoice.paymentMethod)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {f.idr(invoice.total)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <InvoiceDownloadButton invoice={invoice} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onChange={(p) => url.update({ page: p > 1 ? p : null })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
