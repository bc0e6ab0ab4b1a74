import { Button, NativeSelect, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/QueryState';
import { useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { FailedJobs } from './business/queues/FailedJobs';
import { queuesMessages } from './business/queues/messages';
import { QueueCounts } from './business/queues/QueueCounts';

const LIMITS = ['10', '25', '50', '100'];

/** /admin/queues: job counts per queue and state, the latest failed jobs with their error, retry each. */
export default function QueuesPage() {
  const t = useMessages(queuesMessages);
  const url = useUrlState();
  const limit = LIMITS.includes(url.get('failed')) ? Number(url.get('failed')) : 10;
  const query = useQuery({
    queryKey: ['admin', 'queues', limit],
    queryFn: () => call(api.GET('/api/v1/admin/queues', { params: { query: { failedLimit: limit } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button variant="default" onClick={() => void query.refetch()}>
            {t.refresh}
          </Button>
        }
      />
      <QueryState query={query} isEmpty={(d) => d.queues.length === 0} empty={t.noQueues}>
        {({ queues }) => {
          const failing = queues.filter((q) => q.latestFailed.length > 0);
          return (
            <>
              <Title order={2} size="h3" mb="sm">
                {t.counts}
              </Title>
              <QueueCounts queues={queues} />
              <Title order={2} size="h3" mt="xl" mb="sm">
                {t.failedJobs}
              </Title>
              <NativeSelect
                label={t.failedLimit}
                maw={260}
                value={String(limit)}
                onChange={(e) => url.update({ failed: e.currentTarget.value === '10' ? null : e.currentTarget.value })}
                data={LIMITS}
              />
              {failing.length === 0 ? (
                <EmptyState>{t.noFailed}</EmptyState>
              ) : (
                failing.map((queue) => <FailedJobs key={queue.name} queue={queue} />)
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
