import { Button, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { BillingFigures, UpcomingRenewals } from './billing/Overview';
import { PendingTopups } from './billing/PendingTopups';
import { TopupForm } from './billing/TopupForm';
import { TopupResult } from './billing/TopupResult';
import { billingWords } from './billing/words';

const m = defineMessages({
  en: { description: 'Your prepaid credit in rupiah: apps are paid from it when they start and renew.' },
  id: { description: 'Saldo prabayar Anda dalam rupiah: aplikasi dibayar darinya saat dimulai dan diperpanjang.' },
});

/**
 * /billing: the balance and the overview (runway, this month, renewals ahead), a top-up (Snap popup or
 * Midtrans' page), the top-ups waiting for payment, and the outcome of a payment when Midtrans sends the
 * browser back here (`?order_id=…`).
 */
export default function BillingPage() {
  const t = useMessages(m);
  const words = useMessages(billingWords);
  const [prefill, setPrefill] = useState<{ amount: number; at: number }>();
  return (
    <>
      <PageHeader
        title={words.billing}
        description={t.description}
        actions={
          <>
            <Button component={Link} to="/billing/transactions" variant="default">
              {words.transactions}
            </Button>
            <Button component={Link} to="/billing/invoices" variant="default">
              {words.invoices}
            </Button>
          </>
        }
      />
      <TopupResult />
      <BillingFigures />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TopupForm prefill={prefill} />
        <PendingTopups />
      </SimpleGrid>
      <UpcomingRenewals onTopUp={(amount) => setPrefill({ amount, at: Date.now() })} />
    </>
  );
}
