import { Button, Stack, Text } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { useMessages } from '../../../i18n/i18n';
import { ActionError } from './ApiErrorAlert';
import { appsMessages } from './messages';
import { renewSubscription, useSubscriptionChange } from './mutations';

/** Pay now (POST /subscriptions/{id}/renew): a subscription suspended for non-payment, or past its period. */
export function RenewButton({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  const renew = useSubscriptionChange(s.id, () => renewSubscription(s.id), t.renewed);
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={() => renew.mutate(undefined)} loading={renew.isPending}>
        {t.renew}
      </Button>
      <Text size="xs" c="dimmed">
        {t.renewHelp}
      </Text>
      <ActionError error={renew.error} />
    </Stack>
  );
}
