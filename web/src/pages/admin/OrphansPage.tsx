import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useMessages } from '../../i18n/i18n';
import { CleanupPanel } from './cluster/CleanupPanel';
import { useClusterFormat } from './cluster/format';
import { LiveWithoutObjects, OrphanNamespaces, OrphanSummary } from './cluster/OrphanReport';
import { orphanMessages } from './cluster/orphan-messages';
import { orphansQuery } from './cluster/queries';

/**
 * /admin/orphans: GET /admin/pods/orphaned (objects that outlived their subscription, by namespace, and live
 * subscriptions missing from the cluster), with the dry run and the cleanup.
 */
export default function OrphansPage() {
  const t = useMessages(orphanMessages);
  const f = useClusterFormat();
  const report = useQuery(orphansQuery());
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button variant="default" onClick={() => void report.refetch()} loading={report.isFetching}>
            {t.rescan}
          </Button>
        }
      />
      <QueryState query={report}>
        {(data) => (
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t.scannedAt(f.dateTime(data.scannedAt), data.kubernetesListCalls)}
            </Text>
            <OrphanSummary report={data} />
            <CleanupPanel report={data} />
            <OrphanNamespaces report={data} />
            <LiveWithoutObjects report={data} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
