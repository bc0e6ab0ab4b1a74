import { Stack, Switch } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { useMessages } from '../../../i18n/i18n';
import { ActionError } from './ApiErrorAlert';
import { appsMessages } from './messages';
import { patchSubscription, useSubscriptionChange } from './mutations';

/** Auto-renew on or off (PATCH /subscriptions/{id} { autoRenew }); only an active subscription can change. */
export function AutoRenewSwitch({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  const change = useSubscriptionChange(
    s.id,
    (autoRenew: boolean) => patchSubscription(s.id, { autoRenew }),
    (data) => (data.autoRenew ? t.autoRenewOn : t.autoRenewOff),
  );
  const checked = change.isPending ? change.variables : s.autoRenew && !s.cancelAtPeriodEnd;
  return (
    <Stack gap="xs">
      <Switch
        label={t.autoRenewLabel}
        description={s.status === 'ACTIVE' ? undefined : t.onlyActive}
        checked={checked}
        disabled={s.status !== 'ACTIVE' || change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
      />
      <ActionError error={change.error} />
    </Stack>
  );
}
