import { Button, Code, CopyButton, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { common } from '../../../i18n/common';
import { useMessages } from '../../../i18n/i18n';
import { liveKeys } from '../../../live/live-status';
import { appsMessages } from './messages';

/**
 * "Show credentials": the app's generated passwords and keys (GET /subscriptions/{id}/credentials). The API
 * gives them to their owner again at any time while the subscription lives, and audits each reading; they
 * are fetched only when asked for, never cached after the dialog closes.
 */
export function CredentialsButton({ subscriptionId }: { subscriptionId: string }) {
  const t = useMessages(appsMessages);
  const c = useMessages(common);
  const queryClient = useQueryClient();
  const [opened, handlers] = useDisclosure(false);
  const open = handlers.open;
  // Closed, the secrets are forgotten: opening again reads them again (and is audited again).
  const close = () => {
    handlers.close();
    queryClient.removeQueries({ queryKey: liveKeys.credentials(subscriptionId) });
  };
  const credentials = useQuery({
    queryKey: liveKeys.credentials(subscriptionId),
    queryFn: () =>
      call(api.GET('/api/v1/subscriptions/{id}/credentials', { params: { path: { id: subscriptionId } } })),
    enabled: opened,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return (
    <>
      <Button variant="default" onClick={open}>
        {t.showCredentials}
      </Button>
      <Modal opened={opened} onClose={close} title={t.credentialsTitle} size="lg" centered>
        <Stack>
          <Text size="sm">{t.credentialsNote}</Text>
          {opened && (
            <QueryState query={credentials} isEmpty={(data) => data.credentials.length === 0} empty={t.credentialsNone}>
              {(data) => (
                <ScrollTable minWidth={420}>
                  <Table aria-label={t.credentials}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{c.name}</Table.Th>
                        <Table.Th scope="col">{t.credentials}</Table.Th>
                        <Table.Th scope="col">
                          <VisuallyHidden>{c.copy}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.credentials.map((item) => (
                        <Table.Tr key={item.name}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {item.name}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Code style={{ wordBreak: 'break-all' }}>{item.value}</Code>
                          </Table.Td>
                          <Table.Td>
                            <CopyButton value={item.value}>
                              {({ copied, copy }) => (
                                <Button size="compact-xs" variant="default" onClick={copy}>
                                  {copied ? c.copied : c.copy}
                                  <VisuallyHidden> {item.name}</VisuallyHidden>
                                </Button>
                              )}
                            </CopyButton>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
            </QueryState>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {c.close}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
