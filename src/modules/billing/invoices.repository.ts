import { and, asc, count, desc, eq, gte, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor, Tx } from '../../platform/db/db.js';
import { invoiceCounters, invoices, transactions } from './billing.tables.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoice = Omit<InvoiceRow, 'id' | 'createdAt'>;

/** The money events that get an invoice once they succeed. */
export const INVOICED_TYPES = ['TOPUP', 'SUBSCRIPTION_CHARGE'] as const;

export interface InvoiceCandidate {
  id: string;
  userId: string;
  type: (typeof INVOICED_TYPES)[number];
  amount: number;
  description: string;
  paymentMethod: string | null;
  reference: string | null;
  subscriptionId: string | null;
  completedAt: Date | null;
}

const idIn = (column: SQL | typeof transactions.id, ids: readonly string[]) =>
  sql`${column} = any(${sql.param([...ids])}::uuid[])`;

/**
 * Of `transactionIds`, the successful top-ups and subscription charges that have no invoice yet, in the
 * order they happened (the order their numbers are given in).
 */
export async function invoiceCandidates(tx: Tx, transactionIds: readonly string[]): Promise<InvoiceCandidate[]> {
  if (transactionIds.length === 0) return [];
  const rows = await tx
    .select({
      id: transactions.id,
      userId: transactions.userId,
      type: transactions.type,
      amount: transactions.amount,
      description: transactions.description,
      paymentMethod: transactions.paymentMethod,
      reference: transactions.reference,
      subscriptionId: transactions.subscriptionId,
      completedAt: transactions.completedAt,
    })
    .from(transactions)
    .leftJoin(invoices, eq(invoices.transactionId, transactions.id))
    .where(
      and(
        idIn(transactions.id, transactionIds),
        eq(transactions.status, 'SUCCESS'),
        sql`${transactions.type} in ('TOPUP', 'SUBSCRIPTION_CHARGE')`,
        isNull(invoices.id),
      ),
    )
    .orderBy(asc(transactions.createdAt), asc(transactions.id));
  return rows as InvoiceCandidate[];
}

/**
 * Takes `count` consecutive numbers of `month` and returns the last one. The upsert locks the month's
 * counter row until the caller's transaction ends: concurrent issuers queue here, and a rollback gives
 * the numbers back with everything else, so a month's numbers never have a gap or a duplicate.
 */
export async function takeInvoiceNumbers(tx: Tx, month: string, howMany: number, now: Date): Promise<number> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ month, lastNumber: howMany, updatedAt: now })
    .onConflictDoUpdate({
      target: invoiceCounters.month,
      set: { lastNumber: sql`${invoiceCounters.lastNumber} + excluded.last_number`, updatedAt: now },
    })
    .returning({ lastNumber: invoiceCounters.lastNumber });
  return row!.lastNumber;
}

/** Inserts the invoices in one statement (one JSON parameter, whatever their number). */
export async function insertInvoices(tx: Tx, rows: NewInvoice[]): Promise<InvoiceRow[]> {
  if (rows.length === 0) return [];
  const result = await tx.execute<{ id: string; transaction_id: string; created_at: string | Date }>(sql`
    insert into invoices (number, user_id, transaction_id, issued_at, currency, seller, buyer, lines, subtotal, tax, total, payment_method)
    select r.number, r.user_id, r.transaction_id, r.issued_at, r.currency, r.seller, r.buyer, r.lines, r.subtotal, r.tax, r.total, r.payment_method
    from jsonb_to_recordset(${JSON.stringify(
      rows.map((r) => ({
        number: r.number,
        user_id: r.userId,
        transaction_id: r.transactionId,
        issued_at: r.issuedAt.toISOString(),
        currency: r.currency,
        seller: r.seller,
        buyer: r.buyer,
        lines: r.lines,
        subtotal: r.subtotal,
        tax: r.tax,
        total: r.total,
        payment_method: r.paymentMethod,
      })),
    )}::jsonb) as r(number text, user_id uuid, transaction_id uuid, issued_at timestamptz, currency text,
      seller jsonb, buyer jsonb, lines jsonb, subtotal bigint, tax bigint, total bigint, payment_method text)
    returning id, transaction_id, created_at`);
  const inserted = new Map(result.rows.map((r) => [r.transaction_id, r]));
  return rows.map((r) => {
    const row = inserted.get(r.transactionId)!;
    return { ...r, id: row.id, createdAt: new Date(row.created_at) };
  });
}

export async function findInvoiceByTransaction(executor: DbExecutor, transactionId: string) {
  const [row] = await executor.select().from(invoices).where(eq(invoices.transactionId, transactionId));
  return row;
}

/** One of the user's invoices (another user's is as absent as a missing one). */
export async function findUserInvoice(executor: DbExecutor, userId: string, id: string) {
  const [row] = await executor
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.userId, userId)));
  return row;
}

export interface InvoiceFilters {
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The user's invoices, newest first. */
export async function listUserInvoices(
  executor: DbExecutor,
  userId: string,
  filters: InvoiceFilters,
): Promise<{ items: InvoiceRow[]; total: number }> {
  const conditions: SQL[] = [eq(invoices.userId, userId)];
  if (filters.from) conditions.push(gte(invoices.issuedAt, filters.from));
  if (filters.to) conditions.push(lt(invoices.issuedAt, filters.to));
  const where = and(...conditions);
  const [items, [totals]] = await Promise.all([
    executor
      .select()
      .from(invoices)
      .where(where)
      .orderBy(desc(invoices.issuedAt), desc(invoices.number))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    executor.select({ total: count() }).from(invoices).where(where),
  ]);
  return { items, total: totals?.total ?? 0 };
}
