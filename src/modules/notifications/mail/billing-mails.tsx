import { Button, Section, Text } from '@react-email/components';
import { defineMailTemplate } from './catalogue.js';
import { formatDay, formatRupiah } from './format.js';
import { button, paragraph } from './layout.js';

const hello = { id: 'Halo,', en: 'Hello,' } as const;

interface TopupMessages {
  subject: (amount: string) => string;
  received: (amount: string) => string;
  balance: (balance: string) => string;
  transaction: (id: string) => string;
  cta: string;
}

export const topupSucceededMail = defineMailTemplate<{
  transactionId: string;
  amountIdr: number;
  balanceIdr: number;
}>()<TopupMessages>({
  name: 'topup-succeeded',
  messages: {
    id: {
      subject: (amount) => `Isi saldo diterima: ${amount}`,
      received: (amount) => `Kami menerima isi saldo Anda sebesar ${amount}; dana sudah masuk ke saldo Kapal Anda.`,
      balance: (balance) => `Saldo Anda: ${balance}.`,
      transaction: (id) => `Transaksi: ${id}`,
      cta: 'Lihat transaksi',
    },
    en: {
      subject: (amount) => `Top-up received: ${amount}`,
      received: (amount) => `We received your top-up of ${amount}; it is in your Kapal credit now.`,
      balance: (balance) => `Your balance: ${balance}.`,
      transaction: (id) => `Transaction: ${id}`,
      cta: 'View transactions',
    },
  },
  subject: (m, d) => m.subject(formatRupiah(d.amountIdr)),
  preview: (m, d) => m.received(formatRupiah(d.amountIdr)),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>{m.received(formatRupiah(data.amountIdr))}</Text>
      <Text style={paragraph}>{m.balance(formatRupiah(data.balanceIdr))}</Text>
      <Text style={paragraph}>{m.transaction(data.transactionId)}</Text>
      <Section>
        <Button href={`${ctx.publicUrl}/billing`} style={button}>
          {m.cta}
        </Button>
      </Section>
    </>
  ),
  sample: { transactionId: '00000000-0000-4000-8000-000000000002', amountIdr: 150_000, balanceIdr: 170_000 },
});

interface InvoiceMessages {
  subject: (number: string) => string;
  attached: (number: string, day: string) => string;
  total: (amount: string) => string;
  cta: string;
}

/** Sent with the invoice's PDF attached (the billing module renders it; see billing.jobs.ts). */
export const invoiceMail = defineMailTemplate<{
  invoiceId: string;
  number: string;
  issuedAt: string;
  totalIdr: number;
}>()<InvoiceMessages>({
  name: 'invoice',
  messages: {
    id: {
      subject: (number) => `Faktur ${number} dari Kapal`,
      attached: (number, day) => `Terlampir faktur ${number} tertanggal ${day} (PDF).`,
      total: (amount) => `Total: ${amount}.`,
      cta: 'Lihat faktur',
    },
    en: {
      subject: (number) => `Invoice ${number} from Kapal`,
      attached: (number, day) => `Attached is invoice ${number} of ${day} (PDF).`,
      total: (amount) => `Total: ${amount}.`,
      cta: 'View invoices',
    },
  },
  subject: (m, d) => m.subject(d.number),
  preview: (m, d) => m.total(formatRupiah(d.totalIdr)),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>{m.attached(data.number, formatDay(data.issuedAt, ctx.locale, ctx.timeZone))}</Text>
      <Text style={paragraph}>{m.total(formatRupiah(data.totalIdr))}</Text>
      <Section>
        <Button href={`${ctx.publicUrl}/billing/invoices`} style={button}>
          {m.cta}
        </Button>
      </Section>
    </>
  ),
  sample: {
    invoiceId: '00000000-0000-4000-8000-000000000003',
    number: 'INV-202611-000123',
    issuedAt: '2026-11-30T03:00:00.000Z',
    totalIdr: 150_000,
  },
});
