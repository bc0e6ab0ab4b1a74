import '@mantine/charts/styles.css';
import { PageHeader } from '../../components/PageHeader';
import { useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { AllTransactions } from './business/transactions/AllTransactions';
import { txMessages } from './business/transactions/messages';
import { PendingTopups } from './business/transactions/PendingTopups';
import { RevenueSection } from './business/transactions/RevenueSection';

/**
 * /admin/transactions: revenue per day (chart, totals, a table of the same numbers), pending top-ups, and
 * every transaction; each section's filters and page are in the address.
 */
export default function TransactionsAdminPage() {
  const t = useMessages(txMessages);
  const url = useUrlState();
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <RevenueSection url={url} />
      <PendingTopups url={url} />
      <AllTransactions url={url} />
    </>
  );
}
