import { Box, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api, call, type Schemas } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryState } from '../../../components/QueryState';
import { useMessages } from '../../../i18n/i18n';
import { liveKeys } from '../../../live/live-status';
import { useFollowLogs } from './follow-logs';
import { appsMessages } from './messages';

/** The API's bounds of `tail` (logsQuery in subscriptions.http.ts). */
const TAIL_MIN = 1;
const TAIL_MAX = 5_000;
const TAIL_DEFAULT = 200;

/**
 * The app's log: the last `tail` lines (GET /pods/{id}/logs?tail=), reloadable, or followed as it is
 * written (follow=true, streamed) until "Stop following" or leaving the page.
 */
export function PodLogs({ pod }: { pod: Schemas['Pod'] }) {
  const t = useMessages(appsMessages);
  const [tailInput, setTailInput] = useState<number | string>(TAIL_DEFAULT);
  // Typing "1000" asks once, not for 1, 10, 100 and 1000.
  const [tail] = useDebouncedValue(clampTail(tailInput), 400);
  const available = pod.status !== 'FAILED' && pod.status !== 'TERMINATED';
  const follow = useFollowLogs(pod.id, tail);
  const logs = useQuery({
    // The status in the key: an app that comes up RUNNING gets its log read again.
    queryKey: [...liveKeys.podLogs(pod.id, tail), pod.status],
    queryFn: () => call(api.GET('/api/v1/pods/{id}/logs', { params: { path: { id: pod.id }, query: { tail } } })),
    enabled: available,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const { following, stop } = follow;
  // The app stopping ends the followed stream on the server; stop here too when it is no longer available.
  useEffect(() => {
    if (!available && following) stop();
  }, [available, following, stop]);

  return (
    <section aria-labelledby="pod-logs-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="pod-logs-heading">
              {t.logs}
            </Title>
            <Text size="sm" c="dimmed">
              {t.logsIntro}
            </Text>
          </Stack>
          <Group align="flex-end" wrap="wrap" gap="xs">
            <NumberInput
              label={t.tail}
              w={110}
              min={TAIL_MIN}
              max={TAIL_MAX}
              step={100}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              value={tailInput}
              onChange={setTailInput}
              disabled={follow.following}
            />
            <Button
              variant="default"
              onClick={() => void logs.refetch()}
              disabled={!available || follow.following}
              loading={logs.isFetching && !logs.isPending}
            >
              {t.refreshLogs}
            </Button>
            <Button
              variant="default"
              onClick={follow.following ? follow.stop : follow.start}
              disabled={!available}
              aria-pressed={follow.following}
            >
              {follow.following ? t.stopFollowing : t.follow}
            </Button>
          </Group>
        </Group>
        {!available ? (
          <Text size="sm" c="dimmed">
            {t.logsUnavailable}
          </Text>
        ) : follow.lines ? (
          <LogView lines={follow.lines} follow={follow.following} />
        ) : (
          <QueryState query={logs}>{(data) => <LogView lines={data.lines} follow={false} />}</QueryState>
        )}
        {follow.following && (
          <Text size="xs" c="dimmed" role="status">
            {t.following}
          </Text>
        )}
        {follow.ended && !follow.following && (
          <Text size="xs" c="dimmed" role="status">
            {t.followEnded}
          </Text>
        )}
        {logs.data?.truncated && !follow.lines && (
          <Text size="xs" c="dimmed">
            {t.logsTruncated}
          </Text>
        )}
        {follow.error ? <ErrorAlert error={follow.error} /> : null}
      </Stack>
    </section>
  );
}

function clampTail(value: number | string): number {
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return TAIL_DEFAULT;
  return Math.min(TAIL_MAX, Math.max(TAIL_MIN, Math.trunc(n)));
}

/** The lines in the scrollable `log-view`; it keeps to the bottom while following, unless scrolled up. */
function LogView({ lines, follow }: { lines: string[]; follow: boolean }) {
  const t = useMessages(appsMessages);
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (pinned.current || !follow) && lines.length > 0) el.scrollTop = el.scrollHeight;
  }, [lines, follow]);
  return (
    <>
      <Box
        component="pre"
        ref={ref}
        className="log-view"
        data-testid="pod-logs"
        role="log"
        aria-live="off"
        aria-label={t.logs}
        tabIndex={0}
        m={0}
        p="sm"
        bg="gray.0"
        bd="1px solid var(--mantine-color-gray-3)"
        style={{ borderRadius: 'var(--mantine-radius-sm)', minHeight: '6rem' }}
        onScroll={(event) => {
          const el = event.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.join('\n')}
      </Box>
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.noLogs}
        </Text>
      )}
    </>
  );
}
