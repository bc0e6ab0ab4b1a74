import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { billingKeys } from './queries';
import { billingWords, statusLabel } from './words';

/** Poll the top-up this often while it is PENDING, for at most this long. */
export const POLL_EVERY_MS = 2_000;
export const POLL_FOR_MS = 60_000;

const m = defineMessages({
  en: {
    waiting: 'Waiting for Midtrans to confirm your payment…',
    waitingText: (amount: string) => `Top-up of ${amount}. This usually takes a few seconds.`,
    notYet: 'The payment is not confirmed yet',
    notYetText:
      'If you paid, your balance is credited as soon as Midtrans reports it (this can take a few minutes for bank transfers). If you did not, the top-up waits below: pay it or cancel it.',
    checkAgain: 'Check again',
    received: 'Payment received',
    receivedText: (amount: string) => `${amount} was added to your balance.`,
    notPaid: 'The top-up was not paid',
    notPaidText: (status: string) => `Status: ${status}. Nothing was charged; you can start a new top-up.`,
    unknownOrder: 'This payment reference does not belong to one of your top-ups.',
    dismiss: 'Dismiss',
  },
  id: {
    waiting: 'Menunggu konfirmasi pembayaran dari Midtrans…',
    waitingText: (amount: string) => `Isi saldo ${amount}. Biasanya hanya perlu beberapa detik.`,
    notYet: 'Pembayaran belum terkonfirmasi',
    notYetText:
      'Jika Anda sudah membayar, saldo bertambah begitu Midtrans melaporkannya (untuk transfer bank bisa beberapa menit). Jika belum, isi saldo menunggu di bawah: bayar atau batalkan.',
    checkAgain: 'Periksa lagi',
    received: 'Pembayaran diterima',
    receivedText: (amount: string) => `${amount} telah ditambahkan ke saldo Anda.`,
    notPaid: 'Isi saldo tidak dibayar',
    notPaidText: (status: string) => `Status: ${status}. Tidak ada yang ditagih; Anda bisa memulai isi saldo baru.`,
    unknownOrder: 'Referensi pembayaran ini bukan milik salah satu isi saldo Anda.',
    dismiss: 'Tutup',
  },
});

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-\d+)?$/i;

/** A Midtrans order id is the top-up's id, or `<id>-<n>` for a later payment page of it. */
export function transactionIdOfOrder(orderId: string): string | null {
  return UUID.exec(orderId.trim())?.[1]?.toLowerCase() ?? null;
}

/**
 * Where Midtrans sends the browser back (`/billing?order_id=…&transaction_status=…`), and where the popup's
 * end leads: the top-up's outcome, polled while it is PENDING.
 */
export function TopupResult() {
  const [params, setParams] = useSearchParams();
  const t = useMessages(m);
  const orderId = params.get('order_id');
  if (!orderId) return null;
  const dismiss = () => setParams({}, { replace: true });
  const id = transactionIdOfOrder(orderId);
  if (!id) {
    return (
      <Alert color="red" role="alert" mb="lg" withCloseButton closeButtonLabel={t.dismiss} onClose={dismiss}>
        {t.unknownOrder}
      </Alert>
    );
  }
  return <Outcome key={orderId} id={id} onDismiss={dismiss} />;
}

function Outcome({ id, onDismiss }: { id: string; onDismiss: () => void }) {
  const t = useMessages(m);
  const words = useMessages(billingWords);
  const f = useFormat();
  const queryClient = useQueryClient();
  const [deadline, setDeadline] = useState(() => Date.now() + POLL_FOR_MS);
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    setTimedOut(false);
    const timer = setTimeout(() => setTimedOut(true), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline]);
  const query = useQuery({
    queryKey: billingKeys.transaction(id),
    queryFn: () => call(api.GET('/api/v1/billing/transactions/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'PENDING' && !timedOut ? POLL_EVERY_MS : false),
  });
  const status = query.data?.status;
  // Settled (or given up): the balance, the overview and the lists change with it.
  useEffect(() => {
    if (status && status !== 'PENDING') void queryClient.invalidateQueries({ queryKey: billingKeys.all });
  }, [status, queryClient]);

  return (
    <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }} aria-live="polite">
      <QueryState query={query}>
        {(transaction) => {
          const amount = f.idr(transaction.amount);
          if (transaction.status === 'SUCCESS') {
            return (
              <Alert color="green" title={t.received} data-testid="topup-result" data-status="SUCCESS">
                <Text size="sm">{t.receivedText(amount)}</Text>
                <Button size="xs" variant="default" mt="sm" onClick={onDismiss}>
                  {t.dismiss}
                </Button>
              </Alert>
            );
          }
          if (transaction.status === 'PENDING' && !timedOut) {
            return (
              <Alert color="blue" title={t.waiting} icon={<Loader size="xs" aria-hidden />} data-status="PENDING">
                <Text size="sm">{t.waitingText(amount)}</Text>
              </Alert>
            );
          }
          if (transaction.status === 'PENDING') {
            return (
              <Alert color="blue" title={t.notYet} data-status="PENDING">
                <Text size="sm">{t.notYetText}</Text>
                <Group mt="sm" gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setDeadline(Date.now() + POLL_FOR_MS);
                      void query.refetch();
                    }}
                  >
                    {t.checkAgain}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={onDismiss}>
                    {t.dismiss}
                  </Button>
                </Group>
              </Alert>
            );
          }
          return (
            <Alert color="red" title={t.notPaid} data-status={transaction.status}>
              <Text size="sm">{t.notPaidText(statusLabel(words, transaction.status))}</Text>
              <Button size="xs" variant="default" mt="sm" onClick={onDismiss}>
                {t.dismiss}
              </Button>
            </Alert>
          );
        }}
      </QueryState>
    </div>
  );
}
