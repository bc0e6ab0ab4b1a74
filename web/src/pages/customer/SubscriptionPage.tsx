import { Alert, Anchor, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormat, useMessages } from '../../i18n/i18n';
import { liveKeys, useStatusRefetchInterval } from '../../live/live-status';
import { AutoRenewSwitch } from './apps/AutoRenewSwitch';
import { CancelSubscription } from './apps/CancelSubscription';
import { CredentialsButton } from './apps/CredentialsButton';
import { appsMessages } from './apps/messages';
import { isNotFound, NotFoundState } from './apps/NotFoundState';
import { PlanChange } from './apps/PlanChange';
import { PodCard } from './apps/PodCard';
import { RenewButton } from './apps/RenewButton';
import { mayCancel, mayRenew, periodOver } from './apps/renewal';
import { SubscriptionFacts } from './apps/SubscriptionFacts';

/** /subscriptions/:id: one app's subscription (status live), its pod, and what its owner may do with it. */
export default function SubscriptionPage() {
  const t = useMessages(appsMessages);
  const { id = '' } = useParams();
  const subscription = useQuery({
    queryKey: liveKeys.subscription(id),
    queryFn: () => call(api.GET('/api/v1/subscriptions/{id}', { params: { path: { id } } })),
    refetchInterval: useStatusRefetchInterval(),
  });
  if (subscription.isError && isNotFound(subscription.error)) {
    return <NotFoundState title={t.notFound} text={t.notFoundText} back={t.backToApps} />;
  }
  return <QueryState query={subscription}>{(s) => <Subscription subscription={s} />}</QueryState>;
}

function Subscription({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const live = s.status !== 'TERMINATED' && s.status !== 'FAILED';
  return (
    <>
      <Anchor component={Link} to="/subscriptions" size="sm">
        ← {t.backToApps}
      </Anchor>
      <PageHeader
        title={s.name}
        description={[s.service?.name, s.plan?.name].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            <StatusBadge status={s.status} />
            {live && (
              <Button component="a" href={s.url} target="_blank" rel="noopener noreferrer" variant="default">
                {t.openAppShort}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="xl">
        {s.status === 'CANCELLED' && (
          <Alert color="gray" role="note">
            {t.cancelledNote(f.dateTime(s.periodEnd))}
          </Alert>
        )}
        {s.status === 'SUSPENDED' && (
          <Alert color="orange" role="note">
            {t.suspendedNote}
          </Alert>
        )}
        {s.status === 'ACTIVE' && periodOver(s) && (
          <Alert color="orange" role="note">
            {t.overdueNote}
          </Alert>
        )}

        <section aria-labelledby="subscription-overview">
          <Title order={2} size="h4" id="subscription-overview" mb="sm">
            {t.overview}
          </Title>
          <SubscriptionFacts subscription={s} />
        </section>

        <section aria-labelledby="subscription-pod">
          <Title order={2} size="h4" id="subscription-pod" mb="sm">
            {t.pod}
          </Title>
          <PodCard pod={s.pod} />
        </section>

        {live && (
          <section aria-labelledby="subscription-manage">
            <Title order={2} size="h4" id="subscription-manage" mb="sm">
              {t.actions}
            </Title>
            <Paper withBorder p="md">
              <Stack gap="lg">
                {mayRenew(s) && <RenewButton subscription={s} />}
                <AutoRenewSwitch subscription={s} />
                {s.service && s.status === 'ACTIVE' && (
                  <>
                    <Divider />
                    <Stack gap="xs">
                      <Title order={3} size="h5">
                        {t.changePlan}
                      </Title>
                      <PlanChange subscription={{ ...s, service: s.service }} />
                    </Stack>
                  </>
                )}
                <Divider />
                <Stack gap="xs">
                  <Title order={3} size="h5">
                    {t.credentials}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t.credentialsNote}
                  </Text>
                  <Group>
                    <CredentialsButton subscriptionId={s.id} />
                  </Group>
                </Stack>
                {mayCancel(s) && (
                  <>
                    <Divider />
                    <Group>
                      <CancelSubscription subscription={s} />
                    </Group>
                  </>
                )}
              </Stack>
            </Paper>
          </section>
        )}
      </Stack>
    </>
  );
}
