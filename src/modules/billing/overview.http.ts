import { z } from 'zod';

const rupiah = z.number().int();
const month = z.object({
  from: z.iso.datetime().describe('Start of the month in the billing time zone (inclusive)'),
  to: z.iso.datetime().describe('Start of the next month (exclusive)'),
  spend: rupiah.describe('Subscription charges less refunds completed in the month, IDR'),
  topups: z.object({ count: z.number().int(), amount: rupiah }).describe('Successful top-ups completed in the month'),
});

export const overviewView = z
  .object({
    balance: rupiah.describe('IDR'),
    currency: z.literal('IDR'),
    timeZone: z.string().describe('The time zone months are counted in'),
    thisMonth: month,
    lastMonth: month,
    pendingTopups: z.object({ count: z.number().int(), amount: rupiah }).describe('Top-ups waiting for payment'),
    upcomingRenewals: z.object({
      until: z.iso.datetime().describe('Renewals before this instant (30 days ahead) are listed'),
      total: rupiah.describe('What they will charge, IDR'),
      shortfall: rupiah.describe('How much more credit they need than the balance holds (0 when covered)'),
      items: z.array(
        z.object({
          subscriptionId: z.uuid(),
          name: z.string(),
          serviceId: z.uuid().nullable(),
          planId: z.uuid().nullable(),
          amount: rupiah,
          renewsAt: z.iso.datetime(),
        }),
      ),
    }),
    burn: z
      .object({ monthly: rupiah, daily: rupiah })
      .describe('What the auto-renewing subscriptions cost per 30 days and per day (rounded up), IDR'),
    runway: z
      .object({
        days: z
          .number()
          .int()
          .nullable()
          .describe('Whole days the balance lasts at the burn rate; null: nothing burns'),
        until: z.iso.datetime().nullable().describe('When the balance runs out at the burn rate; null: never'),
      })
      .describe('How long the balance lasts at the current burn rate of the subscriptions'),
  })
  .meta({ id: 'BillingOverview' });

export type OverviewView = z.output<typeof overviewView>;
