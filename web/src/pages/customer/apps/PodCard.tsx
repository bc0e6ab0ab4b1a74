import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormat, useMessages } from '../../../i18n/i18n';
import { Facts } from './Facts';
import { appsMessages } from './messages';

/** The subscription's pod in brief (its status updating live), with the link to its own page. */
export function PodCard({ pod }: { pod: Schemas['Pod'] }) {
  const t = useMessages(appsMessages);
  const f = useFormat();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} ff="monospace" size="sm">
              {pod.workloadName}
            </Text>
            <StatusBadge status={pod.status} />
          </Group>
          <Anchor component={Link} to={`/pods/${pod.id}`} size="sm" fw={600}>
            {t.viewPod}
          </Anchor>
        </Group>
        <Facts
          items={[
            { label: t.node, value: pod.node ?? '—' },
            { label: t.ready, value: `${f.number(pod.readyReplicas)} / ${f.number(pod.desiredReplicas)}` },
            { label: t.restarts, value: f.number(pod.restarts) },
          ]}
        />
        {pod.lastError && (
          <Text size="sm" c="red.9">
            {t.lastError}: {pod.lastError}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
