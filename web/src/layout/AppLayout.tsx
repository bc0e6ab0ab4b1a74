import {
  AppShell,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { meQueryKey, useAuth } from '../auth/auth';
import { QueryFallback } from '../components/RouteFallback';
import { defineMessages, type Locale, useLocale, useMessages } from '../i18n/i18n';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';

const m = defineMessages({
  en: {
    skip: 'Skip to content',
    menu: 'Menu',
    home: 'Overview',
    catalog: 'Apps',
    subscriptions: 'My apps',
    billing: 'Billing',
    transactions: 'Transactions',
    invoices: 'Invoices',
    notifications: 'Notifications',
    profile: 'Profile',
    admin: 'Administration',
    users: 'Users',
    adminCatalog: 'Catalog & plans',
    workers: 'Workers',
    pods: 'All pods',
    orphans: 'Orphans',
    adminTransactions: 'Transactions & revenue',
    queues: 'Queues',
    audit: 'Audit log',
    signIn: 'Sign in',
    signUp: 'Sign up',
    signOut: 'Sign out',
    language: 'Language',
    mainNav: 'Main navigation',
  },
  id: {
    skip: 'Langsung ke konten',
    menu: 'Menu',
    home: 'Ringkasan',
    catalog: 'Aplikasi',
    subscriptions: 'Aplikasi saya',
    billing: 'Tagihan',
    transactions: 'Transaksi',
    invoices: 'Faktur',
    notifications: 'Notifikasi',
    profile: 'Profil',
    admin: 'Administrasi',
    users: 'Pengguna',
    adminCatalog: 'Katalog & paket',
    workers: 'Worker',
    pods: 'Semua pod',
    orphans: 'Objek yatim',
    adminTransactions: 'Transaksi & pendapatan',
    queues: 'Antrean',
    audit: 'Log audit',
    signIn: 'Masuk',
    signUp: 'Daftar',
    signOut: 'Keluar',
    language: 'Bahasa',
    mainNav: 'Navigasi utama',
  },
});

function Nav({ to, label, onNavigate }: { to: string; label: string; onNavigate: () => void }) {
  const location = useLocation();
  const active = to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);
  return (
    <NavLink component={RouterNavLink} to={to} label={label} active={active} onClick={onNavigate} end={to === '/'} />
  );
}

/** The language switch; signed in, it is saved to the profile (mails follow it too). */
export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const t = useMessages(m);
  const choose = (next: Locale) => {
    setLocale(next);
    if (!user || user.locale === next) return;
    queryClient.setQueryData(meQueryKey, { ...user, locale: next });
    call(api.PATCH('/api/v1/me', { body: { locale: next } })).catch(() => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.language}
      value={locale}
      onChange={(value) => choose(value as Locale)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

/** The frame of every page: header (brand, language, account), navigation (a drawer at phone width), content. */
export function AppLayout() {
  const t = useMessages(m);
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure();
  const isAdmin = user?.role === 'ADMINISTRATOR';
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !user } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t.skip}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {user && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t.menu} />}
            <UnstyledButton component={Link} to="/" aria-label="Kapal">
              <Text fw={800} size="lg" c="blue.8">
                Kapal
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {user && <LiveStatusIndicator />}
            <LocaleSwitch />
            {user ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="compact-sm" data-testid="account-menu">
                    <Text size="sm" truncate maw={160}>
                      {user.name}
                    </Text>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{user.email}</Menu.Label>
                  <Menu.Item component={Link} to="/profile">
                    {t.profile}
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    onClick={async () => {
                      await signOut();
                      navigate('/login');
                    }}
                  >
                    {t.signOut}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : user === null ? (
              <Group gap="xs" wrap="nowrap">
                <Button component={Link} to="/login" variant="subtle" size="compact-sm">
                  {t.signIn}
                </Button>
                <Button component={Link} to="/register" size="compact-sm">
                  {t.signUp}
                </Button>
              </Group>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      {user && (
        <AppShell.Navbar p="xs" aria-label={t.mainNav}>
          <AppShell.Section grow component={ScrollArea}>
            <nav aria-label={t.mainNav}>
              <Nav to="/" label={t.home} onNavigate={close} />
              <Nav to="/services" label={t.catalog} onNavigate={close} />
              <Nav to="/subscriptions" label={t.subscriptions} onNavigate={close} />
              <Nav to="/billing" label={t.billing} onNavigate={close} />
              <Nav to="/notifications" label={t.notifications} onNavigate={close} />
              <Nav to="/profile" label={t.profile} onNavigate={close} />
              {isAdmin && (
                <>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                    {t.admin}
                  </Text>
                  <Nav to="/admin/users" label={t.users} onNavigate={close} />
                  <Nav to="/admin/catalog" label={t.adminCatalog} onNavigate={close} />
                  <Nav to="/admin/workers" label={t.workers} onNavigate={close} />
                  <Nav to="/admin/pods" label={t.pods} onNavigate={close} />
                  <Nav to="/admin/orphans" label={t.orphans} onNavigate={close} />
                  <Nav to="/admin/transactions" label={t.adminTransactions} onNavigate={close} />
                  <Nav to="/admin/queues" label={t.queues} onNavigate={close} />
                  <Nav to="/admin/audit" label={t.audit} onNavigate={close} />
                </>
              )}
            </nav>
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<QueryFallback />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
