import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiError, api, call } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, serverFieldErrors, TOPUP_MAX, TOPUP_MIN } from '../../../components/forms';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { onlyFieldErrors } from '../account/form-errors';
import { billingKeys } from './queries';
import { useLeaving, usePayment } from './usePayment';

export const QUICK_AMOUNTS = [50_000, 100_000, 250_000, 500_000, 1_000_000];

const m = defineMessages({
  en: {
    title: 'Add credit',
    amount: 'Amount (IDR)',
    range: (min: string, max: string) => `Whole rupiah, from ${min} to ${max}`,
    outOfRange: (min: string, max: string) => `Enter a whole amount from ${min} to ${max}`,
    quick: 'Quick amounts',
    submit: 'Top up',
    how: 'You pay through Midtrans: QRIS, e-wallets, bank virtual accounts or cards. The credit arrives as soon as Midtrans confirms the payment.',
    verify: 'Verify your email address on your profile first.',
    toProfile: 'Go to your profile',
  },
  id: {
    title: 'Tambah saldo',
    amount: 'Jumlah (IDR)',
    range: (min: string, max: string) => `Rupiah bulat, dari ${min} sampai ${max}`,
    outOfRange: (min: string, max: string) => `Masukkan jumlah bulat dari ${min} sampai ${max}`,
    quick: 'Jumlah cepat',
    submit: 'Isi saldo',
    how: 'Pembayaran melalui Midtrans: QRIS, dompet digital, virtual account bank, atau kartu. Saldo bertambah begitu Midtrans mengonfirmasi pembayaran.',
    verify: 'Verifikasi alamat email Anda di profil terlebih dahulu.',
    toProfile: 'Ke profil Anda',
  },
});

const newKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/**
 * The top-up form: an amount (whole rupiah, the API's limits), quick picks, then the payment (popup or
 * Midtrans' page). A retry after a network failure sends the same Idempotency-Key, so it cannot start a
 * second top-up; any answer from the API (or another amount) takes a fresh key.
 */
export function TopupForm({ prefill }: { prefill?: { amount: number; at: number } }) {
  const t = useMessages(m);
  const f = useFormat();
  const payNow = usePayment();
  const input = useRef<HTMLInputElement>(null);
  const attempt = useRef<{ amount: number; key: string } | null>(null);
  /** On the way to Midtrans' page: the button stays busy until the browser leaves. */
  const [leaving, setLeaving] = useLeaving();
  const rangeText = t.range(f.idr(TOPUP_MIN), f.idr(TOPUP_MAX));
  const outOfRange = t.outOfRange(f.idr(TOPUP_MIN), f.idr(TOPUP_MAX));
  const form = useForm<{ amount: number | string }>({
    initialValues: { amount: '' },
    validate: { amount: (value) => (rules.topupAmount(value) ? outOfRange : null) },
  });
  const topup = useApiMutation({
    quiet: true,
    invalidates: [billingKeys.all],
    mutationFn: (amount: number) => {
      if (attempt.current?.amount !== amount) attempt.current = { amount, key: newKey() };
      return call(
        api.POST('/api/v1/billing/topups', {
          body: { amount },
          params: { header: { 'idempotency-key': attempt.current.key } },
        }),
      );
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new prefill (a button elsewhere) fills the field
  useEffect(() => {
    if (!prefill) return;
    form.setFieldValue('amount', prefill.amount);
    input.current?.focus();
  }, [prefill]);

  const notVerified = topup.error instanceof ApiError && topup.error.code === 'EMAIL_NOT_VERIFIED';
  return (
    <Paper withBorder p="md" h="100%">
      <form
        noValidate
        onSubmit={form.onSubmit(async ({ amount }) => {
          try {
            const { transaction, payment } = await topup.mutateAsync(Number(amount));
            attempt.current = null;
            const outcome = await payNow(transaction.id, payment);
            if (outcome === 'redirected') setLeaving(true);
            if (outcome === 'finished') form.reset();
          } catch (err) {
            if (!(err instanceof ApiError && err.code === 'NETWORK')) attempt.current = null;
            form.setErrors(serverFieldErrors(err));
          }
        })}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.title}
          </Title>
          <NumberInput
            ref={input}
            label={t.amount}
            description={rangeText}
            required
            min={TOPUP_MIN}
            max={TOPUP_MAX}
            step={10_000}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            thousandSeparator={f.locale === 'id' ? '.' : ','}
            decimalSeparator={f.locale === 'id' ? ',' : '.'}
            inputMode="numeric"
            {...form.getInputProps('amount')}
          />
          <Group gap="xs" role="group" aria-label={t.quick} wrap="wrap">
            {QUICK_AMOUNTS.map((amount) => (
              <Button
                key={amount}
                size="compact-sm"
                variant={Number(form.values.amount) === amount ? 'filled' : 'default'}
                aria-pressed={Number(form.values.amount) === amount}
                onClick={() => form.setFieldValue('amount', amount)}
              >
                {f.idr(amount)}
              </Button>
            ))}
          </Group>
          {topup.error && !onlyFieldErrors(topup.error, form.values) ? <ErrorAlert error={topup.error} /> : null}
          {notVerified && (
            <Text size="sm">
              {t.verify}{' '}
              <Anchor component={Link} to="/profile">
                {t.toProfile}
              </Anchor>
            </Text>
          )}
          <Group>
            <Button type="submit" loading={form.submitting || topup.isPending || leaving}>
              {t.submit}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t.how}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
