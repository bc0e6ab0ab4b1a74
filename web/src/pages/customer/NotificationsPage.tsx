import { Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useUrlState } from '../../components/url-state';
import { common } from '../../i18n/common';
import { defineMessages, useFormat, useMessages } from '../../i18n/i18n';

const PAGE_SIZE = 20;

const m = defineMessages({
  en: {
    title: 'Notifications',
    description: 'The emails Kapal sent you, newest first.',
    subject: 'Subject',
    kind: 'Kind',
    to: 'Sent to',
    created: 'Date',
    sentAt: 'Delivered',
    none: 'No emails yet.',
    status_queued: 'Queued',
    status_sending: 'Sending',
    status_sent: 'Sent',
    status_failed: 'Failed',
  },
  id: {
    title: 'Notifikasi',
    description: 'Email yang dikirim Kapal kepada Anda, terbaru lebih dulu.',
    subject: 'Subjek',
    kind: 'Jenis',
    to: 'Dikirim ke',
    created: 'Tanggal',
    sentAt: 'Terkirim',
    none: 'Belum ada email.',
    status_queued: 'Dalam antrean',
    status_sending: 'Sedang dikirim',
    status_sent: 'Terkirim',
    status_failed: 'Gagal',
  },
});

/** /notifications: the user's mail history (GET /me/notifications), paged by the API. */
export default function NotificationsPage() {
  const t = useMessages(m);
  const c = useMessages(common);
  const f = useFormat();
  const url = useUrlState();
  const page = url.getInt('page', 1);
  const query = { page, pageSize: PAGE_SIZE };
  const notifications = useQuery({
    queryKey: ['my-notifications', query],
    queryFn: () => call(api.GET('/api/v1/me/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <QueryState query={notifications} isEmpty={(data) => data.total === 0} empty={t.none}>
        {(data) => (
          <>
            {/* Scrolls sideways at phone width: focusable, so the keyboard can scroll it (nothing in it takes focus). */}
            <ScrollTable minWidth={720} label={t.title}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.created}</Table.Th>
                    <Table.Th>{t.subject}</Table.Th>
                    <Table.Th>{t.kind}</Table.Th>
                    <Table.Th>{t.to}</Table.Th>
                    <Table.Th>{c.status}</Table.Th>
                    <Table.Th>{t.sentAt}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((mail) => (
                    <Table.Tr key={mail.id}>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {f.dateTime(mail.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {mail.subject}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {mail.template}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{mail.recipient}</Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={mail.status} label={t[`status_${mail.status}`]} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {f.dateTime(mail.sentAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onChange={(p) => url.update({ page: p > 1 ? p : null })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
