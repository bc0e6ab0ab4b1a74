import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { ScrollTable } from '../../../components/ScrollTable';
import { useMessages } from '../../../i18n/i18n';
import { useClusterFormat } from './format';
import { orphanMessages } from './orphan-messages';

type Result = Schemas['OrphanCleanupResult'];
type Outcome = Schemas['CleanupOutcome'];

function useOutcomeLabel() {
  const t = useMessages(orphanMessages);
  return (outcome: Outcome) =>
    ({
      'would-delete': t.wouldDelete,
      deleted: t.deleted,
      'already-gone': t.alreadyGone,
      skipped: t.skipped,
      failed: t.failed,
    })[outcome];
}

/** A dry run's list of what would go, or a cleanup's outcome per object and namespace. */
export function CleanupResult({ result }: { result: Result }) {
  const t = useMessages(orphanMessages);
  const f = useClusterFormat();
  const label = useOutcomeLabel();
  const kept = Object.values(result.kept).reduce((a, b) => a + b, 0);
  const figures: [string, number, string][] = result.dryRun
    ? [
        [t.wouldDelete, result.counts['would-delete'], 'would-delete'],
        [t.namespacesListed, result.namespaces.length, 'namespaces'],
        [t.kept, kept, 'kept'],
      ]
    : [
        [t.deleted, result.counts.deleted, 'deleted'],
        [t.alreadyGone, result.counts['already-gone'], 'already-gone'],
        [t.skipped, result.counts.skipped, 'skipped'],
        [t.failed, result.counts.failed, 'failed'],
        [t.namespacesDeleted, result.counts.namespacesDeleted, 'namespaces-deleted'],
        [t.kept, kept, 'kept'],
      ];
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="cleanup-result"
      data-testid="cleanup-result"
      data-dry-run={result.dryRun}
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="cleanup-result">
          {result.dryRun ? t.resultDry : t.resultDone} ({t.dryUnknown(result.includeUnknown)})
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          {figures.map(([name, value, id]) => (
            <Stack gap={0} key={id}>
              <Text size="xs" c="dimmed">
                {name}
              </Text>
              <Text fw={700} data-testid={`cleanup-${id}`}>
                {f.number(value)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {result.objects.length === 0 && result.namespaces.length === 0 ? (
          <Text size="sm">{t.nothingToDelete}</Text>
        ) : (
          <ScrollTable minWidth={720}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.namespace}</Table.Th>
                  <Table.Th>{t.kind}</Table.Th>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.reason}</Table.Th>
                  <Table.Th>{t.result}</Table.Th>
                  <Table.Th>{t.message}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.objects.map((o) => (
                  <Table.Tr key={`${o.namespace}/${o.kind}/${o.name}`}>
                    <Table.Td ff="monospace">{o.namespace}</Table.Td>
                    <Table.Td>{o.kind}</Table.Td>
                    <Table.Td ff="monospace">{o.name}</Table.Td>
                    <Table.Td>{t[o.reason]}</Table.Td>
                    <Table.Td fw={500}>{label(o.result)}</Table.Td>
                    <Table.Td>{o.message ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
                {result.namespaces.map((n) => (
                  <Table.Tr key={`ns/${n.namespace}`}>
                    <Table.Td ff="monospace">{n.namespace}</Table.Td>
                    <Table.Td>Namespace</Table.Td>
                    <Table.Td ff="monospace">{n.namespace}</Table.Td>
                    <Table.Td>{t[n.reason]}</Table.Td>
                    <Table.Td fw={500}>{label(n.result)}</Table.Td>
                    <Table.Td>{n.message ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}
