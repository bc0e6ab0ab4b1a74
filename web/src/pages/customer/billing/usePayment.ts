import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../../api/client';
import { notify } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { billingKeys, paymentConfigQuery } from './queries';
import { type PaymentOutcome, pay } from './snap';

const m = defineMessages({
  en: { closed: 'The payment window was closed. The top-up waits for payment: pay it from Billing at any time.' },
  id: {
    closed: 'Jendela pembayaran ditutup. Isi saldo menunggu pembayaran: bayar kapan saja dari halaman Tagihan.',
  },
});

/**
 * Opens the payment of a top-up (popup or Midtrans' page, see snap.ts). After the popup, the billing page
 * shows the top-up's outcome (`/billing?order_id=…`, as Midtrans' redirect does).
 */
export function usePayment() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const t = useMessages(m);
  return useCallback(
    async (transactionId: string, payment: Schemas['Payment']): Promise<PaymentOutcome['kind']> => {
      const config = await queryClient.ensureQueryData(paymentConfigQuery);
      const outcome = await pay(payment, config);
      if (outcome.kind === 'redirected') return outcome.kind;
      await queryClient.invalidateQueries({ queryKey: billingKeys.all });
      if (outcome.kind === 'closed') {
        notify({ color: 'blue', message: t.closed });
        return outcome.kind;
      }
      const query = new URLSearchParams({ order_id: outcome.result.order_id ?? transactionId });
      if (outcome.result.transaction_status) query.set('transaction_status', outcome.result.transaction_status);
      navigate(`/billing?${query}`);
      return outcome.kind;
    },
    [queryClient, navigate, t],
  );
}

/**
 * True once the browser is on its way to Midtrans' page (a button stays busy until it leaves); false again
 * when the page comes back from the back/forward cache.
 */
export function useLeaving() {
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) setLeaving(false);
    };
    window.addEventListener('pageshow', back);
    return () => window.removeEventListener('pageshow', back);
  }, []);
  return [leaving, setLeaving] as const;
}
