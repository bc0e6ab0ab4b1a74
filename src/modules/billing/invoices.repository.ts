import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor, Tx } from '../../platform/db/db.js';
import { invoices, transactions } from './billing.tables.js';

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
  /** Null until the issuing transaction commits: the number is given then (migration 0009). */
  number: string | null;
  transactionId: string;
}

/**
 * Writes, in ONE statement whatever their number, the invoices of those of `transactionIds` that are
 * successful top-ups or subscription charges without one: lines, totals and payment method from each
 * transaction, with the seller's and buyers' snapshots, in `month`'s series. They are written without a
 * number: the database numbers them, gap-free, as the caller's transaction commits (a deferred trigger
 * takes the month's counter then, in the order the transactions happened, and a rollback takes none).
 */
export async function issueInvoiceRows(
  tx: Tx,
  input: {
    transactionIds: readonly string[];
    month: string;
    now: Date;
    seller: Record<string, unknown>;
    buyers: { userId: string; buyer: Record<string, unknown> }[];
  },
): Promise<IssuedInvoice[]> {
  if (input.transactionIds.length === 0) return [];
  const { rows } = await tx.execute<{ id: string; number: string | null; transaction_id: string }>(sql`
    with candidates as (
      select t.id, t.user_id, t.type, t.amount, t.description, t.payment_method, t.reference, abs(t.amount) as total,
             case when t.type = 'TOPUP' then 'Kapal credit top-up'
                  else coalesce(nullif(t.description, ''), 'Subscription charge' || coalesce(' (' || t.reference || ')', ''))
             end as line
      from unnest(${uuids(input.transactionIds)}) as wanted(id)
      cross join lateral (${byId(sql`wanted.id`)}) t
      where t.status = 'SUCCESS' and t.type in ('TOPUP', 'SUBSCRIPTION_CHARGE')
        and not exists (select 1 from ${invoices} i where i.transaction_id = t.id)
    ),
    buyers as (
      select * from unnest(${uuids(input.buyers.map((b) => b.userId))},
                           ${sql.param(input.buyers.map((b) => JSON.stringify(b.buyer)))}::jsonb[]) as b(user_id, doc)
    )
    insert into ${invoices} (month, user_id, transaction_id, issued_at, currency, seller, buyer, lines,
                             subtotal, tax, total, payment_method)
    select ${input.month}, d.user_id, d.id, ${input.now}, 'IDR', ${JSON.stringify(input.seller)}::jsonb,
           coalesce(b.doc, jsonb_build_object('name', 'Unknown')),
           jsonb_build_array(jsonb_build_object('description', d.line, 'quantity', 1, 'unitPrice', d.total, 'amount', d.total)),
           d.total, 0, d.total,
           coalesce(d.payment_method, case when d.type = 'TOPUP' then 'midtrans' else 'credit' end)
    from candidates d left join buyers b on b.user_id = d.user_id
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
