/**
 * Billing's benchmarks, which do not fit the GET-the-same-bytes mould of scenarios.ts:
 *
 * - `webhook`: Midtrans notifications per second for distinct orders (each request settles another
 *   pending top-up: signature, locks, ledger, balance, invoice, notification record), with p50/p99,
 *   against the bare node:http server answering the same bytes, in alternating rounds.
 * - `charge-run`: a renewal run over 10,000 subscriptions through the billing port's `chargeMany`
 *   (balances, transactions, ledger entries and the invoices), timed against ONE bulk SQL statement doing
 *   the same debit (balances, transactions, ledger entries) on the same data, in alternating rounds.
 *   Target: at most 3× the statement.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createPdfInvoiceRenderer } from '../src/modules/billing/invoices.pdf.js';
import { createInvoiceService } from '../src/modules/billing/invoices.service.js';
import { type ChargeInput, createLedger } from '../src/modules/billing/ledger.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createRedis } from '../src/platform/redis.js';
import { deleteRedisKeys } from '../test/helpers/redis.js';
import { createBenchDatabase } from './bench-database.js';
import { median } from './stats.js';

export interface BillingBenchOptions {
  duration: number;
  connections: number;
  rounds: number;
}

export interface BillingBenchResult {
  name: string;
  /** Printed as they are, after the HTTP table. */
  lines: string[];
  /** Each fails the run. */
  problems: string[];
  figures: Record<string, unknown>;
}

export interface BillingBench {
  name: string;
  description: string;
  run(options: BillingBenchOptions): Promise<BillingBenchResult>;
}

async function startServer(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const SERVER_KEY = 'SB-Mid-server-bench-webhook';
const TOPUP_AMOUNT = 50_000;

/** A signed `settlement` notification for `orderId`, as Midtrans sends it. */
function settlement(orderId: string): string {
  const grossAmount = `${TOPUP_AMOUNT}.00`;
  return JSON.stringify({
    transaction_time: '2026-11-25 10:00:00',
    transaction_status: 'settlement',
    transaction_id: randomUUID(),
    status_message: 'midtrans payment notification',
    status_code: '200',
    signature_key: createHash('sha512').update(`${orderId}200${grossAmount}${SERVER_KEY}`).digest('hex'),
    payment_type: 'qris',
    order_id: orderId,
    merchant_id: 'G000000000',
    gross_amount: grossAmount,
    fraud_status: 'accept',
    currency: 'IDR',
  });
}

export const webhookBench: BillingBench = {
  name: 'webhook',
  description:
    'POST /api/v1/webhooks/midtrans, a signed settlement of a distinct pending top-up per request (credit, ledger, invoice, record)',
  async run({ duration, connections, rounds }) {
    const bench = await createBenchDatabase();
    try {
      // Enough pending top-ups (of 500 users) that no request of the run settles one twice, sent in turn
      // to the users (g, g+1, ... are different users), as settlements from many customers arrive.
      const orders = 60_000;
      await bench.database.pool.query(`
        insert into users (email, password_hash, name)
        select 'webhook-' || g || '@example.test', 'unusable', 'Bench ' || g from generate_series(1, 500) g`);
      const { rows } = await bench.database.pool.query<{ id: string; g: number }>(
        `with u as (select id, row_number() over (order by id) as n from users),
         inserted as (
           insert into transactions (user_id, type, status, amount, idempotency_key, midtrans_order_id, snap_token, snap_redirect_url, payment_expires_at)
           select u.id, 'TOPUP', 'PENDING', $1, 'bench-' || g, null, 't', 'https://example.test', now() + interval '1 day'
           from generate_series(1, $2::int) g join u on u.n = 1 + g % 500
           returning id, idempotency_key
         )
         select id, substr(idempotency_key, 7)::int as g from inserted order by g`,
        [TOPUP_AMOUNT, orders],
      );
      // In g order: the join above returns them grouped by user, which made the 50 connections queue on one
      // user's balance row at a time (120 settlements in a row for each user) instead of measuring the webhook.
      const ids = rows.map((r) => r.id);
      await bench.database.pool.query(
        `update transactions set midtrans_order_id = id::text where type = 'TOPUP' and midtrans_order_id is null`,
      );
      await bench.database.pool.query(
        `insert into topup_payments (order_id, transaction_id, snap_token, snap_redirect_url, expires_at)
         select id::text, id, 't', 'https://example.test', now() + interval '1 day' from transactions where type = 'TOPUP'`,
      );
      // Each settlement enqueues its top-up mail: under a prefix of the run's own, deleted afterwards.
      const queuePrefix = `kapal-bench-${randomBytes(4).toString('hex')}`;
      const kapal = await startServer('bench/servers/kapal-server.ts', {
        DATABASE_URL: bench.url,
        MIDTRANS_SERVER_KEY: SERVER_KEY,
        QUEUE_PREFIX: queuePrefix,
      });
      let bare: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        let next = 0;
        const fresh = () => {
          const id = ids[next++];
          if (!id) throw new Error(`webhook bench: all ${orders} orders used; lower --duration`);
          return settlement(id);
        };
        const probe = await fetch(`${kapal.url}/api/v1/webhooks/midtrans`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: fresh(),
        });
        const answer = Buffer.from(await probe.arrayBuffer());
        if (probe.status !== 200) throw new Error(`webhook: Kapal answered ${probe.status}: ${answer}`);
        bare = await startServer('bench/servers/bare-server.ts', {
          BENCH_BODY_BASE64: answer.toString('base64'),
          BENCH_CONTENT_TYPE: probe.headers.get('content-type') ?? 'application/json',
        });
        // The bare server gets signed bodies of the same shape (built the same way), for the same client cost.
        const spare = ids.slice(0, 1000).map(settlement);
        let spareNext = 0;
        const load = async (url: string, seconds: number, body: () => string) => {
          const result = await autocannon({
            url: `${url}/api/v1/webhooks/midtrans`,
            connections,
            duration: seconds,
            requests: [
              {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                setupRequest: (request) => ({ ...request, body: body() }),
              },
            ],
          });
          return {
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            failures: result.errors + result.timeouts + result.non2xx,
          };
        };
        const spareBody = () => spare[spareNext++ % spare.length]!;
        await load(kapal.url, 1, fresh);
        await load(bare.url, 1, spareBody);
        const samples = {
          kapal: [] as Awaited<ReturnType<typeof load>>[],
          bare: [] as Awaited<ReturnType<typeof load>>[],
        };
        for (let round = 0; round < rounds; round++) {
          const order = round % 2 === 0 ? (['kapal', 'bare'] as const) : (['bare', 'kapal'] as const);
          for (const side of order) {
            samples[side].push(
              side === 'kapal' ? await load(kapal.url, duration, fresh) : await load(bare.url, duration, spareBody),
            );
          }
        }
        const { rows: verdicts } = await bench.database.pool.query<{ verdict: string; n: string }>(
          'select verdict, count(*) as n from payment_notifications group by verdict',
        );
        const { rows: credited } = await bench.database.pool.query<{ topups: string; invoices: string }>(
          `select (select count(*) from transactions where type = 'TOPUP' and status = 'SUCCESS') as topups,
                  (select count(*) from invoices) as invoices`,
        );
        const summary = (s: typeof samples.kapal) => ({
          rps: Math.round(median(s.map((x) => x.rps))),
          p50: median(s.map((x) => x.p50)),
          p99: median(s.map((x) => x.p99)),
          failures: s.reduce((n, x) => n + x.failures, 0),
        });
        const k = summary(samples.kapal);
        const b = summary(samples.bare);
        const applied = Number(verdicts.find((v) => v.verdict === 'applied')?.n ?? 0);
        const problems: string[] = [];
        if (k.failures > 0 || b.failures > 0) problems.push(`webhook: ${k.failures + b.failures} failed requests`);
        if (applied !== next) problems.push(`webhook: ${next} distinct orders sent, ${applied} applied`);
        if (Number(credited[0]!.invoices) !== Number(credited[0]!.topups)) {
          problems.push(`webhook: ${credited[0]!.topups} top-ups credited but ${credited[0]!.invoices} invoices`);
        }
        return {
          name: 'webhook',
          lines: [
            `webhook      Kapal ${k.rps} notifications/s (p50 ${k.p50} ms, p99 ${k.p99} ms) vs bare ${b.rps} req/s (p50 ${b.p50} ms, p99 ${b.p99} ms): ratio ${(k.rps / b.rps).toFixed(3)}; ${applied} distinct orders settled, each once, with ${credited[0]!.invoices} invoices; verdicts ${verdicts.map((v) => `${v.verdict}=${v.n}`).join(' ')}`,
          ],
          problems,
          figures: { kapal: k, bare: b, ratio: k.rps / b.rps, applied, verdicts },
        };
      } finally {
        if (bare) await stop(bare.child);
        await stop(kapal.child);
        const redis = createRedis(loadConfig().redis.url, { name: 'kapal-bench-cleanup' });
        await deleteRedisKeys(redis, queuePrefix).finally(() => redis.quit());
      }
    } finally {
      await bench.drop();
    }
  },
};

const SUBSCRIPTIONS = 10_000;
const CHARGE_RUN_TARGET = 3;

/** The same debit as chargeMany, as one statement: balances, transactions and ledger entries. */
const BULK_DEBIT = `
  with input as (
    select * from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])
      with ordinality as i(user_id, amount, idempotency_key, reference, subscription_id, service_id, ord)
  ),
  running as (
    select i.*, b.balance, sum(i.amount) over (partition by i.user_id order by i.ord) as cumulative
    from input i join credit_balances b on b.user_id = i.user_id
  ),
  fits as (select * from running where cumulative <= balance),
  debited as (
    update credit_balances b set balance = b.balance - f.total, updated_at = now()
    from (select user_id, sum(amount) as total from fits group by user_id) f
    where b.user_id = f.user_id
    returning 1
  ),
  inserted as (
    insert into transactions (user_id, type, status, amount, payment_method, reference, subscription_id, service_id,
                              idempotency_key, completed_at)
    select user_id, 'SUBSCRIPTION_CHARGE', 'SUCCESS', -amount, 'credit', reference, subscription_id, service_id,
           idempotency_key, now()
    from fits order by ord
    returning id, idempotency_key
  ),
  entries as (
    insert into ledger_entries (user_id, transaction_id, kind, amount, balance_after, reference, idempotency_key)
    select f.user_id, n.id, 'SUBSCRIPTION_CHARGE', -f.amount, f.balance - f.cumulative, f.reference, f.idempotency_key
    from fits f join inserted n on n.idempotency_key = f.idempotency_key
    returning 1
  )
  select (select count(*) from inserted) as charged, (select count(*) from entries) as entries,
         (select count(*) from debited) as balances`;

export const chargeRunBench: BillingBench = {
  name: 'charge-run',
  description: `a renewal run of ${SUBSCRIPTIONS} subscriptions (5,000 users × 2) through chargeMany, invoices included`,
  async run({ rounds }) {
    const bench = await createBenchDatabase();
    const config = loadConfig({ ...process.env, DATABASE_URL: bench.url });
    try {
      const pool = bench.database.pool;
      await pool.query(`
        insert into users (email, password_hash, name)
        select 'renewal-' || g || '@example.test', 'unusable', 'Renewal ' || g from generate_series(1, 5000) g`);
      await pool.query(`insert into credit_balances (user_id, balance) select id, 0 from users`);
      const users = (await pool.query<{ id: string }>('select id from users order by id')).rows.map((r) => r.id);
      const services = Array.from({ length: 5 }, () => randomUUID());
      const subscriptions = Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({
        userId: users[i % users.length]!,
        subscriptionId: randomUUID(),
        serviceId: services[i % services.length]!,
        // 2 subscriptions per user; a few users cannot afford their second (skipped, as in real runs).
        amount: 40_000 + (i % 7) * 5_000,
      }));
      const itemsOf = (prefix: string): ChargeInput[] =>
        subscriptions.map((s, i) => ({
          userId: s.userId,
          amount: s.amount,
          reference: `subscription:${s.subscriptionId}:${prefix}`,
          idempotencyKey: `${prefix}-${i}`,
          description: 'Renewal',
          subscriptionId: s.subscriptionId,
          serviceId: s.serviceId,
        }));
      // Every round starts from the same balances: most users afford both renewals, every 10th only one.
      const refill = () =>
        pool.query(
          `update credit_balances b set balance = case when u.n % 10 = 0 then 80000 else 500000 end
           from (select id, row_number() over (order by id) as n from users) u where u.id = b.user_id`,
        );
      // Built as billing.module.ts builds them: the ledger issues the invoices in the same transaction.
      const invoices = createInvoiceService({
        database: bench.database,
        clock: systemClock,
        seller: config.billing.seller,
        timeZone: config.billing.timeZone,
        renderer: createPdfInvoiceRenderer({ timeZone: config.billing.timeZone }),
      });
      const ledger = createLedger({ now: () => new Date(), issueInvoices: invoices.issueInvoices });
      const ledgerWithoutInvoices = createLedger({ now: () => new Date() });

      const time = async (fn: () => Promise<unknown>) => {
        await refill();
        const started = process.hrtime.bigint();
        const result = await fn();
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
      };
      const sides = {
        bulk: (round: number) =>
          time(async () => {
            const items = itemsOf(`bulk-${round}`);
            const { rows } = await pool.query(BULK_DEBIT, [
              items.map((i) => i.userId),
              items.map((i) => i.amount),
              items.map((i) => i.idempotencyKey),
              items.map((i) => i.reference),
              items.map((i) => i.subscriptionId),
              items.map((i) => i.serviceId),
            ]);
            return Number(rows[0].charged);
          }),
        chargeMany: (round: number) =>
          time(async () => {
            const outcome = await bench.database.transaction((tx) => ledger.chargeMany(tx, itemsOf(`kapal-${round}`)));
            return outcome.charged.length;
          }),
        withoutInvoices: (round: number) =>
          time(async () => {
            const outcome = await bench.database.transaction((tx) =>
              ledgerWithoutInvoices.chargeMany(tx, itemsOf(`plain-${round}`)),
            );
            return outcome.charged.length;
          }),
      };
      // Warm-up (plans, caches, JIT), then rounds in rotating order so drift hits every side alike.
      await sides.bulk(-1);
      await sides.chargeMany(-1);
      await sides.withoutInvoices(-1);
      const samples = { bulk: [] as number[], chargeMany: [] as number[], withoutInvoices: [] as number[] };
      const charged = new Set<number>();
      const names = ['bulk', 'chargeMany', 'withoutInvoices'] as const;
      for (let round = 0; round < Math.max(rounds, 3); round++) {
        for (let k = 0; k < names.length; k++) {
          const side = names[(round + k) % names.length]!;
          const { ms, result } = await sides[side](round);
          samples[side].push(ms);
          charged.add(result as number);
        }
      }
      const bulk = median(samples.bulk);
      const kapal = median(samples.chargeMany);
      const plain = median(samples.withoutInvoices);
      const ratio = kapal / bulk;
      const problems: string[] = [];
      if (charged.size !== 1)
        problems.push(`charge-run: the sides charged different counts: ${[...charged].join(', ')}`);
      if (ratio > CHARGE_RUN_TARGET) {
        problems.push(
          `charge-run: chargeMany took ${ratio.toFixed(2)}× the bulk statement (target ≤ ${CHARGE_RUN_TARGET}×)`,
        );
      }
      const f = (x: number) => `${x.toFixed(0)} ms`;
      return {
        name: 'charge-run',
        lines: [
          `charge-run   ${SUBSCRIPTIONS} subscriptions (${[...charged][0]} charged, the rest unaffordable): chargeMany with invoices ${f(kapal)}, without invoices ${f(plain)}, one bulk SQL statement ${f(bulk)} (medians of ${samples.bulk.length}); ratio ${ratio.toFixed(2)}× (without invoices ${(plain / bulk).toFixed(2)}×), target ≤ ${CHARGE_RUN_TARGET}× ${ratio <= CHARGE_RUN_TARGET ? 'ok' : 'MISSED'}`,
        ],
        problems,
        figures: {
          subscriptions: SUBSCRIPTIONS,
          charged: [...charged][0],
          ms: samples,
          ratio,
          ratioWithoutInvoices: plain / bulk,
        },
      };
    } finally {
      await bench.drop();
    }
  },
};

export const billingBenches: BillingBench[] = [webhookBench, chargeRunBench];
