import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, call } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ScrollTable } from '../../../components/ScrollTable';
import { common } from '../../../i18n/common';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { catalogKeys } from './api';

const m = defineMessages({
  en: {
    title: 'Your app is starting',
    intro: (name: string) => `${name} is being set up. These are its first credentials:`,
    address: 'Address',
    name: 'Name',
    value: 'Value',
    copyWhat: (what: string) => `Copy ${what}`,
    preparing: 'Preparing the credentials… this takes a few seconds.',
    none: 'This app has no generated credentials: open it at its address to set it up.',
    keep: 'Save them now, in a password manager. You can show them again on the app’s page; every time is recorded.',
    saved: 'I have saved these',
    later: 'Go to my app',
  },
  id: {
    title: 'Aplikasi Anda sedang disiapkan',
    intro: (name: string) => `${name} sedang disiapkan. Ini kredensial pertamanya:`,
    address: 'Alamat',
    name: 'Nama',
    value: 'Nilai',
    copyWhat: (what: string) => `Salin ${what}`,
    preparing: 'Menyiapkan kredensial… ini memerlukan beberapa detik.',
    none: 'Aplikasi ini tidak memiliki kredensial buatan: buka alamatnya untuk menyiapkannya.',
    keep: 'Simpan sekarang, di pengelola kata sandi. Anda dapat menampilkannya lagi di halaman aplikasi; setiap kali dicatat.',
    saved: 'Sudah saya simpan',
    later: 'Ke aplikasi saya',
  },
});

/** Until the reconciler has generated them, GET …/credentials answers 409 "not made yet": ask again. */
const notMadeYet = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && /not made yet/i.test(error.message);
const POLL_MS = 2_000;
const POLL_TRIES = 60;

function CopyValue({ value, what }: { value: string; what: string }) {
  const t = useMessages(m);
  const c = useMessages(common);
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="compact-xs"
          variant={copied ? 'filled' : 'light'}
          color={copied ? 'teal' : 'blue'}
          onClick={copy}
          aria-label={copied ? c.copied : t.copyWhat(what)}
        >
          {copied ? c.copied : c.copy}
        </Button>
      )}
    </CopyButton>
  );
}

/**
 * After subscribing: the app's first credentials (GET /subscriptions/{id}/credentials, asked again while
 * they are being generated), each with a copy button. Closing it goes to the subscription's page.
 */
export function CredentialsModal({
  subscription,
  onDone,
}: {
  subscription: { id: string; name: string; url: string };
  onDone: () => void;
}) {
  const t = useMessages(m);
  const c = useMessages(common);
  const credentials = useQuery({
    queryKey: catalogKeys.firstCredentials(subscription.id),
    queryFn: () =>
      call(api.GET('/api/v1/subscriptions/{id}/credentials', { params: { path: { id: subscription.id } } })),
    retry: (count, error) => notMadeYet(error) && count < POLL_TRIES,
    retryDelay: POLL_MS,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const url = credentials.data?.url ?? subscription.url;
  return (
    <Modal opened onClose={onDone} title={t.title} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Text size="sm">{t.intro(subscription.name)}</Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t.address}:
          </Text>
          <Code style={{ overflowWrap: 'anywhere' }}>{url}</Code>
          <CopyValue value={url} what={t.address} />
        </Group>
        {credentials.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{t.preparing}</Text>
          </Group>
        ) : credentials.isError ? (
          <ErrorAlert error={credentials.error} onRetry={() => void credentials.refetch()} />
        ) : credentials.data.credentials.length === 0 ? (
          <Text size="sm">{t.none}</Text>
        ) : (
          <ScrollTable minWidth={420}>
            <Table data-testid="credentials">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.value}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{c.copy}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {credentials.data.credentials.map((item) => (
                  <Table.Tr key={item.name}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {item.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ overflowWrap: 'anywhere' }}>{item.value}</Code>
                    </Table.Td>
                    <Table.Td>
                      <CopyValue value={item.value} what={item.name} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Alert color="blue">
          <Text size="sm">{t.keep}</Text>
        </Alert>
        <Group justify="flex-end">
          {credentials.isSuccess ? (
            <Button onClick={onDone}>{t.saved}</Button>
          ) : (
            <Button variant="light" onClick={onDone}>
              {t.later}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
