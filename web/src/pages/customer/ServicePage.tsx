import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { defineMessages, useMessages } from '../../i18n/i18n';
import { type Service, useService } from './catalog/api';
import { catalogMessages } from './catalog/messages';
import { PlanPicker } from './catalog/PlanPicker';
import { SubscribeForm } from './catalog/SubscribeForm';

const m = defineMessages({
  en: {
    all: '← All apps',
    plans: 'Plans',
    subscribe: 'Subscribe',
    signIn: 'Sign in to subscribe',
    noAccount: 'New to Kapal?',
    register: 'Create an account',
    noPlans: 'This app has no plan on sale right now.',
  },
  id: {
    all: '← Semua aplikasi',
    plans: 'Paket',
    subscribe: 'Berlangganan',
    signIn: 'Masuk untuk berlangganan',
    noAccount: 'Baru di Kapal?',
    register: 'Buat akun',
    noPlans: 'Aplikasi ini belum memiliki paket yang dijual.',
  },
});

/** Signed out: the plans to compare, and the way to sign in (back here, with the chosen plan). */
function SignedOutPlans({ service }: { service: Service }) {
  const t = useMessages(m);
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  // Checked at once; the URL follows, so signing in comes back to the same plan.
  const [plan, setPlan] = useState(params.get('plan') ?? '');
  const next = encodeURIComponent(location.pathname + (plan ? `?plan=${plan}` : ''));
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Title order={2} size="h3">
          {t.plans}
        </Title>
        <PlanPicker
          plans={service.plans}
          value={plan}
          onChange={(id) => {
            setPlan(id);
            setParams({ plan: id }, { replace: true });
          }}
        />
        <Title order={2} size="h3">
          {t.subscribe}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to={`/login?next=${next}`}>
            {t.signIn}
          </Button>
          <Text size="sm">
            {t.noAccount}{' '}
            <Anchor component={Link} to="/register">
              {t.register}
            </Anchor>
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** /services/:slug (public): one app, its plans (price, resources) and, signed in, the subscribe form. */
export default function ServicePage() {
  const t = useMessages(m);
  const c = useMessages(catalogMessages);
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const { user } = useAuth();
  const service = useService(slug);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/services" size="sm">
        {t.all}
      </Anchor>
      <QueryState query={service}>
        {(s) => (
          <Stack gap="md">
            <PageHeader
              title={s.name}
              description={
                <Stack gap={6} component="span">
                  <span>{s.description}</span>
                  <Group gap={6} component="span" wrap="wrap">
                    {s.category && (
                      <Badge component="span" variant="light" color="gray">
                        {s.category.name}
                      </Badge>
                    )}
                    <span>{c.version(s.appVersion)}</span>
                  </Group>
                </Stack>
              }
            />
            {s.plans.length === 0 ? (
              <Text>{t.noPlans}</Text>
            ) : user ? (
              <SubscribeForm key={s.id} service={s} user={user} initialPlan={params.get('plan')} />
            ) : user === null ? (
              <SignedOutPlans service={s} />
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
