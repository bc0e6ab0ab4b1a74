import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';
import { useReportOpen } from './nested-modals';

/** Asks before a change: the question, the API's refusal, then Cancel or the action's word (only Close once `done`). */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  loading,
  error,
  errorTitle,
  color = 'red',
  cancelLabel,
  autoFocus,
  done,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  /** The API's refusal, shown inside the modal (a reason to read, e.g. the last administrator). */
  error?: unknown;
  errorTitle?: string;
  /** The confirm button's colour: red (destructive) unless told. */
  color?: string;
  cancelLabel?: string;
  /** Which button takes the focus when it opens (else Mantine's first: the close button). */
  autoFocus?: 'confirm' | 'cancel';
  /** After the change: what happened, shown instead of the question's buttons (then only "Close"). */
  done?: ReactNode;
}) {
  const c = useMessages(common);
  useReportOpen(opened);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        {error ? <ErrorAlert error={error} title={errorTitle} /> : null}
        {done}
        <Group justify="flex-end" wrap="wrap">
          {done ? (
            <Button onClick={onClose}>{c.close}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} data-autofocus={autoFocus === 'cancel' || undefined}>
                {cancelLabel ?? c.cancel}
              </Button>
              <Button
                color={color}
                loading={loading}
                onClick={onConfirm}
                data-autofocus={autoFocus === 'confirm' || undefined}
              >
                {confirmLabel}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
