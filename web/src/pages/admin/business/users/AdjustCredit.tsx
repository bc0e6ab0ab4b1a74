import { Alert, Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { serverFieldErrors } from '../../../../components/forms';
import { useApiMutation } from '../../../../components/mutations';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { requestKey } from '../shared/query-values';
import { usersMessages } from './messages';

const MAX_ADJUSTMENT = 100_000_000;

interface Pending {
  amount: number;
  reason: string;
  /** One key per intended adjustment: confirming again after a failure cannot adjust twice. */
  key: string;
}

/** Adds or takes credit by hand, with a reason; asks first, then says the balance it left. */
export function AdjustCredit({ user }: { user: Schemas['User'] }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const f = useFormat();
  const [pending, setPending] = useState<Pending | null>(null);
  const form = useForm<{ amount: number | string; reason: string }>({
    initialValues: { amount: '', reason: '' },
    validate: {
      amount: (v) => {
        const n = typeof v === 'number' ? v : Number(v);
        return v === '' || !Number.isInteger(n) || n === 0 || Math.abs(n) > MAX_ADJUSTMENT ? t.amountRule : null;
      },
      reason: (v) => (v.trim().length < 3 || v.trim().length > 500 ? t.reasonRule : null),
    },
  });
  const mutation = useApiMutation({
    mutationFn: (p: Pending) =>
      call(
        api.POST('/api/v1/admin/users/{id}/adjustments', {
          params: { path: { id: user.id }, header: { 'idempotency-key': p.key } },
          body: { amount: p.amount, reason: p.reason },
        }),
      ),
    invalidates: [['admin', 'transactions']],
    quiet: true,
    onSuccess: () => form.reset(),
  });
  const who = `${user.name} (${user.email})`;
  const close = () => {
    if (mutation.error) form.setErrors(serverFieldErrors(mutation.error));
    setPending(null);
  };
  return (
    <>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          mutation.reset();
          setPending({ amount: Number(values.amount), reason: values.reason.trim(), key: requestKey() });
        })}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t.creditTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {t.creditHelp}
          </Text>
          <NumberInput
            label={t.adjustAmount}
            required
            allowDecimal={false}
            min={-MAX_ADJUSTMENT}
            max={MAX_ADJUSTMENT}
            thousandSeparator={f.locale === 'id' ? '.' : ','}
            decimalSeparator={f.locale === 'id' ? ',' : '.'}
            {...form.getInputProps('amount')}
          />
          <Textarea label={t.reason} required autosize minRows={2} maxLength={500} {...form.getInputProps('reason')} />
          <Group>
            <Button type="submit" variant="default">
              {t.adjust}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        errorTitle={w.refused}
        autoFocus="confirm"
        opened={pending !== null}
        onClose={close}
        title={t.adjustConfirmTitle}
        confirmLabel={t.adjust}
        color={(pending?.amount ?? 0) < 0 ? 'red' : 'blue'}
        loading={mutation.isPending}
        error={mutation.error}
        onConfirm={() => pending && mutation.mutate(pending)}
        done={
          mutation.data ? (
            <Alert color="green" role="status">
              <Text size="sm" data-testid="adjusted-balance">
                {mutation.data.replayed ? t.replayed : t.adjusted(f.idr(mutation.data.balance))}
              </Text>
            </Alert>
          ) : undefined
        }
      >
        {pending && (
          <>
            <Text>
              {pending.amount > 0
                ? t.adjustAdd(f.idr(pending.amount), who)
                : t.adjustTake(f.idr(Math.abs(pending.amount)), who)}
            </Text>
            <Text size="sm">
              {t.reason}: {pending.reason}
            </Text>
          </>
        )}
      </ConfirmModal>
    </>
  );
}
