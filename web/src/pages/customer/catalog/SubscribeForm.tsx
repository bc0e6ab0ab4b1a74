import { Button, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../../api/client';
import type { User } from '../../../auth/auth';
import { serverFieldErrors } from '../../../components/forms';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { billingKeys } from '../billing/queries';
import { callWithCredit, catalogKeys, type Service } from './api';
import { BalanceCheck } from './BalanceCheck';
import { CredentialsModal } from './CredentialsModal';
import { NameField, useNameCheck } from './NameField';
import { PlanPicker } from './PlanPicker';
import { SubscribeError } from './SubscribeError';

const m = defineMessages({
  en: {
    section: 'Subscribe',
    plans: 'Plans',
    subscribe: 'Subscribe',
    choosePlan: 'Choose a plan',
    nameRequired: 'Give your app a name',
    nameRefused: 'Choose another name',
  },
  id: {
    section: 'Berlangganan',
    plans: 'Paket',
    subscribe: 'Berlangganan',
    choosePlan: 'Pilih paket',
    nameRequired: 'Beri nama aplikasi Anda',
    nameRefused: 'Pilih nama lain',
  },
});

interface Created {
  id: string;
  name: string;
  url: string;
}

/**
 * Choose a plan, name the app (checked as typed), see whether the balance covers the first month, then
 * POST /subscriptions { planId, name } with an Idempotency-Key (a retry of the same request cannot buy twice).
 * On success the first credentials are shown, then the subscription's page.
 */
export function SubscribeForm({
  service,
  user,
  initialPlan,
}: {
  service: Service;
  user: User;
  initialPlan: string | null;
}) {
  const t = useMessages(m);
  const navigate = useNavigate();
  const [created, setCreated] = useState<Created | null>(null);
  const attempt = useRef<{ of: string; key: string } | null>(null);
  const form = useForm({
    initialValues: {
      planId: service.plans.some((p) => p.id === initialPlan)
        ? initialPlan!
        : service.plans.length === 1
          ? service.plans[0]!.id
          : '',
      name: '',
    },
    validate: {
      planId: (v) => (v ? null : t.choosePlan),
      name: (v) => (v.length === 0 ? t.nameRequired : null),
    },
  });
  const check = useNameCheck(form.values.name);
  const plan = service.plans.find((p) => p.id === form.values.planId);

  const subscribe = useApiMutation({
    mutationFn: (values: { planId: string; name: string }) => {
      // The same plan and name again (after a network error, say) reuse the key: the API answers the first purchase.
      const of = `${values.planId}:${values.name}`;
      if (attempt.current?.of !== of) attempt.current = { of, key: crypto.randomUUID() };
      return callWithCredit(
        api.POST('/api/v1/subscriptions', {
          body: values,
          params: { header: { 'idempotency-key': attempt.current.key } },
        }),
      );
    },
    invalidates: [catalogKeys.subscriptions, billingKeys.all],
    quiet: true,
    onSuccess: (data) => setCreated({ id: data.subscription.id, name: data.subscription.name, url: data.url }),
  });

  return (
    <Paper withBorder p="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (check.verdict && !check.verdict.available) {
            form.setFieldError('name', t.nameRefused);
            return;
          }
          subscribe.mutate(values, {
            onError: (error) => {
              const fields = serverFieldErrors(error);
              if (Object.keys(fields).length > 0) form.setErrors(fields);
              if (error instanceof ApiError && error.status === 409 && /name|address/i.test(error.message)) {
                form.setFieldError('name', error.message);
              }
            },
          });
        })}
      >
        <Stack gap="lg">
          <Title order={2} size="h3">
            {t.plans}
          </Title>
          <PlanPicker
            plans={service.plans}
            value={form.values.planId}
            onChange={(planId) => {
              form.setFieldValue('planId', planId);
              subscribe.reset();
            }}
            error={form.errors.planId as string | undefined}
          />
          <Title order={2} size="h3">
            {t.section}
          </Title>
          <NameField
            value={form.values.name}
            onChange={(name) => {
              form.setFieldValue('name', name);
              form.clearFieldError('name');
              subscribe.reset();
            }}
            error={form.errors.name as string | undefined}
            check={check}
          />
          <BalanceCheck plan={plan} />
          {subscribe.isError && <SubscribeError error={subscribe.error} email={user.email} />}
          <Button type="submit" loading={subscribe.isPending} style={{ alignSelf: 'flex-start' }}>
            {t.subscribe}
          </Button>
        </Stack>
      </form>
      {created && <CredentialsModal subscription={created} onDone={() => navigate(`/subscriptions/${created.id}`)} />}
    </Paper>
  );
}
