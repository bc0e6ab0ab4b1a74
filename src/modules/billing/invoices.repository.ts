import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor, Tx } from '../../platform/db/db.js';
import { invoiceCounters, invoices, transactions } from './billing.tables.js';

export type InvoiceRow = typeof invoices.$inferSelect;

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/**
 * The transaction `id` as a subquery that PostgreSQL cannot flatten (`offset 0`), so each wanted id is
 * one primary-key look-up: joined plainly, a planner misled by stale statistics on (type, status) hashed
 * every successful transaction ever made (85,000 rows, spilling to disk, in the charge-run bench).
 */
const byId = (id: SQL) => sql`select * from ${transactions} where ${transactions.id} = ${id} offset 0`;

/**
 * Of `transactionIds`, the owners of the successful top-ups and subscription charges that have no
 * invoice yet (whose buyer details the invoices will need).
 */
export async function invoiceBuyerIds(tx: Tx, transactionIds: readonly string[]): Promise<string[]> {
  if (transactionIds.length === 0) return [];
  const { rows } = await tx.execute<{ user_id: string }>(sql`
    select distinct t.user_id
    from unnest(${uuids(transactionIds)}) as wanted(id)
    cross join lateral (${byId(sql`wanted.id`)}) t
    where t.status = 'SUCCESS' and t.type in ('TOPUP', 'SUBSCRIPTION_CHARGE')
      and not exists (select 1 from ${invoices} i where i.transaction_id = t.id)`);
  return rows.map((r) => r.user_id);
}

export interface IssuedInvoice {
  id: string;
  /** Null until the issuing transaction commits when numbered `at-commit` (the number is given then). */
  number: string | null;
  transactionId: string;
}

/**
 * Writes, in ONE statement whatever their number, the invoices of those of `transactionIds` that are
 * successful top-ups or subscription charges without one: lines, totals and payment method from each
 * transaction, with the seller's and buyers' snapshots, in `month`'s series.
 *
 * Numbered `at-commit` (the default), they are written without a number, and the database numbers them as
 * the caller's transaction commits (migrations 0009-0010: a deferred trigger takes the month's counter then,
 * after everything else the transaction locked). Numbered `now`, this statement takes the numbers from the
 * counter, whose row stays locked until the caller's transaction ends: for a batch written as the last
 * step of its transaction, which would otherwise pay to update every invoice again at COMMIT. Either way
 * gap-free (the counter and the numbers commit together or not at all), in the order the transactions
 * happened; a month past 999,999 invoices gets seven digits, never a truncated number.
 */
export async function issueInvoiceRows(
  tx: Tx,
  input: {
    transactionIds: readonly string[];
    month: string;
    now: Date;
    seller: Record<string, unknown>;
    buyers: { userId: string; buyer: Record<string, unknown> }[];
    numbered?: 'at-commit' | 'now';
  },
): Promise<IssuedInvoice[]> {
  if (input.transactionIds.length === 0) return [];
  // The buyers as one object keyed by user id, looked up per invoice: no join for the planner to get wrong
  // (estimating one candidate, it once compared 9,500 of them with 5,000 buyers each, for 6 s).
  const buyers = JSON.stringify(Object.fromEntries(input.buyers.map((b) => [b.userId, b.buyer])));
  const now = input.numbered === 'now';
  const sequence = sql`c.before + d.n`;
  const { rows } = await tx.execute<{ id: string; number: string | null; transaction_id: string }>(sql`
    with candidates as (
      select t.id, t.user_id, t.type, t.amount, t.description, t.payment_method, t.reference, abs(t.amount) as total,
             case when t.type = 'TOPUP' then 'Kapal credit top-up'
                  else coalesce(nullif(t.description, ''), 'Subscription charge' || coalesce(' (' || t.reference || ')', ''))
             end as line${now ? sql`, row_number() over (order by t.created_at, t.id) as n` : sql``}
      from unnest(${uuids(input.transactionIds)}) as wanted(id)
      cross join lateral (${byId(sql`wanted.id`)}) t
      where t.status = 'SUCCESS' and t.type in ('TOPUP', 'SUBSCRIPTION_CHARGE')
        and not exists (select 1 from ${invoices} i where i.transaction_id = t.id)
    )${
      now
        ? sql`,
    counter as (
      insert into ${invoiceCounters} (month, last_number, updated_at)
      select ${input.month}, count(*), ${input.now} from candidates having count(*) > 0
      on conflict (month) do update
        set last_number = ${invoiceCounters.lastNumber} + excluded.last_number, updated_at = excluded.updated_at
      returning last_number - (select count(*) from candidates) as before
    )`
        : sql``
    }
    insert into ${invoices} (number, month, user_id, transaction_id, issued_at, currency, seller, buyer, lines,
                             subtotal, tax, total, payment_method)
    select ${
      now
        ? sql`'INV-' || ${input.month} || '-' || case when ${sequence} < 1000000 then lpad((${sequence})::text, 6, '0') else (${sequence})::text end`
        : sql`null`
    },
           ${input.month}, d.user_id, d.id, ${input.now}, 'IDR', ${JSON.stringify(input.seller)}::jsonb,
           coalesce(${buyers}::jsonb -> d.user_id::text, jsonb_build_object('name', 'Unknown')),
           jsonb_build_array(jsonb_build_object('description', d.line, 'quantity', 1, 'unitPrice', d.total, 'amount', d.total)),
           d.total, 0, d.total,
           coalesce(d.payment_method, case when d.type = 'TOPUP' then 'midtrans' else 'credit' end)
    from candidates d${now ? sql` cross join counter c order by d.n` : sql``}
    returning id, number, transaction_id`);
  return rows.map((r) => ({ id: r.id, number: r.number, transactionId: r.transaction_id }));
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
  transactionId?: string;
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
  if (filters.transactionId) conditions.push(eq(invoices.transactionId, filters.transactionId));
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
