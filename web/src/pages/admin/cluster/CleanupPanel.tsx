import { Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notify } from '../../../components/mutations';
import { useMessages } from '../../../i18n/i18n';
import { CleanupResult } from './CleanupResult';
import { orphanMessages } from './orphan-messages';
import { keys } from './queries';

type Report = Schemas['OrphanReport'];
type Cleanup = Schemas['OrphanCleanupAction'];

/** What a cleanup with these settings deletes (the API's own rule, applied to the report shown). */
const willDelete = (cleanup: Cleanup, includeUnknown: boolean) =>
  cleanup === 'delete' || (includeUnknown && cleanup === 'delete-with-include-unknown');

export function plannedCounts(report: Report, includeUnknown: boolean) {
  let objects = 0;
  let kept = 0;
  let namespaces = 0;
  for (const group of report.namespaces) {
    for (const object of group.objects) {
      if (willDelete(object.cleanup, includeUnknown)) objects += 1;
      else kept += 1;
    }
    if (group.namespaceReason && group.namespaceUid && willDelete(group.namespaceCleanup, includeUnknown))
      namespaces += 1;
  }
  return { objects, namespaces, kept };
}

/**
 * Dry run (nothing deleted), then "Delete orphans" behind a confirmation that repeats the counts; unknown
 * subscriptions only when the box is ticked. The outcome of either is shown below.
 */
export function CleanupPanel({ report }: { report: Report }) {
  const t = useMessages(orphanMessages);
  const queryClient = useQueryClient();
  const [includeUnknown, setIncludeUnknown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Schemas['OrphanCleanupResult'] | null>(null);
  const cleanup = useMutation({
    mutationFn: (confirm: boolean) =>
      call(api.POST('/api/v1/admin/pods/orphaned/cleanup', { body: { confirm, includeUnknown } })),
    onSuccess: async (data) => {
      setResult(data);
      if (!data.dryRun) {
        setConfirming(false);
        notify({
          color: data.counts.failed > 0 ? 'orange' : 'green',
          message: t.cleaned(data.counts.deleted, data.counts.skipped, data.counts.failed),
        });
        await queryClient.invalidateQueries({ queryKey: keys.orphans });
      }
    },
  });
  // The dry run's counts when it matches the settings (a fresher scan), else the report's.
  const planned =
    result?.dryRun && result.includeUnknown === includeUnknown
      ? {
          objects: result.counts['would-delete'],
          namespaces: result.namespaces.length,
          kept: Object.values(result.kept).reduce((a, b) => a + b, 0),
        }
      : plannedCounts(report, includeUnknown);
  const running = cleanup.isPending;
  return (
    <Card withBorder component="section" aria-labelledby="orphans-cleanup">
      <Stack gap="sm">
        <Title order={2} size="h4" id="orphans-cleanup">
          {t.cleanupTitle}
        </Title>
        <Text size="sm">{t.cleanupIntro}</Text>
        <Checkbox
          label={t.includeUnknown}
          description={t.includeUnknownHint}
          checked={includeUnknown}
          onChange={(event) => setIncludeUnknown(event.currentTarget.checked)}
        />
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            onClick={() => cleanup.mutate(false)}
            loading={running && cleanup.variables === false}
            disabled={running}
          >
            {t.dryRun}
          </Button>
          <Button
            color="red"
            onClick={() => {
              cleanup.reset();
              setConfirming(true);
            }}
            disabled={running}
          >
            {t.deleteOrphans}
          </Button>
        </Group>
        {cleanup.error && !confirming ? <ErrorAlert error={cleanup.error} /> : null}
        {result && <CleanupResult result={result} />}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t.confirmTitle}
        confirmLabel={t.confirmDelete}
        loading={running}
        error={cleanup.error}
        onConfirm={() => cleanup.mutate(true)}
      >
        <List size="sm" spacing={4} data-testid="cleanup-confirm-counts">
          <List.Item>{t.confirmBody(planned.objects, planned.namespaces)}</List.Item>
          <List.Item>{t.confirmKept(planned.kept)}</List.Item>
          <List.Item>{includeUnknown ? t.confirmUnknown : t.confirmNoUnknown}</List.Item>
        </List>
        <Text size="sm">{t.confirmRecheck}</Text>
      </ConfirmModal>
    </Card>
  );
}
