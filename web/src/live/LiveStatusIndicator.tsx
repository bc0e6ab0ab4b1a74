import { Badge } from '@mantine/core';
import { defineMessages, useMessages } from '../i18n/i18n';
import { useLiveStatus } from './live-status';

const m = defineMessages({
  en: {
    live: 'Live',
    polling: 'Polling',
    liveLabel: 'Live status: connected, changes appear as they happen',
    pollingLabel: 'Live status: not connected, refreshing every 5 seconds',
  },
  id: {
    live: 'Langsung',
    polling: 'Berkala',
    liveLabel: 'Status langsung: terhubung, perubahan tampil seketika',
    pollingLabel: 'Status langsung: tidak terhubung, diperbarui setiap 5 detik',
  },
});

/**
 * The header's badge of the live status stream (and what keeps the tab's one stream open while signed in):
 * "Live" while GET /api/v1/events is connected, "Polling" while pages fall back to refetching every 5 s.
 */
export function LiveStatusIndicator() {
  const t = useMessages(m);
  const { connected } = useLiveStatus();
  const label = connected ? t.liveLabel : t.pollingLabel;
  return (
    <Badge
      role="status"
      aria-label={label}
      title={label}
      data-testid="live-status"
      data-connected={connected ? 'true' : 'false'}
      // The dot carries the colour; the text stays the body's (AA contrast on any background).
      variant="dot"
      color={connected ? 'green' : 'gray'}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {connected ? t.live : t.polling}
    </Badge>
  );
}
