/**
 * A subscription period is one calendar month (UTC): from the 31st to the last day of the next month
 * when that month is shorter. Renewals start the next period at the previous `periodEnd`.
 */
export function addOneMonth(start: Date): Date {
  const end = new Date(start);
  const day = start.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** The ledger key of the charge for the period starting at `periodStart`: one charge per subscription and period. */
export const periodChargeKey = (subscriptionId: string, periodStart: Date) =>
  `subscription:${subscriptionId}:period:${periodStart.toISOString()}`;

/** The ledger key of the refund of a subscription whose provisioning failed for good (once). */
export const provisioningRefundKey = (subscriptionId: string) => `subscription:${subscriptionId}:provisioning-refund`;
