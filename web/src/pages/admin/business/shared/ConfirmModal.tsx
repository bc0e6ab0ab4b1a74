import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../../components/ErrorAlert';
import { common } from '../../../../i18n/common';
import { useMessages } from '../../../../i18n/i18n';
import { useReportOpen } from './escape';
import { adminWords } from './messages';

/**
 * Asks before a change that cannot be taken back (or moves money). The API's refusal is shown inside the
 * modal, so the administrator reads why (e.g. the last administrator cannot be removed).
 */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  loading,
  error,
  danger = true,
  done,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  error?: unknown;
  danger?: boolean;
  /** After the change: what happened, shown instead of the question's buttons (then only "Close"). */
  done?: ReactNode;
}) {
  const t = useMessages(common);
  const w = useMessages(adminWords);
  useReportOpen(opened);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        {error ? <ErrorAlert error={error} title={w.refused} /> : null}
        {done}
        <Group justify="flex-end" wrap="wrap">
          {done ? (
            <Button onClick={onClose}>{t.close}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t.cancel}
              </Button>
              <Button color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm} data-autofocus>
                {confirmLabel}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
