import type { Schemas } from '../../../api/client';
import type { useFormat } from '../../../i18n/i18n';
import type { AppsMessages } from './messages';

type Subscription = Schemas['Subscription'];

/** The subscription's period has ended (a renewal not paid yet). */
export const periodOver = (s: Subscription) => new Date(s.periodEnd).getTime() <= Date.now();

/** "Pay now" applies: suspended (for non-payment), or active with its period ended unpaid. */
export const mayRenew = (s: Subscription) => s.status === 'SUSPENDED' || (s.status === 'ACTIVE' && periodOver(s));

/** Cancel applies: a live subscription not cancelled yet. */
export const mayCancel = (s: Subscription) => s.status === 'ACTIVE' || s.status === 'SUSPENDED';

/** What happens at the end of the period, in one line: renews (when and for how much), ends, or ended. */
export function renewalText(s: Subscription, t: AppsMessages, f: ReturnType<typeof useFormat>): string {
  if (s.status === 'TERMINATED' || s.status === 'FAILED') return t.ended;
  if (s.status === 'SUSPENDED') return t.suspended;
  if (s.nextCharge) return `${t.renewsOn(f.date(s.nextCharge.at))} · ${f.idr(s.nextCharge.amount)}`;
  if (periodOver(s)) return t.endedOn(f.date(s.periodEnd));
  return t.endsOn(f.date(s.periodEnd));
}
