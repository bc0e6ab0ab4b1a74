import { Button, Group, List, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import type { paths } from '../../../../api/schema';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { usersMessages } from './messages';

type BulkBody = paths['/api/v1/admin/users/bulk']['post']['requestBody']['content']['application/json'];
type Choice = 'activate' | 'deactivate' | 'make-admin' | 'make-user' | 'delete';

const runBulk = (body: BulkBody) => call(api.POST('/api/v1/admin/users/bulk', { body }));
type BulkResult = Awaited<ReturnType<typeof runBulk>>;
const LISTED = 10;

const bodyOf = (choice: Choice, userIds: string[]): BulkBody => {
  switch (choice) {
    case 'make-admin':
      return { action: 'change-role', role: 'ADMINISTRATOR', userIds };
    case 'make-user':
      return { action: 'change-role', role: 'USER', userIds };
    default:
      return { action: choice, userIds };
  }
};

/**
 * What to do with the selected users (at most 100: the API's limit; a page holds at most 100): one menu,
 * a confirmation, then the API's answer per user (the failures with their reason).
 */
export function BulkActions({ selected, onClear }: { selected: Map<string, string>; onClear: () => void }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [emails, setEmails] = useState<Map<string, string>>(new Map());
  const mutation = useApiMutation({
    mutationFn: runBulk,
    invalidates: [['admin', 'users']],
    quiet: true,
    onSuccess: (data) => {
      setResult(data);
      onClear();
    },
  });
  const labels: Record<Choice, string> = {
    activate: t.activate,
    deactivate: t.deactivate,
    'make-admin': t.makeAdmin,
    'make-user': t.makeUser,
    delete: t.deleteUsers,
  };
  const open = (next: Choice) => {
    mutation.reset();
    setResult(null);
    setEmails(new Map(selected));
    setChoice(next);
  };
  const close = () => {
    setChoice(null);
    setResult(null);
  };
  const failures = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Group gap="sm" wrap="wrap" mb="sm" aria-live="polite">
      <Text size="sm" fw={500}>
        {t.selected(selected.size)}
      </Text>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" disabled={selected.size === 0}>
            {t.bulkActions}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => open('activate')}>{t.activate}</Menu.Item>
          <Menu.Item onClick={() => open('deactivate')}>{t.deactivate}</Menu.Item>
          <Menu.Item onClick={() => open('make-admin')}>{t.makeAdmin}</Menu.Item>
          <Menu.Item onClick={() => open('make-user')}>{t.makeUser}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => open('delete')}>
            {t.deleteUsers}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {selected.size > 0 && (
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t.clearSelection}
        </Button>
      )}
      <ConfirmModal
        errorTitle={w.refused}
        autoFocus="confirm"
        opened={choice !== null}
        onClose={close}
        title={t.bulkTitle}
        confirmLabel={choice ? labels[choice] : ''}
        color={choice === 'delete' || choice === 'deactivate' ? 'red' : 'blue'}
        loading={mutation.isPending}
        error={mutation.error}
        onConfirm={() => choice && mutation.mutate(bodyOf(choice, [...emails.keys()]))}
        done={
          result ? (
            <div role="status">
              <Text fw={500}>{t.bulkSummary(result.summary.succeeded, result.summary.failed)}</Text>
              {failures.length > 0 && (
                <List size="sm" mt="xs">
                  {failures.map((r) => (
                    <List.Item key={r.id}>
                      {emails.get(r.id) ?? r.id}: {r.error?.message ?? r.error?.code}
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
          ) : undefined
        }
      >
        {!result && choice && (
          <>
            <Text>{t.bulkQuestion(labels[choice], emails.size)}</Text>
            {choice === 'delete' && (
              <Text size="sm" c="red.8">
                {t.bulkDeleteWarning}
              </Text>
            )}
            <List size="sm" spacing={2}>
              {[...emails.values()].slice(0, LISTED).map((email) => (
                <List.Item key={email}>{email}</List.Item>
              ))}
              {emails.size > LISTED && <List.Item>{t.andMore(emails.size - LISTED)}</List.Item>}
            </List>
          </>
        )}
      </ConfirmModal>
    </Group>
  );
}
