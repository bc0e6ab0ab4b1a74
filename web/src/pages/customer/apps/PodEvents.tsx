import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { liveKeys } from '../../../live/live-status';
import { appsMessages } from './messages';

/** Events change without a status change: read again this often while the page is shown. */
const EVENTS_REFRESH_MS = 30_000;

/** The Kubernetes events of the app's objects (GET /pods/{id}/events), newest first. */
export function PodEvents({ podId }: { podId: string }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  const events = useQuery({
    queryKey: liveKeys.podEvents(podId),
    queryFn: () => call(api.GET('/api/v1/pods/{id}/events', { params: { path: { id: podId } } })),
    refetchInterval: EVENTS_REFRESH_MS,
  });
  return (
    <section aria-labelledby="pod-events-heading">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="pod-events-heading">
            {t.events}
          </Title>
          <Text size="sm" c="dimmed">
            {t.eventsIntro}
          </Text>
        </Stack>
        <QueryState query={events} isEmpty={(data) => data.items.length === 0} empty={t.noEvents}>
          {(data) => (
            // Nothing in it is focusable: the scroller itself is, so a keyboard can scroll it at phone width.
            <ScrollTable minWidth={900} labelledBy="pod-events-heading">
              <Table striped aria-labelledby="pod-events-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.lastSeen}</Table.Th>
                    <Table.Th scope="col">{t.type}</Table.Th>
                    <Table.Th scope="col">{t.reason}</Table.Th>
                    <Table.Th scope="col">{t.object}</Table.Th>
                    <Table.Th scope="col">{t.message}</Table.Th>
                    <Table.Th scope="col">{t.count}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => (
                    <Table.Tr key={`${e.object}|${e.reason}|${e.firstSeen}|${e.lastSeen}|${e.message}`}>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {f.dateTime(e.lastSeen ?? e.firstSeen)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          fw={e.type === 'Warning' ? 700 : 400}
                          c={e.type === 'Warning' ? 'red.9' : undefined}
                        >
                          {e.type === 'Warning' ? t.warning : e.type === 'Normal' ? t.normal : e.type}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.reason}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {e.object}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.message}</Text>
                      </Table.Td>
                      <Table.Td>{f.number(e.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Stack>
    </section>
  );
}
