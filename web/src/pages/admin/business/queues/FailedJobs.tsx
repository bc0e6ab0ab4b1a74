import { Button, Code, Collapse, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { api, call, type Schemas } from '../../../../api/client';
import { ErrorAlert } from '../../../../components/ErrorAlert';
import { useApiMutation } from '../../../../components/mutations';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { adminWords } from '../shared/messages';
import { queuesMessages } from './messages';

type Queue = Schemas['QueueOverview'];
type FailedJob = Queue['latestFailed'][number];

/** A queue's latest failed jobs with their error, their data on demand, and a retry each. */
export function FailedJobs({ queue }: { queue: Queue }) {
  const t = useMessages(queuesMessages);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Group gap="sm" mt="lg" mb="xs" wrap="wrap" align="baseline">
        <Title order={3} size="h4" id={headingId} ff="monospace">
          {queue.name}
        </Title>
        <Text size="sm" c="dimmed">
          {t.latestOf(queue.latestFailed.length, queue.counts.failed)}
        </Text>
      </Group>
      <ScrollTable minWidth={820}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.job}</Table.Th>
              <Table.Th>{t.attempts}</Table.Th>
              <Table.Th>{t.failedAt}</Table.Th>
              <Table.Th>{t.error}</Table.Th>
              <Table.Th>{t.data}</Table.Th>
              <Table.Th>{t.retry}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.latestFailed.map((job) => (
              <FailedJobRow key={job.id} queue={queue.name} job={job} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

function FailedJobRow({ queue, job }: { queue: string; job: FailedJob }) {
  const t = useMessages(queuesMessages);
  const f = useFormat();
  const w = useMessages(adminWords);
  const [open, setOpen] = useState(false);
  const dataId = useId();
  const retry = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/admin/queues/{queue}/failed/{jobId}/retry', { params: { path: { queue, jobId: job.id } } }),
      ),
    invalidates: [['admin', 'queues']],
    quiet: true,
    success: t.retried(job.id),
  });
  return (
    <Table.Tr data-testid="failed-job">
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {job.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {job.id}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>{f.number(job.attemptsMade)}</Table.Td>
      <Table.Td>
        <Text size="sm">{f.dateTime(job.failedAt)}</Text>
      </Table.Td>
      <Table.Td maw={360}>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {job.failedReason}
        </Code>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          aria-expanded={open}
          aria-controls={dataId}
          aria-label={open ? t.hideData(job.id) : t.showData(job.id)}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t.hide : t.show}
        </Button>
        <Collapse expanded={open} id={dataId}>
          <Code block mt="xs" maw={320} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(job.data, null, 2)}
          </Code>
        </Collapse>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          loading={retry.isPending}
          aria-label={t.retryJob(job.id, queue)}
          onClick={() => retry.mutate(undefined)}
        >
          {t.retry}
        </Button>
        {retry.error ? (
          <div style={{ marginTop: 8, maxWidth: 260 }}>
            <ErrorAlert error={retry.error} title={w.refused} />
          </div>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
