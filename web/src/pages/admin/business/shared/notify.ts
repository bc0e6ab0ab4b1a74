import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { common } from '../../../../i18n/common';
import { useMessages } from '../../../../i18n/i18n';

/**
 * A success message whose close button has a name (the shared `useApiMutation({ success })` notification's
 * close button has none: axe's button-name). These pages pass `quiet: true` and show errors inline.
 */
export function useNotify() {
  const t = useMessages(common);
  return useCallback(
    (message: string) => notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t.close } }),
    [t],
  );
}
