import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';
import { useStatusRefetchInterval } from '../../../live/live-status';
import { catalogKeys } from './api';

const m = defineMessages({
  en: {
    title: 'My apps',
    all: (n: number) => `All my apps (${n})`,
    app: 'App',
    service: 'Service',
    subscription: 'Subscription',
    running: 'Running',
    address: 'Address',
    next: 'Next charge',
    noRenewal: 'No renewal',
    empty: 'You have no apps yet. Choose one from the catalog: it runs at its own address within minutes.',
    browse: 'Browse apps',
  },
  id: {
    title: 'Aplikasi saya',
    all: (n: number) => `Semua aplikasi saya (${n})`,
    app: 'Aplikasi',
    service: 'Layanan',
    subscription: 'Langganan',
    running: 'Berjalan',
    address: 'Alamat',
    next: 'Tagihan berikutnya',
    noRenewal: 'Tidak diperpanjang',
    empty:
      'Anda belum memiliki aplikasi. Pilih satu dari katalog: aplikasi berjalan di alamatnya sendiri dalam hitungan menit.',
    browse: 'Lihat aplikasi',
  },
});

const SHOWN = 10;

/** GET /subscriptions: the newest apps with their subscription's and pod's status, linking to each. */
export function AppsOverview() {
  const t = useMessages(m);
  const f = useFormat();
  const query = { page: 1, pageSize: SHOWN };
  const list = useQuery({
    queryKey: catalogKeys.subscriptionList(query),
    queryFn: () => call(api.GET('/api/v1/subscriptions', { params: { query } })),
    // Live status changes refetch it; while the stream is down, it is polled.
    refetchInterval: useStatusRefetchInterval(),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-apps">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="home-apps">
          {t.title}
        </Title>
        {list.data && list.data.total > 0 && (
          <Anchor component={Link} to="/subscriptions" size="sm">
            {t.all(list.data.total)}
          </Anchor>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={
          <Stack align="center" gap="sm" component="span">
            <span>{t.empty}</span>
            <Button component={Link} to="/services">
              {t.browse}
            </Button>
          </Stack>
        }
      >
        {(data) => (
          <ScrollTable minWidth={640}>
            <Table striped highlightOnHover data-testid="home-apps">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.app}</Table.Th>
                  <Table.Th>{t.service}</Table.Th>
                  <Table.Th>{t.subscription}</Table.Th>
                  <Table.Th>{t.running}</Table.Th>
                  <Table.Th>{t.address}</Table.Th>
                  <Table.Th>{t.next}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/subscriptions/${s.id}`} fw={600}>
                        {s.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {s.service?.name ?? '—'}
                      {s.plan && (
                        <Text size="xs" c="dimmed">
                          {s.plan.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.pod.status} />
                    </Table.Td>
                    <Table.Td>
                      {s.status === 'TERMINATED' || s.status === 'FAILED' ? (
                        <Text size="sm" c="dimmed">
                          {s.host}
                        </Text>
                      ) : (
                        <Anchor href={s.url} target="_blank" rel="noreferrer" size="sm">
                          {s.host}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.nextCharge ? (
                        <Text size="sm">
                          {f.idr(s.nextCharge.amount)} · {f.date(s.nextCharge.at)}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t.noRenewal}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
    </Stack>
  );
}
