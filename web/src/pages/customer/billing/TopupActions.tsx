import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { billingKeys } from './queries';
import { useLeaving, usePayment } from './usePayment';
import type { Transaction } from './words';

const m = defineMessages({
  en: {
    pay: 'Pay',
    payLabel: (amount: string, date: string) => `Pay the top-up of ${amount} (${date})`,
    cancel: 'Cancel',
    cancelLabel: (amount: string, date: string) => `Cancel the top-up of ${amount} (${date})`,
    confirmTitle: 'Cancel this top-up?',
    confirmText: (amount: string) =>
      `The top-up of ${amount} will no longer wait for payment. If you already paid it, the money is still credited when Midtrans reports it.`,
    keep: 'Keep it',
    confirm: 'Cancel top-up',
    cancelled: 'The top-up was cancelled.',
  },
  id: {
    pay: 'Bayar',
    payLabel: (amount: string, date: string) => `Bayar isi saldo ${amount} (${date})`,
    cancel: 'Batalkan',
    cancelLabel: (amount: string, date: string) => `Batalkan isi saldo ${amount} (${date})`,
    confirmTitle: 'Batalkan isi saldo ini?',
    confirmText: (amount: string) =>
      `Isi saldo ${amount} tidak lagi menunggu pembayaran. Jika sudah Anda bayar, uangnya tetap masuk ke saldo begitu Midtrans melaporkannya.`,
    keep: 'Biarkan',
    confirm: 'Batalkan isi saldo',
    cancelled: 'Isi saldo dibatalkan.',
  },
});

/** "Pay" (a usable payment page, a fresh one if the old expired) and "Cancel" (confirmed) for a PENDING top-up. */
export function TopupActions({ transaction }: { transaction: Transaction }) {
  const t = useMessages(m);
  const f = useFormat();
  const payNow = usePayment();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [leaving, setLeaving] = useLeaving();
  const amount = f.idr(transaction.amount);
  const date = f.dateTime(transaction.createdAt);
  /** A refusal (409: paid or ended meanwhile) means the list is out of date: it is refetched too. */
  const refetchOnRefusal = (err: unknown): never => {
    void queryClient.invalidateQueries({ queryKey: billingKeys.all });
    throw err;
  };
  const pay = useApiMutation({
    invalidates: [billingKeys.all],
    mutationFn: () =>
      call(api.POST('/api/v1/billing/transactions/{id}/pay', { params: { path: { id: transaction.id } } })).catch(
        refetchOnRefusal,
      ),
    onSuccess: async ({ transaction: paid, payment }) => {
      if ((await payNow(paid.id, payment)) === 'redirected') setLeaving(true);
    },
  });
  // A refusal is a notification: the row (and this modal) may be gone once the list is refetched.
  const cancel = useApiMutation({
    invalidates: [billingKeys.all],
    success: t.cancelled,
    mutationFn: () =>
      call(api.POST('/api/v1/billing/transactions/{id}/cancel', { params: { path: { id: transaction.id } } })).catch(
        refetchOnRefusal,
      ),
    onSuccess: () => setConfirming(false),
  });
  if (transaction.type !== 'TOPUP' || transaction.status !== 'PENDING') return null;
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="compact-sm"
          aria-label={t.payLabel(amount, date)}
          loading={pay.isPending || leaving}
          onClick={() => pay.mutate()}
        >
          {t.pay}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          aria-label={t.cancelLabel(amount, date)}
          onClick={() => {
            cancel.reset();
            setConfirming(true);
          }}
        >
          {t.cancel}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t.confirmTitle}
        cancelLabel={t.keep}
        confirmLabel={t.confirm}
        color="red.9"
        autoFocus="cancel"
        loading={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        <Text size="sm">{t.confirmText(amount)}</Text>
      </ConfirmModal>
    </>
  );
}
