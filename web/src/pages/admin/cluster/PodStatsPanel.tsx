import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { POD_STATUSES, podMessages } from './pod-messages';
import { podStatsQuery } from './queries';

/** Counts on top of the pods list; each count links to the list filtered by it. */
export function PodStatsPanel() {
  const t = useMessages(podMessages);
  const f = useClusterFormat();
  const stats = useQuery(podStatsQuery());
  return (
    <QueryState query={stats}>
      {(s) => (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="lg">
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {t.total}
            </Text>
            <Text fz="xl" fw={700} data-testid="pods-total">
              {f.number(s.total)}
            </Text>
            <Title order={2} size="sm" fw={500} mt="xs" mb={4}>
              {t.byStatus}
            </Title>
            <Group gap="xs" wrap="wrap">
              {POD_STATUSES.map((status) => (
                <Anchor key={status} component={Link} to={`?status=${status}`} size="sm">
                  {t[status]}: {f.number(s.byStatus[status])}
                </Anchor>
              ))}
            </Group>
          </Card>
          <Card withBorder>
            <Title order={2} size="sm" fw={500} mb={4}>
              {t.byService}
            </Title>
            <Stack gap={2}>
              {s.byService.length === 0 && <Text size="sm">—</Text>}
              {s.byService.slice(0, 8).map((row) =>
                row.slug ? (
                  <Anchor key={row.slug} component={Link} to={`?service=${row.slug}`} size="sm">
                    {row.name ?? row.slug}: {f.number(row.count)}
                  </Anchor>
                ) : (
                  <Text key="deleted" size="sm">
                    {t.deletedService}: {f.number(row.count)}
                  </Text>
                ),
              )}
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={2} size="sm" fw={500} mb={4}>
              {t.byWorker}
            </Title>
            <Stack gap={2}>
              {s.byWorker.length === 0 && <Text size="sm">—</Text>}
              {s.byWorker.slice(0, 8).map((row) =>
                row.node ? (
                  <Anchor key={row.node} component={Link} to={`?worker=${encodeURIComponent(row.node)}`} size="sm">
                    {row.node}: {f.number(row.count)}
                  </Anchor>
                ) : (
                  <Text key="none" size="sm">
                    {t.unscheduled}: {f.number(row.count)}
                  </Text>
                ),
              )}
            </Stack>
          </Card>
        </SimpleGrid>
      )}
    </QueryState>
  );
}
