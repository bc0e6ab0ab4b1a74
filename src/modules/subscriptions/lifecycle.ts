import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbExecutor, Tx } from '../../platform/db/db.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { BillingPort, ChargeInput } from '../billing/index.js';
import { findPlanForPurchase, findPlansForPurchase, type PlanForPurchase } from '../catalog/index.js';
import {
  claimUnprocessedDomainEvents,
  type DomainEventType,
  markDomainEventsProcessed,
} from '../domain-events/index.js';
import { addOneMonth, periodChargeKey } from './period.js';
import {
  isLive,
  subscriptionsRepository as repo,
  type SubscriptionRow,
  type SubscriptionWithPod,
} from './subscriptions.repository.js';

const DAY_MS = 24 * 3600_000;
/** An unpaid renewal keeps the app running this long (mails), then it is suspended. */
export const GRACE_MS = 3 * DAY_MS;
/** A subscription suspended for non-payment this long is terminated (objects and data deleted). */
export const SUSPENDED_BEFORE_TERMINATION_MS = 14 * DAY_MS;
/** `subscription-expiring` goes this many days before a renewal the balance cannot cover (once each). */
export const EXPIRING_NOTICE_DAYS = [7, 3, 1] as const;
/** Subscriptions decided per transaction of a pass. */
const BATCH = 500;

export type LifecycleMail =
  | 'subscription-expiring'
  | 'subscription-grace'
  | 'subscription-suspended'
  | 'subscription-resumed'
  | 'subscription-terminated';

export interface LifecycleDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  logger: Logger;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  billing: () => Pick<BillingPort, 'charge' | 'chargeMany' | 'balancesOf'>;
  audit: () => Pick<AuditLog, 'record'>;
}

/** What to do after commit: reconcile (job id) and mail (job id). */
interface AfterCommit {
  reconcile: { subscriptionId: string; trigger: string; jobId: string }[];
  mail: { subscriptionId: string; mail: LifecycleMail; daysLeft?: number; jobId: string }[];
}

const afterCommit = (): AfterCommit => ({ reconcile: [], mail: [] });
const ms = (d: Date) => d.getTime();

/**
 * The life of a subscription after it was bought: renewals (set-based, from the scheduled pass), grace,
 * suspension, termination, the expiring mails, cancel, renew, plan changes, the administrators' actions
 * and the reaction to deactivated or deleted users. Every change of state is made under the
 * subscription's row lock in one transaction with its charge and audit entry; the reconcile and mail
 * jobs are enqueued after commit with ids of their own (and the full reconcile pass catches any Redis missed).
 */
export function createLifecycle(deps: LifecycleDeps) {
  const { database, clock } = deps;

  async function flush(todo: AfterCommit) {
    for (const r of todo.reconcile) {
      await deps.jobs
        .enqueue(
          'subscriptions.reconcile',
          { subscriptionId: r.subscriptionId, trigger: r.trigger },
          { jobId: r.jobId },
        )
        .catch((err) => deps.logger.error({ err, ...r }, 'could not enqueue a reconcile; the full pass will do it'));
    }
    for (const m of todo.mail) {
      await deps.jobs
        .enqueue(
          'subscriptions.notify',
          { subscriptionId: m.subscriptionId, mail: m.mail, daysLeft: m.daysLeft },
          { jobId: m.jobId },
        )
        .catch((err) => deps.logger.error({ err, ...m }, 'could not enqueue a lifecycle mail'));
    }
  }

  async function plansById(executor: DbExecutor, rows: SubscriptionRow[]) {
    const ids = rows.flatMap((r) => [r.planId, r.pendingPlanId]).filter((id): id is string => id !== null);
    return new Map((await findPlansForPurchase(executor, [...new Set(ids)])).map((p) => [p.id, p]));
  }

  /** The plan the next period runs on (a pending downgrade, else the current plan) and what it costs. */
  function nextPeriodOf(s: SubscriptionRow, plans: Map<string, PlanForPurchase>) {
    const plan = (s.pendingPlanId && plans.get(s.pendingPlanId)) || (s.planId ? plans.get(s.planId) : undefined);
    return { plan, amount: plan?.priceMonthlyIdr ?? s.priceIdr };
  }

  const describePeriod = (s: SubscriptionRow, plan: PlanForPurchase | undefined, start: Date, end: Date) =>
    `${plan ? `${plan.service.name} ${plan.name}: ` : ''}${s.name}, ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`;

  function chargeInput(
    s: SubscriptionRow,
    plan: PlanForPurchase | undefined,
    amount: number,
    start: Date,
  ): ChargeInput {
    return {
      userId: s.userId,
      amount,
      reference: `subscription:${s.id}`,
      idempotencyKey: periodChargeKey(s.id, start),
      description: `Renewal ${describePeriod(s, plan, start, addOneMonth(start))}`,
      subscriptionId: s.id,
      serviceId: plan?.service.id ?? s.serviceId ?? undefined,
      planId: plan?.id ?? s.planId ?? undefined,
    };
  }

  /**
   * A paid new period starting at `start`: ACTIVE, the pending plan taken, grace and suspension cleared.
   * The row is written by `repo.startPeriods` with the others of its batch (one statement); this queues
   * what follows after commit.
   */
  function startPeriod(
    periods: Parameters<typeof repo.startPeriods>[1],
    s: SubscriptionRow,
    plan: PlanForPurchase | undefined,
    amount: number,
    start: Date,
    todo: AfterCommit,
  ) {
    const wasSuspended = s.status === 'SUSPENDED';
    const planChanged = !!(s.pendingPlanId && plan && plan.id !== s.planId);
    periods.push({ id: s.id, start, end: addOneMonth(start), priceIdr: amount, planId: plan?.id ?? s.planId });
    if (wasSuspended || planChanged) {
      todo.reconcile.push({
        subscriptionId: s.id,
        trigger: wasSuspended ? 'resume' : 'renewal',
        jobId: `${wasSuspended ? 'resume' : 'renewal'}-${s.id}-${ms(start)}`,
      });
    }
    if (wasSuspended)
      todo.mail.push({ subscriptionId: s.id, mail: 'subscription-resumed', jobId: `resumed-${s.id}-${ms(start)}` });
  }

  async function suspend(tx: Tx, s: SubscriptionRow, now: Date, todo: AfterCommit, byAdministrator: boolean) {
    await repo.updateSubscription(tx, s.id, {
      status: 'SUSPENDED',
      suspendedAt: now,
      // Kept for non-payment (what a top-up resumes); none for an administrator's suspension.
      graceStartedAt: byAdministrator ? null : (s.graceStartedAt ?? now),
    });
    todo.reconcile.push({ subscriptionId: s.id, trigger: 'suspend', jobId: `suspend-${s.id}-${ms(now)}` });
    todo.mail.push({ subscriptionId: s.id, mail: 'subscription-suspended', jobId: `suspended-${s.id}-${ms(now)}` });
  }

  async function terminate(tx: Tx, s: SubscriptionRow, now: Date, reason: string, todo: AfterCommit) {
    await repo.updateSubscription(tx, s.id, {
      status: 'TERMINATED',
      terminatedAt: now,
      endReason: reason,
      autoRenew: false,
      pendingPlanId: null,
    });
    todo.reconcile.push({ subscriptionId: s.id, trigger: 'terminate', jobId: `terminate-${s.id}` });
    todo.mail.push({ subscriptionId: s.id, mail: 'subscription-terminated', jobId: `terminated-${s.id}` });
  }

  /** One transaction of the pass: up to BATCH due subscriptions, their renewals charged in one chargeMany. */
  async function renewBatch(
    now: Date,
    afterId: string | undefined,
  ): Promise<{ decided: number; charged: number; lastId?: string; todo: AfterCommit }> {
    const todo = afterCommit();
    let charged = 0;
    let lastId: string | undefined;
    const decided = await database.transaction(async (tx) => {
      const due = await repo.lockDue(tx, now, BATCH, afterId);
      if (due.length === 0) return 0;
      lastId = due[due.length - 1]!.subscription.id;
      const rows = due.map((d) => d.subscription);
      const plans = await plansById(tx, rows);
      // Who may be charged: ACTIVE ones that renew by themselves, and those suspended for non-payment
      // (a top-up resumes them here). Cancelled ones and auto-renew off are not charged.
      const chargeable = rows
        .filter((s) => (s.status === 'ACTIVE' && s.autoRenew && !s.cancelAtPeriodEnd) || s.status === 'SUSPENDED')
        // chargeMany's order is each user's priority: the earliest renewal first.
        .sort((a, b) => ms(a.periodEnd) - ms(b.periodEnd));
      const starts = new Map(chargeable.map((s) => [s.id, s.status === 'SUSPENDED' ? now : s.periodEnd]));
      const items = chargeable.flatMap((s) => {
        const { plan, amount } = nextPeriodOf(s, plans);
        return amount > 0 ? [chargeInput(s, plan, amount, starts.get(s.id)!)] : [];
      });
      const result = await deps.billing().chargeMany(tx, items);
      const paid = new Set([
        ...result.charged.map((c) => c.idempotencyKey),
        ...result.skipped.flatMap((c) => (c.reason === 'already-charged' ? [c.idempotencyKey] : [])),
      ]);
      charged = result.charged.length;
      const periods: Parameters<typeof repo.startPeriods>[1] = [];
      for (const s of rows) {
        const { plan, amount } = nextPeriodOf(s, plans);
        const start = starts.get(s.id);
        if (start && (amount === 0 || paid.has(periodChargeKey(s.id, start)))) {
          startPeriod(periods, s, plan, amount, start, todo);
        } else if (s.status === 'CANCELLED') {
          await terminate(tx, s, now, 'cancelled by the customer; the paid period ended', todo);
        } else if (s.status === 'ACTIVE' && !s.graceStartedAt) {
          await repo.updateSubscription(tx, s.id, { graceStartedAt: now });
          if (await repo.claimNotice(tx, s.id, 'grace', s.periodEnd, now))
            todo.mail.push({
              subscriptionId: s.id,
              mail: 'subscription-grace',
              jobId: `grace-${s.id}-${ms(s.periodEnd)}`,
            });
        } else if (s.status === 'ACTIVE' && ms(s.graceStartedAt!) + GRACE_MS <= ms(now)) {
          await suspend(tx, s, now, todo, false);
        } else if (s.status === 'ACTIVE') {
          // Last day of grace: one more mail.
          const left = ms(s.graceStartedAt!) + GRACE_MS - ms(now);
          if (left <= DAY_MS && (await repo.claimNotice(tx, s.id, 'grace-last', s.periodEnd, now)))
            todo.mail.push({
              subscriptionId: s.id,
              mail: 'subscription-grace',
              daysLeft: 1,
              jobId: `grace-last-${s.id}-${ms(s.periodEnd)}`,
            });
        } else if (s.status === 'SUSPENDED' && ms(s.suspendedAt ?? now) + SUSPENDED_BEFORE_TERMINATION_MS <= ms(now)) {
          await terminate(tx, s, now, 'not paid for 14 days after its suspension', todo);
        }
      }
      await repo.startPeriods(tx, periods);
      return due.length;
    });
    return { decided, charged, lastId, todo };
  }

  /** `subscription-expiring` 7, 3 and 1 days before a renewal the balance cannot cover (each once per period). */
  async function expiringNotices(now: Date): Promise<number> {
    const horizon = new Date(ms(now) + EXPIRING_NOTICE_DAYS[0] * DAY_MS);
    const rows = await repo.renewingBetween(database.db, now, horizon);
    if (rows.length === 0) return 0;
    const plans = await plansById(database.db, rows);
    const balances = await deps.billing().balancesOf(
      database.db,
      rows.map((s) => s.userId),
    );
    const todo = afterCommit();
    let running = 0;
    let user = '';
    let balance = 0;
    for (const s of rows) {
      // Renewals of one user come in order of their dates: each needs the balance left after the earlier ones.
      if (s.userId !== user) {
        user = s.userId;
        running = 0;
        balance = balances.get(user) ?? 0;
      }
      running += nextPeriodOf(s, plans).amount;
      if (running <= balance) continue;
      const daysLeft = (ms(s.periodEnd) - ms(now)) / DAY_MS;
      // The nearest mark reached: a renewal first seen 2 days ahead gets the 3-day mail, not the 7-day one too.
      const mark = [...EXPIRING_NOTICE_DAYS].reverse().find((d) => daysLeft <= d)!;
      if (await repo.claimNotice(database.db, s.id, `expiring-${mark}`, s.periodEnd, now)) {
        todo.mail.push({
          subscriptionId: s.id,
          mail: 'subscription-expiring',
          daysLeft: mark,
          jobId: `expiring-${mark}-${s.id}-${ms(s.periodEnd)}`,
        });
      }
    }
    await flush(todo);
    return todo.mail.length;
  }

  /** The scheduled pass: renewals, grace, suspension, termination, resumption after a top-up, expiring mails. */
  async function runPass() {
    const now = clock.now();
    let decided = 0;
    let charged = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await renewBatch(now, afterId);
      afterId = batch.lastId;
      await flush(batch.todo);
      decided += batch.decided;
      charged += batch.charged;
      if (batch.decided < BATCH) break;
    }
    const expiringMailed = await expiringNotices(now);
    if (decided > 0 || expiringMailed > 0) deps.logger.info({ decided, charged, expiringMailed }, 'lifecycle pass');
    return { decided, charged, expiringMailed };
  }

  /** Runs `change` on the locked subscription of `userId` (any user's with `userId` undefined), then the jobs. */
  async function change<T>(
    subscriptionId: string,
    userId: string | undefined,
    fn: (tx: Tx, row: SubscriptionWithPod, now: Date, todo: AfterCommit) => Promise<T>,
  ): Promise<T> {
    const todo = afterCommit();
    const result = await database.transaction(async (tx) => {
      const row = await repo.lockWithPod(tx, subscriptionId);
      if (!row || (userId !== undefined && row.subscription.userId !== userId)) throw notFound('Subscription');
      return fn(tx, row, clock.now(), todo);
    });
    await flush(todo);
    return result;
  }

  const audit = (tx: Tx, actor: Actor, action: string, s: SubscriptionRow, details: Record<string, unknown>) =>
    deps
      .audit()
      .record({ actorId: actor.id, action, targetType: 'subscription', targetId: s.id, ip: actor.ip, details }, tx);

  /** The customer's cancel: runs to the end of the paid period, then terminated; nothing paid left ends now. */
  async function cancel(actor: Actor, id: string) {
    return change(id, actor.id, async (tx, { subscription: s }, now, todo) => {
      if (s.status === 'CANCELLED') return;
      if (!isLive(s.status)) throw conflict(`This subscription has ended (${s.status})`);
      if (s.status === 'SUSPENDED' || ms(s.periodEnd) <= ms(now)) {
        await terminate(tx, s, now, 'cancelled by the customer', todo);
      } else {
        await repo.updateSubscription(tx, s.id, {
          status: 'CANCELLED',
          cancelAtPeriodEnd: true,
          autoRenew: false,
          cancelledAt: now,
          pendingPlanId: null,
        });
      }
      await audit(tx, actor, 'subscription.cancelled', s, { periodEnd: s.periodEnd.toISOString(), was: s.status });
    });
  }

  /** The customer pays now: a subscription suspended for non-payment, or one whose period ended unpaid. */
  async function renew(actor: Actor, id: string) {
    return change(id, actor.id, async (tx, { subscription: s }, now, todo) => {
      const suspendedUnpaid = s.status === 'SUSPENDED' && s.graceStartedAt !== null;
      const overdue = s.status === 'ACTIVE' && ms(s.periodEnd) <= ms(now);
      if (s.status === 'SUSPENDED' && !suspendedUnpaid)
        throw conflict('This subscription was suspended by an administrator; contact support');
      if (!suspendedUnpaid && !overdue) {
        if (s.status === 'ACTIVE') throw conflict(`This subscription is paid until ${s.periodEnd.toISOString()}`);
        throw conflict(`A ${s.status.toLowerCase()} subscription cannot be renewed`);
      }
      const plans = await plansById(tx, [s]);
      const { plan, amount } = nextPeriodOf(s, plans);
      const start = suspendedUnpaid ? now : s.periodEnd;
      // 402 INSUFFICIENT_CREDIT (required, available) leaves it as it was.
      if (amount > 0) await deps.billing().charge(tx, chargeInput(s, plan, amount, start));
      const periods: Parameters<typeof repo.startPeriods>[1] = [];
      startPeriod(periods, s, plan, amount, start, todo);
      await repo.startPeriods(tx, periods);
      await audit(tx, actor, 'subscription.renewed', s, { amount, periodStart: start.toISOString(), was: s.status });
    });
  }

  /** Auto-renew on/off; a plan change of the same service (upgrade now, prorated; downgrade at the next period). */
  async function update(actor: Actor, id: string, input: { autoRenew?: boolean; planId?: string }) {
    return change(id, actor.id, async (tx, { subscription: s }, now, todo) => {
      if (s.status !== 'ACTIVE') throw conflict(`Only an active subscription can be changed (this one is ${s.status})`);
      const values: Partial<SubscriptionRow> = {};
      const details: Record<string, unknown> = {};
      if (input.autoRenew !== undefined && input.autoRenew !== s.autoRenew) {
        values.autoRenew = input.autoRenew;
        details.autoRenew = input.autoRenew;
      }
      if (input.planId !== undefined && input.planId !== (s.pendingPlanId ?? s.planId)) {
        const target = await findPlanForPurchase(tx, input.planId);
        if (!target) throw notFound('Plan');
        if (target.service.id !== s.serviceId) throw badRequest('The new plan must be a plan of the same service');
        if (input.planId === s.planId) {
          // Back to the current plan: the pending downgrade is dropped.
          values.pendingPlanId = null;
          details.plan = { pendingDropped: s.pendingPlanId };
        } else {
          if (!target.isActive || !target.service.isActive) throw conflict(`The plan ${target.name} is not on sale`);
          if (ms(s.periodEnd) <= ms(now)) throw conflict('This period is over; renew it before changing the plan');
          if (target.priceMonthlyIdr >= s.priceIdr) {
            // Upgrade (or the same price): now, the difference charged for the rest of the period.
            const periodMs = ms(s.periodEnd) - ms(s.periodStart);
            const prorated = Math.ceil(
              ((target.priceMonthlyIdr - s.priceIdr) * (ms(s.periodEnd) - ms(now))) / periodMs,
            );
            if (prorated > 0) {
              await deps.billing().charge(tx, {
                userId: s.userId,
                amount: prorated,
                reference: `subscription:${s.id}`,
                idempotencyKey: `subscription:${s.id}:plan-change:${now.toISOString()}`,
                description: `Upgrade to ${target.service.name} ${target.name}: ${s.name}, ${now.toISOString().slice(0, 10)} to ${s.periodEnd.toISOString().slice(0, 10)}`,
                subscriptionId: s.id,
                serviceId: target.service.id,
                planId: target.id,
              });
            }
            Object.assign(values, { planId: target.id, priceIdr: target.priceMonthlyIdr, pendingPlanId: null });
            details.plan = { from: s.planId, to: target.id, prorated, at: 'now' };
            todo.reconcile.push({
              subscriptionId: s.id,
              trigger: 'plan-change',
              jobId: `plan-change-${s.id}-${ms(now)}`,
            });
          } else {
            values.pendingPlanId = target.id;
            details.plan = { from: s.planId, to: target.id, at: s.periodEnd.toISOString() };
          }
        }
      }
      if (Object.keys(values).length === 0) return;
      await repo.updateSubscription(tx, s.id, values);
      await audit(tx, actor, 'subscription.updated', s, details);
    });
  }

  // ---- administrators

  async function adminSuspend(actor: Actor, id: string) {
    return change(id, undefined, async (tx, { subscription: s }, now, todo) => {
      if (s.status !== 'ACTIVE' && s.status !== 'CANCELLED')
        throw conflict(`Only an active or cancelled subscription can be suspended (this one is ${s.status})`);
      await suspend(tx, s, now, todo, true);
      await audit(tx, actor, 'admin.subscription.suspended', s, { was: s.status });
    });
  }

  /** Lifts a suspension without a charge; a period that ended meanwhile goes through renewal at the next pass. */
  async function adminResume(actor: Actor, id: string) {
    return change(id, undefined, async (tx, { subscription: s }, now, todo) => {
      if (s.status !== 'SUSPENDED')
        throw conflict(`Only a suspended subscription can be resumed (this one is ${s.status})`);
      await repo.updateSubscription(tx, s.id, {
        status: s.cancelAtPeriodEnd ? 'CANCELLED' : 'ACTIVE',
        suspendedAt: null,
        graceStartedAt: null,
      });
      todo.reconcile.push({ subscriptionId: s.id, trigger: 'resume', jobId: `resume-${s.id}-${ms(now)}` });
      await audit(tx, actor, 'admin.subscription.resumed', s, { suspendedAt: s.suspendedAt?.toISOString() ?? null });
    });
  }

  async function adminTerminate(actor: Actor, id: string) {
    return change(id, undefined, async (tx, { subscription: s }, now, todo) => {
      if (!isLive(s.status)) throw conflict(`This subscription has ended (${s.status})`);
      await terminate(tx, s, now, 'terminated by an administrator', todo);
      await audit(tx, actor, 'admin.subscription.terminated', s, { was: s.status });
    });
  }

  // ---- the outbox: deactivated and deleted users

  const USER_EVENTS: DomainEventType[] = ['user.deactivated', 'user.deleted'];

  /** Cancels and terminates the live subscriptions of deactivated or deleted users; marks the events processed. */
  async function processUserEvents() {
    let processed = 0;
    let terminated = 0;
    for (;;) {
      const todo = afterCommit();
      const n = await database.transaction(async (tx) => {
        const events = await claimUnprocessedDomainEvents(tx, USER_EVENTS, 100);
        const now = clock.now();
        for (const event of events) {
          for (const id of await repo.liveIdsOfUser(tx, event.aggregateId)) {
            const row = await repo.lockWithPod(tx, id);
            if (!row || !isLive(row.subscription.status)) continue;
            await repo.updateSubscription(tx, id, { cancelledAt: row.subscription.cancelledAt ?? now });
            await terminate(
              tx,
              row.subscription,
              now,
              event.type === 'user.deleted' ? 'the account was deleted' : 'the account was deactivated',
              todo,
            );
            terminated++;
          }
        }
        await markDomainEventsProcessed(
          tx,
          events.map((e) => e.id),
          now,
        );
        return events.length;
      });
      // The account is gone or inactive: no mail (the notify job skips inactive users anyway).
      todo.mail = [];
      await flush(todo);
      processed += n;
      if (n < 100) break;
    }
    if (processed > 0) deps.logger.info({ processed, terminated }, 'user events processed');
    return { processed, terminated };
  }

  return { runPass, cancel, renew, update, adminSuspend, adminResume, adminTerminate, processUserEvents };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
