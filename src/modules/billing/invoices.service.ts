import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { findAccounts } from '../accounts/index.js';
import { monthKey } from './billing-calendar.js';
import type { InvoiceView } from './invoices.http.js';
import type { InvoiceDocument, InvoiceLine, InvoiceParty, InvoiceRenderer } from './invoices.pdf.js';
import {
  findInvoiceByTransaction,
  findUserInvoice,
  type InvoiceFilters,
  type InvoiceRow,
  type IssuedInvoice,
  invoiceBuyerIds,
  issueInvoiceRows,
  listUserInvoices,
} from './invoices.repository.js';

/** The seller printed on every invoice (configuration: SELLER_*), snapshotted when each is issued. */
export interface Seller {
  name: string;
  address?: string;
  email?: string;
  phone?: string;
  taxId?: string;
}

export interface Invoice extends InvoiceDocument {
  id: string;
  userId: string;
  currency: string;
}

const withoutEmpty = (party: InvoiceParty): InvoiceParty =>
  Object.fromEntries(
    Object.entries(party).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as InvoiceParty;

/** An invoice as the transaction that issued it sees it: its number comes when that transaction commits. */
export type IssuingInvoice = Omit<Invoice, 'number'> & { number: string | null };

function toIssuingInvoice(row: InvoiceRow): IssuingInvoice {
  return {
    id: row.id,
    number: row.number,
    userId: row.userId,
    transactionId: row.transactionId,
    issuedAt: row.issuedAt,
    currency: row.currency,
    seller: row.seller as unknown as InvoiceParty,
    buyer: row.buyer as unknown as InvoiceParty,
    lines: row.lines as unknown as InvoiceLine[],
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    paymentMethod: row.paymentMethod,
  };
}

/** A committed invoice (every one outside its issuing transaction has its number). */
export function toInvoice(row: InvoiceRow): Invoice {
  const { number, ...invoice } = toIssuingInvoice(row);
  if (number === null) {
    throw new Error(`Invoice ${row.id} was read inside the transaction issuing it: it has no number before COMMIT`);
  }
  return { ...invoice, number };
}

export const toInvoiceView = (invoice: Invoice): InvoiceView => ({
  id: invoice.id,
  number: invoice.number,
  transactionId: invoice.transactionId,
  issuedAt: invoice.issuedAt.toISOString(),
  currency: 'IDR',
  seller: invoice.seller,
  buyer: invoice.buyer,
  lines: invoice.lines,
  subtotal: invoice.subtotal,
  tax: invoice.tax,
  total: invoice.total,
  paymentMethod: invoice.paymentMethod,
  pdfUrl: `/billing/invoices/${invoice.id}/pdf`,
});

/** `INV-202611-000123.pdf`: the file name a browser saves the PDF under. */
export const invoiceFileName = (invoice: Pick<Invoice, 'number'>) => `${invoice.number}.pdf`;

/**
 * Invoices: issued inside the caller's transaction (the one that makes a top-up SUCCESS or commits a
 * subscription charge), numbered gap-free per month in the billing time zone, never changed afterwards
 * (the table's trigger refuses UPDATE and DELETE). Users read their own; another user's is a 404.
 */
export function createInvoiceService(deps: {
  database: Pick<Database, 'db'>;
  clock: Clock;
  seller: Seller;
  timeZone: string;
  renderer: InvoiceRenderer;
}) {
  const seller = withoutEmpty(deps.seller);

  /**
   * Issues the invoices of those of `transactionIds` that are successful top-ups or subscription charges
   * without one yet; returns the new ones, numbered when the transaction commits, or at once with
   * `numbered: 'now'` (see issueInvoiceRows). At most three statements
   * whatever the number (a renewal run issues thousands at once): whose they are (skipped when the caller
   * names the owners in `buyerIds`, as the ledger does), those buyers (accounts' index), and one that writes them all.
   */
  async function issueInvoices(
    tx: Tx,
    {
      transactionIds,
      buyerIds,
      numbered,
    }: { transactionIds: readonly string[]; buyerIds?: readonly string[]; numbered?: 'at-commit' | 'now' },
  ): Promise<IssuedInvoice[]> {
    if (transactionIds.length === 0) return [];
    const owners = buyerIds ? [...new Set(buyerIds)] : await invoiceBuyerIds(tx, transactionIds);
    if (owners.length === 0) return [];
    const buyers = (await findAccounts(tx, owners)).map((a) => ({
      userId: a.id,
      buyer: { ...withoutEmpty({ name: a.name, email: a.email, phone: a.phone ?? undefined }) },
    }));
    const now = deps.clock.now();
    return issueInvoiceRows(tx, {
      transactionIds,
      month: monthKey(deps.timeZone, now),
      now,
      seller: { ...seller },
      buyers,
      numbered,
    });
  }

  return {
    issueInvoices,

    /**
     * The invoice of one successful top-up or subscription charge: issued now in `tx` (numbered when `tx`
     * commits), or the one it already has (safe to call twice). Throws for a transaction that is not
     * invoiced (not yet successful, or a refund or adjustment): a caller's bug, not a user's.
     */
    async issueInvoice(tx: Tx, { transactionId }: { transactionId: string }): Promise<IssuingInvoice> {
      await issueInvoices(tx, { transactionIds: [transactionId] });
      const existing = await findInvoiceByTransaction(tx, transactionId);
      if (!existing) {
        throw new Error(
          `Transaction ${transactionId} gets no invoice: only a successful top-up or subscription charge does`,
        );
      }
      return toIssuingInvoice(existing);
    },

    async list(userId: string, filters: InvoiceFilters) {
      const { items, total } = await listUserInvoices(deps.database.db, userId, filters);
      return { items: items.map(toInvoice), total };
    },

    async get(userId: string, id: string): Promise<Invoice> {
      const row = await findUserInvoice(deps.database.db, userId, id);
      if (!row) throw notFound('Invoice');
      return toInvoice(row);
    },

    async pdf(userId: string, id: string): Promise<{ invoice: Invoice; pdf: Buffer }> {
      const row = await findUserInvoice(deps.database.db, userId, id);
      if (!row) throw notFound('Invoice');
      const invoice = toInvoice(row);
      return { invoice, pdf: await deps.renderer.render(invoice) };
    },
  };
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
