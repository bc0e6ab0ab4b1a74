import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { api, call } from '../../../api/client';
import type { User } from '../../../auth/auth';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';

const m = defineMessages({
  en: {
    title: 'Email address',
    verified: 'Verified',
    unverified: 'Not verified',
    unverifiedText: 'Verify your address to top up and subscribe: open the link in the email we sent you.',
    resend: 'Resend verification email',
    sent: (email: string) => `We sent a new link to ${email}. It may take a minute to arrive.`,
  },
  id: {
    title: 'Alamat email',
    verified: 'Terverifikasi',
    unverified: 'Belum terverifikasi',
    unverifiedText: 'Verifikasi alamat Anda untuk isi saldo dan berlangganan: buka tautan di email yang kami kirim.',
    resend: 'Kirim ulang email verifikasi',
    sent: (email: string) => `Kami mengirim tautan baru ke ${email}. Mungkin perlu satu menit untuk sampai.`,
  },
});

/** The account's email, whether it is verified, and a new verification link (POST /auth/verify-email/resend). */
export function EmailStatus({ user }: { user: User }) {
  const t = useMessages(m);
  const resend = useApiMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/verify-email/resend')),
    success: ({ email }) => t.sent(email),
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.title}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Badge
            variant="dot"
            color={user.emailVerified ? 'green' : 'orange'}
            data-testid="email-verification-status"
            data-verified={user.emailVerified}
          >
            {user.emailVerified ? t.verified : t.unverified}
          </Badge>
        </Group>
        {!user.emailVerified && (
          <>
            <Text size="sm">{t.unverifiedText}</Text>
            <Group>
              <Button variant="default" loading={resend.isPending} onClick={() => resend.mutate()}>
                {t.resend}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
