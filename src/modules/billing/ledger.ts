import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterCommit, type DbExecutor, type Tx } from '../../platform/db/db.js';
import { conflict, insufficientCredit, notFound } from '../../platform/errors.js';
import type { BillingMetrics } from './billing.metrics.js';
import { creditBalances, ledgerEntries, transactions } from './billing.tables.js';

export type TransactionRow = typeof transactions.$inferSelect;

/** The largest single amount the ledger accepts (1 trillion rupiah): far below 2^53, far above any price. */
export const MAX_AMOUNT_IDR = 1_000_000_000_000;

export interface ChargeInput {
  userId: string;
  /** Positive integer rupiah to take from the balance. */
  amount: number;
  /** What it pays for, e.g. `subscription:<id>:2026-11`. */
  reference: string;
  /** Unique forever: a second charge with the same key returns the first (`replayed: true`), whoever retries. */
  idempotencyKey: string;
  description?: string;
  subscriptionId?: string;
  serviceId?: string;
  planId?: string;
}

export interface RefundInput {
  userId: string;
  /** Positive integer rupiah to give back. */
  amount: number;
  reference: string;
  idempotencyKey: string;
  description?: string;
  reason?: string;
  /** The SUBSCRIPTION_CHARGE being refunded: refunds of it may not add up to more than it took. */
  chargeTransactionId?: string;
  subscriptionId?: string;
}

export interface AdjustmentInput {
  userId: string;
  /** Signed integer rupiah: positive adds credit, negative takes it (never below zero). */
  amount: number;
  reason: string;
  actorId: string;
  idempotencyKey: string;
  reference?: string;
}

export interface MoneyResult {
  transaction: TransactionRow;
  /** The balance right after this transaction (for a replay: the balance now). */
  balanceAfter: number;
  /** True when the idempotency key had been used already and nothing new happened. */
  replayed: boolean;
}

export interface ChargeManyResult {
  charged: { idempotencyKey: string; userId: string; transactionId: string; amount: number; balanceAfter: number }[];
  /** Not charged: the balance did not cover it (`required`/`available`), or the key was used already. */
  skipped: (
    | { idempotencyKey: string; userId: string; reason: 'insufficient-credit'; required: number; available: number }
    | { idempotencyKey: string; userId: string; reason: 'already-charged'; transactionId: string }
  )[];
}

function checkAmount(amount: number, what: string) {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT_IDR) {
    throw new Error(`${what}: amount must be a whole number of rupiah between 1 and ${MAX_AMOUNT_IDR}, got ${amount}`);
  }
}

function checkKey(key: string) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
    throw new Error('idempotencyKey must be 1 to 200 characters');
  }
}

const reusedKey = (key: string) =>
  conflict(`The idempotency key "${key}" was already used for a different money transaction`);

/**
 * The money primitives, each run inside the caller's database transaction (`tx`) so the ledger entry,
 * the balance and the state they pay for commit or roll back together. Invariants: the balance row is
 * changed only here, under its row lock, by exactly the amount of the ledger entry written with it;
 * a key is used at most once (unique indexes on transactions and ledger entries).
 */
export function createLedger(deps: {
  now: () => Date;
  /** Money moved, counted after the caller's transaction commits (billing.metrics.ts). */
  metrics?: Pick<BillingMetrics, 'topups' | 'topupAmount' | 'charged' | 'refunded'>;
  /**
   * Issues the invoices of successful top-ups and subscription charges in the same transaction
   * (invoices.service.ts). Those of charge() and creditTopup() get their numbers, and the month's counter
   * lock, at COMMIT, after every balance lock of the transaction; chargeMany's are numbered as written.
   */
  issueInvoices?: (
    tx: Tx,
    input: {
      transactionIds: readonly string[];
      /** Their owners (saves a look-up). */
      buyerIds?: readonly string[];
      numbered?: 'at-commit' | 'now';
    },
  ) => Promise<unknown>;
}) {
  /** Counts in the metrics once `tx` commits (nothing when no metrics were given). */
  function counted(tx: Tx, count: () => void) {
    if (deps.metrics) afterCommit(tx, count);
  }

  async function lockBalance(tx: Tx, userId: string): Promise<number> {
    const [row] = await tx
      .select({ balance: creditBalances.balance })
      .from(creditBalances)
      .where(eq(creditBalances.userId, userId))
      .for('update');
    return row?.balance ?? 0;
  }

  /** Many users' balances in one query (0 for a user who never had credit). */
  async function balancesOf(executor: DbExecutor, userIds: readonly string[]): Promise<Map<string, number>> {
    const balances = new Map(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return balances;
    const rows = await executor
      .select({ userId: creditBalances.userId, balance: creditBalances.balance })
      .from(creditBalances)
      .where(inArray(creditBalances.userId, [...new Set(userIds)]));
    for (const row of rows) balances.set(row.userId, row.balance);
    return balances;
  }

  /**
   * Locks the balance rows of `userIds` that exist, in one order (the user ids'), in one statement. A
   * transaction that will charge or refund several users calls this first: two of them touching the same
   * users then wait for each other instead of deadlocking (A then B against B then A), which no order
   * inside charge() could prevent, since each call locks its user until COMMIT.
   */
  async function lockBalances(tx: Tx, userIds: readonly string[]): Promise<void> {
    const ids = [...new Set(userIds)].sort();
    if (ids.length === 0) return;
    await tx
      .select({ userId: creditBalances.userId })
      .from(creditBalances)
      .where(sql`${creditBalances.userId} = any(${sql.param(ids)}::uuid[])`)
      .orderBy(creditBalances.userId)
      .for('update');
  }

  /**
   * Like lockBalance, but creates the user's zero balance row first when there is none, so there is always
   * a row to lock: two adjustments with one key for a user who never had credit then queue on it (the second
   * replays the first) instead of racing to the key's unique index (a 409).
   */
  async function lockOrCreateBalance(tx: Tx, userId: string, now: Date): Promise<number> {
    await tx.insert(creditBalances).values({ userId, balance: 0, updatedAt: now }).onConflictDoNothing();
    return lockBalance(tx, userId);
  }

  async function findByKey(executor: DbExecutor, key: string): Promise<TransactionRow | undefined> {
    const [row] = await executor.select().from(transactions).where(eq(transactions.idempotencyKey, key));
    return row;
  }

  /** Adds `delta` to the balance (creating the row on a first credit) and returns the new balance. */
  async function moveBalance(tx: Tx, userId: string, delta: number, now: Date): Promise<number> {
    if (delta < 0) {
      // A debit: the row exists (the caller locked it and saw enough). Not an upsert: PostgreSQL checks
      // the row an INSERT proposes (a negative balance) before it finds the conflict.
      const [row] = await tx
        .update(creditBalances)
        .set({ balance: sql`${creditBalances.balance} + ${delta}`, updatedAt: now })
        .where(eq(creditBalances.userId, userId))
        .returning({ balance: creditBalances.balance });
      if (!row) throw new Error(`debit of ${-delta} IDR for user ${userId} without a balance row`);
      return row.balance;
    }
    const [row] = await tx
      .insert(creditBalances)
      .values({ userId, balance: delta, updatedAt: now })
      .onConflictDoUpdate({
        target: creditBalances.userId,
        set: { balance: sql`${creditBalances.balance} + ${delta}`, updatedAt: now },
      })
      .returning({ balance: creditBalances.balance });
    return row!.balance;
  }

  async function writeEntry(tx: Tx, transaction: TransactionRow, balanceAfter: number, now: Date) {
    await tx.insert(ledgerEntries).values({
      userId: transaction.userId,
      transactionId: transaction.id,
      kind: transaction.type,
      amount: transaction.amount,
      balanceAfter,
      reference: transaction.reference,
      idempotencyKey: transaction.idempotencyKey,
      createdAt: now,
    });
  }

  /** A transaction already made with this key: the same one again is a replay, anything else a 409. */
  async function replay(
    executor: DbExecutor,
    existing: TransactionRow,
    expected: { userId: string; type: TransactionRow['type']; amount: number },
  ): Promise<MoneyResult> {
    if (existing.userId !== expected.userId || existing.type !== expected.type || existing.amount !== expected.amount) {
      throw reusedKey(existing.idempotencyKey);
    }
    return { transaction: existing, balanceAfter: await balanceOf(executor, existing.userId), replayed: true };
  }

  async function balanceOf(executor: DbExecutor, userId: string): Promise<number> {
    const [row] = await executor
      .select({ balance: creditBalances.balance })
      .from(creditBalances)
      .where(eq(creditBalances.userId, userId));
    return row?.balance ?? 0;
  }

  /** Takes `amount` from the balance, or throws 402 INSUFFICIENT_CREDIT (`required`, `available`) writing nothing. */
  async function charge(tx: Tx, input: ChargeInput): Promise<MoneyResult> {
    checkAmount(input.amount, 'charge');
    checkKey(input.idempotencyKey);
    const now = deps.now();
    // The row lock serializes every change to this user's balance, and makes the key check below exact.
    const available = await lockBalance(tx, input.userId);
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing, { ...input, type: 'SUBSCRIPTION_CHARGE', amount: -input.amount });
    if (available < input.amount) throw insufficientCredit(input.amount, available);
    const [transaction] = await tx
      .insert(transactions)
      .values({
        userId: input.userId,
        type: 'SUBSCRIPTION_CHARGE',
        status: 'SUCCESS',
        amount: -input.amount,
        description: input.description ?? '',
        paymentMethod: 'credit',
        reference: input.reference,
        subscriptionId: input.subscriptionId,
        serviceId: input.serviceId,
        planId: input.planId,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
        completedAt: now,
      })
      .onConflictDoNothing({ target: transactions.idempotencyKey })
      .returning();
    // Another user's transaction took the key in the meantime (ours are serialized by the lock).
    if (!transaction) throw reusedKey(input.idempotencyKey);
    const balanceAfter = await moveBalance(tx, input.userId, -input.amount, now);
    await writeEntry(tx, transaction, balanceAfter, now);
    await deps.issueInvoices?.(tx, { transactionIds: [transaction.id], buyerIds: [transaction.userId] });
    counted(tx, () => deps.metrics?.charged.inc(input.amount));
    return { transaction, balanceAfter, replayed: false };
  }

  /** Gives `amount` back as a REFUND; with `chargeTransactionId`, never more in total than that charge took. */
  async function refund(tx: Tx, input: RefundInput): Promise<MoneyResult> {
    checkAmount(input.amount, 'refund');
    checkKey(input.idempotencyKey);
    const now = deps.now();
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing, { ...input, type: 'REFUND' });
    if (input.chargeTransactionId) {
      const [original] = await tx
        .select()
        .from(transactions)
        .where(and(eq(transactions.id, input.chargeTransactionId), eq(transactions.userId, input.userId)))
        .for('update');
      if (!original || original.type !== 'SUBSCRIPTION_CHARGE' || original.status !== 'SUCCESS') {
        throw notFound('Charge to refund');
      }
      const [{ refunded } = { refunded: 0 }] = await tx
        .select({ refunded: sql<number>`coalesce(sum(${transactions.amount}), 0)::bigint`.mapWith(Number) })
        .from(transactions)
        .where(
          and(
            eq(transactions.relatedTransactionId, original.id),
            eq(transactions.type, 'REFUND'),
            eq(transactions.status, 'SUCCESS'),
          ),
        );
      if (refunded + input.amount > -original.amount) {
        throw conflict(
          `Refunds of this charge would add up to ${refunded + input.amount} IDR, more than the ${-original.amount} IDR it took`,
        );
      }
    }
    const [transaction] = await tx
      .insert(transactions)
      .values({
        userId: input.userId,
        type: 'REFUND',
        status: 'SUCCESS',
        amount: input.amount,
        description: input.description ?? '',
        paymentMethod: 'credit',
        reference: input.reference,
        reason: input.reason,
        relatedTransactionId: input.chargeTransactionId,
        subscriptionId: input.subscriptionId,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
        completedAt: now,
      })
      .onConflictDoNothing({ target: transactions.idempotencyKey })
      .returning();
    if (!transaction) {
      // A concurrent refund with this key committed first: the unique index waited for it.
      const winner = await findByKey(tx, input.idempotencyKey);
      if (!winner) throw reusedKey(input.idempotencyKey);
      return replay(tx, winner, { ...input, type: 'REFUND' });
    }
    const balanceAfter = await moveBalance(tx, input.userId, input.amount, now);
    await writeEntry(tx, transaction, balanceAfter, now);
    counted(tx, () => deps.metrics?.refunded.inc(input.amount));
    return { transaction, balanceAfter, replayed: false };
  }

  /** An administrator's correction, with a reason; a negative one may not take the balance below zero (402). */
  async function adjust(tx: Tx, input: AdjustmentInput): Promise<MoneyResult> {
    checkAmount(Math.abs(input.amount), 'adjustment');
    checkKey(input.idempotencyKey);
    const now = deps.now();
    const available = await lockOrCreateBalance(tx, input.userId, now);
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing, { ...input, type: 'ADJUSTMENT' });
    if (input.amount < 0 && available < -input.amount) throw insufficientCredit(-input.amount, available);
    const [transaction] = await tx
      .insert(transactions)
      .values({
        userId: input.userId,
        type: 'ADJUSTMENT',
        status: 'SUCCESS',
        amount: input.amount,
        description: 'Adjustment',
        paymentMethod: 'adjustment',
        reference: input.reference,
        reason: input.reason,
        actorId: input.actorId,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
        completedAt: now,
      })
      .onConflictDoNothing({ target: transactions.idempotencyKey })
      .returning();
    if (!transaction) throw reusedKey(input.idempotencyKey);
    const balanceAfter = await moveBalance(tx, input.userId, input.amount, now);
    await writeEntry(tx, transaction, balanceAfter, now);
    return { transaction, balanceAfter, replayed: false };
  }

  /**
   * Settles a PENDING top-up (locked by the caller) as SUCCESS and credits it: the status change, the
   * balance and the ledger entry in the caller's transaction. The entry's unique key (the top-up's own)
   * makes a second credit impossible even if a caller forgot the lock.
   */
  async function creditTopup(
    tx: Tx,
    topup: TransactionRow,
    payment: { paymentMethod?: string; midtransTransactionId?: string; orderId?: string },
  ): Promise<MoneyResult> {
    const now = deps.now();
    const [transaction] = await tx
      .update(transactions)
      .set({
        status: 'SUCCESS',
        paymentMethod: payment.paymentMethod ?? topup.paymentMethod,
        midtransTransactionId: payment.midtransTransactionId ?? topup.midtransTransactionId,
        midtransOrderId: payment.orderId ?? topup.midtransOrderId,
        updatedAt: now,
        completedAt: now,
      })
      .where(eq(transactions.id, topup.id))
      .returning();
    const balanceAfter = await moveBalance(tx, topup.userId, topup.amount, now);
    await writeEntry(tx, transaction!, balanceAfter, now);
    await deps.issueInvoices?.(tx, { transactionIds: [transaction!.id], buyerIds: [topup.userId] });
    counted(tx, () => {
      deps.metrics?.topups.inc();
      deps.metrics?.topupAmount.inc(topup.amount);
    });
    return { transaction: transaction!, balanceAfter, replayed: false };
  }

  /**
   * Many charges in two statements, whatever their number (renewals): lock the balances concerned, then
   * one statement that skips keys already used, charges each user's items in the given order while the
   * running total fits the balance, debits each balance once, and writes every transaction and ledger
   * entry. An item that does not fit is skipped with `required`/`available`, and so are the user's later
   * items (the order is the caller's priority, e.g. the earliest renewal first).
   */
  async function chargeMany(tx: Tx, items: readonly ChargeInput[]): Promise<ChargeManyResult> {
    if (items.length === 0) return { charged: [], skipped: [] };
    const keys = new Set<string>();
    for (const item of items) {
      checkAmount(item.amount, 'chargeMany');
      checkKey(item.idempotencyKey);
      if (keys.has(item.idempotencyKey))
        throw new Error(`chargeMany: idempotency key ${item.idempotencyKey} is listed twice`);
      keys.add(item.idempotencyKey);
    }
    const now = deps.now();
    // Past PostgreSQL's jit_above_cost these statements get JIT-compiled, which took ~0.7 s for 10,000 items
    // (when the charge statement's joins were estimated at 44 million rows) and saves nothing: their time is
    // index inserts. The invoices' 10,000 primary-key look-ups alone cost ~80,000 of the 100,000 threshold.
    // Off for the rest of the caller's transaction; JIT changes no result.
    await tx.execute(sql`set local jit = off`);
    // In id order, so two runs over overlapping users cannot deadlock; charge() locks one row the same way.
    await lockBalances(
      tx,
      items.map((i) => i.userId),
    );

    const column = <T>(pick: (item: ChargeInput) => T) => items.map(pick);
    const result = await tx.execute<{
      ord: string;
      idempotency_key: string;
      user_id: string;
      amount: string;
      balance: string;
      cumulative: string;
      transaction_id: string | null;
      existing_id: string | null;
    }>(sql`
      with input as (
        select * from unnest(
          ${sql.param(column((i) => i.userId))}::uuid[],
          ${sql.param(column((i) => i.amount))}::bigint[],
          ${sql.param(column((i) => i.idempotencyKey))}::text[],
          ${sql.param(column((i) => i.reference))}::text[],
          ${sql.param(column((i) => i.description ?? ''))}::text[],
          ${sql.param(column((i) => i.subscriptionId ?? null))}::uuid[],
          ${sql.param(column((i) => i.serviceId ?? null))}::uuid[],
          ${sql.param(column((i) => i.planId ?? null))}::uuid[]
        ) with ordinality as i(user_id, amount, idempotency_key, reference, description, subscription_id, service_id, plan_id, ord)
      ),
      running as (
        -- Keys used already (by anyone) are reported, not charged; the running total counts only the rest.
        select i.*, used.id as existing_id, coalesce(b.balance, 0) as balance,
               sum(i.amount) filter (where used.id is null) over (partition by i.user_id order by i.ord) as cumulative
        from input i
        left join transactions used on used.idempotency_key = i.idempotency_key
        left join credit_balances b on b.user_id = i.user_id
      ),
      fits as (
        -- Amounts are positive, so the running total only grows: a user's run stops at the first item
        -- that does not fit, and every later item of theirs is skipped too.
        select r.* from running r where r.existing_id is null and r.cumulative <= r.balance
      ),
      debited as (
        update credit_balances b set balance = b.balance - f.total, updated_at = ${now}
        from (select user_id, sum(amount) as total from fits group by user_id) f
        where b.user_id = f.user_id
        returning b.user_id
      ),
      inserted as (
        insert into transactions (user_id, type, status, amount, description, payment_method, reference,
                                  subscription_id, service_id, plan_id, idempotency_key, created_at, updated_at, completed_at)
        select user_id, 'SUBSCRIPTION_CHARGE', 'SUCCESS', -amount, description, 'credit', reference,
               subscription_id, service_id, plan_id, idempotency_key, ${now}, ${now}, ${now}
        from fits order by ord
        returning id, idempotency_key
      ),
      entries as (
        insert into ledger_entries (user_id, transaction_id, kind, amount, balance_after, reference, idempotency_key, created_at)
        select f.user_id, n.id, 'SUBSCRIPTION_CHARGE', -f.amount, f.balance - f.cumulative, f.reference, f.idempotency_key, ${now}
        from fits f join inserted n on n.idempotency_key = f.idempotency_key
        order by f.ord
        returning 1
      )
      select r.ord, r.idempotency_key, r.user_id, r.amount, r.balance, r.cumulative,
             n.id as transaction_id, r.existing_id
      from running r
      left join inserted n on n.idempotency_key = r.idempotency_key
      order by r.ord
    `);

    const outcome: ChargeManyResult = { charged: [], skipped: [] };
    const shortfall = new Map<string, number>(); // user → the balance left when their run stopped
    for (const row of result.rows) {
      const base = { idempotencyKey: row.idempotency_key, userId: row.user_id };
      if (row.existing_id) {
        outcome.skipped.push({ ...base, reason: 'already-charged', transactionId: row.existing_id });
      } else if (row.transaction_id) {
        const balanceAfter = Number(row.balance) - Number(row.cumulative);
        outcome.charged.push({ ...base, transactionId: row.transaction_id, amount: Number(row.amount), balanceAfter });
        shortfall.set(row.user_id, balanceAfter);
      } else {
        const available = shortfall.get(row.user_id) ?? Number(row.balance);
        outcome.skipped.push({ ...base, reason: 'insufficient-credit', required: Number(row.amount), available });
        shortfall.set(row.user_id, available);
      }
    }
    if (outcome.charged.length > 0) {
      // Numbered as they are written, not at COMMIT: updating thousands of invoices again there would cost
      // as much as writing them. The counter's lock still comes after every balance lock chargeMany takes;
      // a caller that locks more balances after chargeMany in the same transaction gives that up.
      await deps.issueInvoices?.(tx, {
        transactionIds: outcome.charged.map((c) => c.transactionId),
        buyerIds: outcome.charged.map((c) => c.userId),
        numbered: 'now',
      });
      const total = outcome.charged.reduce((sum, c) => sum + c.amount, 0);
      counted(tx, () => deps.metrics?.charged.inc(total));
    }
    return outcome;
  }

  return { charge, refund, adjust, chargeMany, creditTopup, balanceOf, balancesOf, lockBalance, lockBalances };
}

export type Ledger = ReturnType<typeof createLedger>;

/**
 * The `billing` port: what the subscriptions module (and admin adjustments) use. Every call takes the
 * caller's transaction, so a charge commits with the subscription period it pays for, or not at all.
 */
export interface BillingPort {
  /** Debits; 402 INSUFFICIENT_CREDIT (required, available) when the balance is short; a used key replays. */
  charge(tx: Tx, input: ChargeInput): Promise<MoneyResult>;
  /** Credits back; with chargeTransactionId, at most what that charge took in total (409 otherwise). */
  refund(tx: Tx, input: RefundInput): Promise<MoneyResult>;
  /** Set-based renewals: two statements for any number of charges; the unaffordable are skipped and reported. */
  chargeMany(tx: Tx, items: readonly ChargeInput[]): Promise<ChargeManyResult>;
  /**
   * For a transaction that charges or refunds several users one by one: locks all their balances first,
   * in one order, so it cannot deadlock with another doing the same users in another order.
   */
  lockBalances(tx: Tx, userIds: readonly string[]): Promise<void>;
  /** An administrator's signed correction with a reason; never below zero (402). */
  adjust(tx: Tx, input: AdjustmentInput): Promise<MoneyResult>;
  balanceOf(executor: DbExecutor, userId: string): Promise<number>;
  balancesOf(executor: DbExecutor, userIds: readonly string[]): Promise<Map<string, number>>;
}
