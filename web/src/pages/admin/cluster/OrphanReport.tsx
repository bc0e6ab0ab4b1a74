import { Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { ORPHAN_REASONS, orphanMessages } from './orphan-messages';

type Report = Schemas['OrphanReport'];
type Cleanup = Schemas['OrphanCleanupAction'];

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const CLEANUP_COLOR: Record<Cleanup, string> = { delete: 'red', 'delete-with-include-unknown': 'orange', keep: 'gray' };

export function CleanupBadge({ cleanup }: { cleanup: Cleanup }) {
  const t = useMessages(orphanMessages);
  return (
    <Badge
      variant="outline"
      color={CLEANUP_COLOR[cleanup]}
      style={{ textTransform: 'none', overflow: 'visible' }}
      styles={{ label: { overflow: 'visible', color: 'var(--mantine-color-text)' } }}
      data-cleanup={cleanup}
    >
      {t[cleanup]}
    </Badge>
  );
}

/** Counts by reason, namespaces and live subscriptions without objects. */
export function OrphanSummary({ report }: { report: Report }) {
  const t = useMessages(orphanMessages);
  const f = useClusterFormat();
  return (
    <Card withBorder component="section" aria-labelledby="orphans-summary">
      <Title order={2} size="h4" mb="sm" id="orphans-summary">
        {t.summary}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {(
          [
            [t.objects, report.counts.objects, 'orphan-objects'],
            [t.namespaces, report.counts.namespaces, 'orphan-namespaces'],
            [t.liveMissing, report.counts.liveWithoutObjects, 'live-missing'],
          ] as const
        ).map(([label, value, testId]) => (
          <Stack gap={0} key={testId}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fz="xl" fw={700} data-testid={testId}>
              {f.number(value)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Group gap="md" mt="sm" wrap="wrap">
        {ORPHAN_REASONS.map((reason) => (
          <Text size="sm" key={reason}>
            {t[reason]}: <strong>{f.number(report.counts[reason])}</strong>
          </Text>
        ))}
      </Group>
    </Card>
  );
}

/** The orphans grouped by namespace, each with its age, reason and what a cleanup does with it. */
export function OrphanNamespaces({ report }: { report: Report }) {
  const t = useMessages(orphanMessages);
  const f = useClusterFormat();
  return (
    <Stack gap="md" component="section" aria-labelledby="orphans-objects">
      <Title order={2} size="h4" id="orphans-objects">
        {t.objects}
      </Title>
      {report.namespaces.length > 0 && (
        <Text size="sm" c="dimmed">
          {t.cleanupLegend}
        </Text>
      )}
      {report.namespaces.length === 0 ? (
        <Text size="sm" data-testid="no-orphans">
          {t.noOrphans}
        </Text>
      ) : (
        report.namespaces.map((group) => (
          <Card withBorder key={group.namespace} data-namespace={group.namespace}>
            <Group justify="space-between" wrap="wrap" mb="xs">
              <Title order={3} size="h5" ff="monospace">
                {group.namespace}
              </Title>
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t.age}: {f.age(group.ageSeconds)} · {t.namespaceCleanup}:
                </Text>
                <CleanupBadge cleanup={group.namespaceCleanup} />
              </Group>
            </Group>
            {group.namespaceReason && (
              <Text size="sm" mb="xs">
                {t.namespaceOrphan(t[group.namespaceReason])}
              </Text>
            )}
            {group.objects.length > 0 && (
              <ScrollTable minWidth={760}>
                <Table fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.kind}</Table.Th>
                      <Table.Th>{t.name}</Table.Th>
                      <Table.Th>{t.reason}</Table.Th>
                      <Table.Th>{t.cleanup}</Table.Th>
                      <Table.Th ta="right">{t.age}</Table.Th>
                      <Table.Th>{t.subscription}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.objects.map((object) => (
                      <Table.Tr key={object.uid}>
                        <Table.Td>{object.kind}</Table.Td>
                        <Table.Td ff="monospace">{object.name}</Table.Td>
                        <Table.Td>{t[object.reason]}</Table.Td>
                        <Table.Td style={NOWRAP}>
                          <CleanupBadge cleanup={object.cleanup} />
                        </Table.Td>
                        <Table.Td ta="right" style={NOWRAP}>
                          {f.age(object.ageSeconds)}
                        </Table.Td>
                        <Table.Td>{object.subscriptionId ? <Code>{object.subscriptionId}</Code> : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Card>
        ))
      )}
    </Stack>
  );
}

/** Live subscriptions with no object (or no workload) in the cluster. */
export function LiveWithoutObjects({ report }: { report: Report }) {
  const t = useMessages(orphanMessages);
  const f = useClusterFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="orphans-live-missing">
      <Title order={2} size="h4" id="orphans-live-missing">
        {t.liveMissing}
      </Title>
      {report.liveWithoutObjects.length === 0 ? (
        <Text size="sm">{t.noneMissing}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t.missingNote}
          </Text>
          <ScrollTable minWidth={760}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.subscription}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th>{t.podStatus}</Table.Th>
                  <Table.Th>{t.namespace}</Table.Th>
                  <Table.Th>{t.missing}</Table.Th>
                  <Table.Th ta="right">{t.age}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.liveWithoutObjects.map((row) => (
                  <Table.Tr key={row.subscriptionId}>
                    <Table.Td>
                      {row.name}
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.subscriptionId}
                      </Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <StatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{row.podStatus ? <StatusBadge status={row.podStatus} /> : '—'}</Table.Td>
                    <Table.Td ff="monospace">{row.namespace ?? '—'}</Table.Td>
                    <Table.Td>{row.missing === 'objects' ? t.missingObjects : t.missingWorkload}</Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {f.age(row.ageSeconds)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
