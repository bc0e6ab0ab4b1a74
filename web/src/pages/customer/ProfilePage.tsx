import { SimpleGrid, Stack } from '@mantine/core';
import { useAuth } from '../../auth/auth';
import { PageHeader } from '../../components/PageHeader';
import { QueryFallback } from '../../components/RouteFallback';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { DeactivateAccount } from './account/DeactivateAccount';
import { EmailStatus } from './account/EmailStatus';
import { PasswordForm } from './account/PasswordForm';
import { ProfileForm } from './account/ProfileForm';

const m = defineMessages({
  en: { title: 'Your account', description: 'Your name, phone, language, email address and password.' },
  id: { title: 'Akun Anda', description: 'Nama, telepon, bahasa, alamat email, dan kata sandi Anda.' },
});

/** /profile: the signed-in user's own account (the session's user: GET /me, kept by AuthProvider). */
export default function ProfilePage() {
  const t = useMessages(m);
  const { user } = useAuth();
  if (!user) return <QueryFallback />;
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          {/* A language chosen in the header changes the user: the form starts again from it. */}
          <ProfileForm key={`${user.locale}:${user.updatedAt}`} user={user} />
          <EmailStatus user={user} />
        </Stack>
        <Stack gap="lg">
          <PasswordForm />
          <DeactivateAccount />
        </Stack>
      </SimpleGrid>
    </>
  );
}
