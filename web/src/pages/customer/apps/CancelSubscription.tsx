import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Schemas } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { ActionError } from './ApiErrorAlert';
import { appsMessages } from './messages';
import { cancelSubscription, useSubscriptionChange } from './mutations';
import { periodOver } from './renewal';

/**
 * Cancel, after a confirmation saying what it means (POST /subscriptions/{id}/cancel): no renewal, the app
 * runs to the end of the paid period and is then deleted; suspended or past its period, it is deleted now.
 */
export function CancelSubscription({ subscription: s }: { subscription: Schemas['Subscription'] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useSubscriptionChange(s.id, () => cancelSubscription(s.id), t.cancelled, close);
  const endsNow = s.status === 'SUSPENDED' || periodOver(s);
  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        {t.cancel}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          cancel.reset();
          close();
        }}
        title={t.cancelTitle}
        cancelLabel={t.keep}
        confirmLabel={t.confirmCancel}
        loading={cancel.isPending}
        onConfirm={() => cancel.mutate(undefined)}
      >
        <Text size="sm">{endsNow ? t.cancelNow : t.cancelRunsOn(f.dateTime(s.periodEnd))}</Text>
        <Text size="sm" fw={600}>
          {t.cancelNoRefund}
        </Text>
        <ActionError error={cancel.error} />
      </ConfirmModal>
    </>
  );
}
