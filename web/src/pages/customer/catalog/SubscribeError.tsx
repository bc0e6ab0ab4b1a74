import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { common } from '../../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { CreditError } from './api';
import { ResendVerificationButton } from './VerifyEmail';

const m = defineMessages({
  en: {
    creditTitle: 'Not enough credit',
    credit: (required: string, available: string, missing: string) =>
      `The first month costs ${required} and your balance is ${available}. Top up at least ${missing}, then subscribe again.`,
    topUp: 'Top up',
    verifyTitle: 'Verify your email address first',
    verify: (email: string) =>
      `Subscribing needs a verified email. Open the link we mailed to ${email}, or ask for a new one.`,
    failed: 'The subscription was not created',
  },
  id: {
    creditTitle: 'Saldo tidak cukup',
    credit: (required: string, available: string, missing: string) =>
      `Bulan pertama seharga ${required} dan saldo Anda ${available}. Isi saldo minimal ${missing}, lalu berlangganan lagi.`,
    topUp: 'Isi saldo',
    verifyTitle: 'Verifikasi alamat email Anda dulu',
    verify: (email: string) =>
      `Berlangganan memerlukan email yang terverifikasi. Buka tautan yang kami kirim ke ${email}, atau minta tautan baru.`,
    failed: 'Langganan tidak dibuat',
  },
});

/** Why POST /subscriptions refused, with the way out: a top-up for 402, the verification mail for 403. */
export function SubscribeError({ error, email }: { error: unknown; email: string }) {
  const t = useMessages(m);
  const c = useMessages(common);
  const f = useFormat();
  const requestId =
    error instanceof ApiError && error.requestId ? (
      <Text size="xs" c="dimmed">
        {c.requestId}: <Code>{error.requestId}</Code>
      </Text>
    ) : null;
  if (error instanceof CreditError) {
    return (
      <Alert color="red" title={t.creditTitle} role="alert" data-testid="insufficient-credit">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t.credit(f.idr(error.required), f.idr(error.available), f.idr(error.required - error.available))}
          </Text>
          <Button component={Link} to="/billing" size="xs">
            {t.topUp}
          </Button>
          {requestId}
        </Stack>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') {
    return (
      <Alert color="red" title={t.verifyTitle} role="alert" data-testid="email-not-verified">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t.verify(email)}</Text>
          <ResendVerificationButton />
          {requestId}
        </Stack>
      </Alert>
    );
  }
  return <ErrorAlert error={error} title={t.failed} />;
}
