import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { usersMessages } from './messages';

/** Removes the account after a confirmation; the API's refusal (live apps, the last administrator) is shown. */
export function DeleteUser({ user, onDeleted }: { user: Schemas['User']; onDeleted: () => void }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const [opened, setOpened] = useState(false);
  const mutation = useApiMutation({
    mutationFn: () => call(api.DELETE('/api/v1/admin/users/{id}', { params: { path: { id: user.id } } })),
    invalidates: [
      ['admin', 'users', 'list'],
      ['admin', 'users', 'stats'],
    ],
    quiet: true,
    success: t.userDeleted,
    onSuccess: () => {
      setOpened(false);
      onDeleted();
    },
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t.dangerTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.dangerHelp}
      </Text>
      <div>
        <Button
          color="red"
          variant="outline"
          onClick={() => {
            mutation.reset();
            setOpened(true);
          }}
        >
          {t.deleteUser}
        </Button>
      </div>
      <ConfirmModal
        errorTitle={w.refused}
        autoFocus="confirm"
        opened={opened}
        onClose={() => setOpened(false)}
        title={t.deleteConfirmTitle}
        confirmLabel={t.deleteUser}
        loading={mutation.isPending}
        error={mutation.error}
        onConfirm={() => mutation.mutate()}
      >
        <Text>{t.deleteConfirm(`${user.name} (${user.email})`)}</Text>
      </ConfirmModal>
    </Stack>
  );
}
