import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import { AppError } from '../../platform/errors.js';
import { monthRange } from './billing-calendar.js';
import type { BillingPort } from './ledger.js';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with INVOICE_PROPERTY_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('invoices under a randomized interleaving of money events', () => {
  let bed: BillingBed;
  let billing: BillingPort;
  beforeAll(async () => {
    // Tokens that outlive the month this test moves the clock across.
    bed = await startBillingBed({ env: { JWT_ACCESS_TTL_SECONDS: String(90 * 86_400) } });
    billing = bed.t.runtime.modules.ports.billing!;
  });
  afterAll(() => bed?.close());

  const pool = () => bed.t.runtime.database.pool;
  const inTx = <T>(fn: Parameters<typeof bed.t.runtime.database.transaction<T>>[0]) =>
    bed.t.runtime.database.transaction(fn);

  it('every month is gap-free, and every successful top-up and charge has exactly one invoice of its amount', async () => {
    const seed = Number(process.env.INVOICE_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`invoice property test seed: ${seed} (replay with INVOICE_PROPERTY_SEED=${seed})`);
    const random = prng(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const users: TestUser[] = await Promise.all(Array.from({ length: 5 }, () => bed.user()));
    const charges: { userId: string; id: string; left: number }[] = [];
    let n = 0;

    const operations = {
      async topup() {
        const user = pick(users);
        const id = await bed.startTopup(user, pick([10_000, 25_000, 60_000, 150_000]));
        bed.midtrans.setStatus(id, pick(['settlement', 'settlement', 'settlement', 'expire', 'deny']) as 'settlement');
        const copies = random() < 0.3 ? 2 : 1; // Midtrans retrying, concurrently
        await Promise.all(Array.from({ length: copies }, () => bed.midtrans.notify(id, bed.webhookUrl)));
      },
      async charge() {
        const user = pick(users);
        const amount = pick([5_000, 20_000, 45_000]);
        try {
          const result = await inTx((tx) =>
            billing.charge(tx, { userId: user.id, amount, reference: 'prop', idempotencyKey: `c-${seed}-${n++}` }),
          );
          charges.push({ userId: user.id, id: result.transaction.id, left: amount });
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 402) throw err;
        }
      },
      async refund() {
        const charge = charges.find((c) => c.left > 0 && random() < 0.5);
        if (!charge) return;
        const amount = Math.min(charge.left, pick([1_000, 5_000]));
        charge.left -= amount;
        await inTx((tx) =>
          billing.refund(tx, {
            userId: charge.userId,
            amount,
            reference: 'prop',
            chargeTransactionId: charge.id,
            idempotencyKey: `r-${seed}-${n++}`,
          }),
        );
      },
      async chargeMany() {
        const items = Array.from({ length: 1 + Math.floor(random() * 8) }, () => ({
          userId: pick(users).id,
          amount: pick([3_000, 10_000, 30_000]),
          reference: 'prop-many',
          idempotencyKey: `m-${seed}-${n++}`,
        }));
        await inTx((tx) => billing.chargeMany(tx, items));
      },
    };
    const kinds = ['topup', 'topup', 'topup', 'charge', 'charge', 'refund', 'chargeMany'] as const;
    const firstMonth = monthRange('Asia/Jakarta', bed.clock.now());
    for (let round = 0; round < 12; round++) {
      // Halfway, on into the next month: its invoices start a series of their own.
      if (round === 6) bed.clock.advance(firstMonth.to.getTime() - bed.clock.now().getTime() + 60_000);
      await Promise.all(Array.from({ length: 8 }, () => operations[pick(kinds)]()));
    }

    // Gap-free per month: the numbers of each month are exactly 1..its counter.
    const { rows: months } = await pool().query<{ month: string; last_number: number; numbers: string[] }>(`
      select c.month, c.last_number, coalesce(array_agg(i.number order by i.number) filter (where i.id is not null), '{}') as numbers
      from invoice_counters c left join invoices i on i.number like 'INV-' || c.month || '-%'
      group by c.month, c.last_number`);
    expect(months.length).toBe(2);
    for (const m of months) {
      const expected = Array.from(
        { length: m.last_number },
        (_, i) => `INV-${m.month}-${String(i + 1).padStart(6, '0')}`,
      );
      expect(m.numbers, `month ${m.month}`).toEqual(expected);
    }
    expect(months.every((m) => m.last_number > 0)).toBe(true);

    // One invoice per successful top-up or charge, of its amount; none for anything else.
    const { rows: mismatches } = await pool().query(`
      select t.id, t.type, t.status, t.amount, count(i.id)::int as invoices, max(i.total) as total
      from transactions t left join invoices i on i.transaction_id = t.id
      group by t.id
      having count(i.id) <> case when t.status = 'SUCCESS' and t.type in ('TOPUP', 'SUBSCRIPTION_CHARGE') then 1 else 0 end
          or (count(i.id) = 1 and max(i.total) <> abs(t.amount))`);
    expect(mismatches).toEqual([]);
    // Each invoice is in the month of the clock when it was issued.
    const { rows: misplaced } = await pool().query(`
      select number, issued_at from invoices
      where substr(number, 5, 6) <> to_char(issued_at at time zone 'Asia/Jakarta', 'YYYYMM')`);
    expect(misplaced).toEqual([]);
    // And the money still adds up: balance = sum of entries for every user.
    const { rows: books } = await pool().query(
      `select b.user_id, b.balance, (select coalesce(sum(amount), 0) from ledger_entries e where e.user_id = b.user_id) as entries
       from credit_balances b where b.user_id = any($1)`,
      [users.map((u) => u.id)],
    );
    for (const b of books) expect(b.balance, `user ${b.user_id}`).toBe(b.entries);
  });
});
