import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, api, call } from '../../../api/client';
import { meQueryKey } from '../../../auth/auth';
import { accessTokenForRequest } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';

const m = defineMessages({
  en: {
    resend: 'Resend verification email',
    sent: (email: string) => `We sent a new link to ${email}. It may take a minute to arrive.`,
    title: 'Your email address is not verified',
    body: (email: string) =>
      `Open the link we mailed to ${email} to verify it. Until then you cannot top up or subscribe.`,
  },
  id: {
    resend: 'Kirim ulang email verifikasi',
    sent: (email: string) => `Kami telah mengirim tautan baru ke ${email}. Mungkin perlu semenit untuk tiba.`,
    title: 'Alamat email Anda belum diverifikasi',
    body: (email: string) =>
      `Buka tautan yang kami kirim ke ${email} untuk memverifikasinya. Sebelum itu Anda belum dapat mengisi saldo atau berlangganan.`,
  },
});

/** POST /auth/verify-email/resend; an address verified meanwhile (409) refreshes the profile instead. */
export function ResendVerificationButton() {
  const t = useMessages(m);
  const queryClient = useQueryClient();
  const resend = useApiMutation({
    mutationFn: async () => {
      try {
        // The shared client leaves /auth/verify-email* unsigned (the link's own POST needs no session); this one does.
        const token = await accessTokenForRequest();
        return await call(
          api.POST('/api/v1/auth/verify-email/resend', {
            headers: token ? { authorization: `Bearer ${token}` } : {},
          }),
        );
      } catch (err) {
        // Verified meanwhile (in another tab): the profile says so, and this notice goes away.
        if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: meQueryKey });
        throw err;
      }
    },
    quiet: true,
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" loading={resend.isPending} onClick={() => resend.mutate(undefined)}>
        {t.resend}
      </Button>
      <Text size="sm" role="status">
        {resend.isSuccess ? t.sent(resend.data.email) : ''}
      </Text>
      {resend.isError && <ErrorAlert error={resend.error} />}
    </Stack>
  );
}

/** The notice for a signed-in user whose email is not verified yet, with the resend button. */
export function VerifyEmailNotice({ email, children }: { email: string; children?: ReactNode }) {
  const t = useMessages(m);
  return (
    <Alert color="blue" title={t.title} data-testid="verify-email-notice">
      <Stack gap="xs">
        <Text size="sm">{t.body(email)}</Text>
        {children}
        <ResendVerificationButton />
      </Stack>
    </Alert>
  );
}
