import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useAuth } from '../../auth/auth';
import { PageHeader } from '../../components/PageHeader';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { AppsOverview } from './catalog/AppsOverview';
import { BalanceSummary } from './catalog/BalanceSummary';
import { catalogMessages } from './catalog/messages';
import { VerifyEmailNotice } from './catalog/VerifyEmail';

const m = defineMessages({
  en: {
    title: 'Overview',
    welcome: (name: string) => `Welcome, ${name}. Your apps and your balance at a glance.`,
  },
  id: {
    title: 'Ringkasan',
    welcome: (name: string) => `Selamat datang, ${name}. Aplikasi dan saldo Anda sekilas.`,
  },
});

/** / (signed in): the email notice when unverified, the balance and its runway, the apps and their status. */
export default function HomePage() {
  const t = useMessages(m);
  const c = useMessages(catalogMessages);
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Stack gap="xl">
      <PageHeader
        title={t.title}
        description={t.welcome(user.name)}
        actions={
          <>
            <Button component={Link} to="/services" variant="light">
              {c.browseApps}
            </Button>
            <Button component={Link} to="/billing">
              {c.topUp}
            </Button>
          </>
        }
      />
      {!user.emailVerified && <VerifyEmailNotice email={user.email} />}
      <BalanceSummary />
      <AppsOverview />
    </Stack>
  );
}
