import { Button, type ButtonProps, Text } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { notify, useApiMutation } from '../../../../components/mutations';
import { ConfirmModal } from './ConfirmModal';

/**
 * A button for a change to confirm first (delete, mostly): the question in a modal, the API's refusal in
 * the modal, a notification when done.
 */
export function ConfirmAction({
  label,
  ariaLabel,
  title,
  question,
  confirmLabel,
  action,
  invalidates,
  success,
  onDone,
  buttonProps,
  danger = true,
}: {
  label: ReactNode;
  ariaLabel?: string;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  action: () => Promise<unknown>;
  invalidates: QueryKey[];
  success: string;
  onDone?: () => void;
  buttonProps?: ButtonProps;
  danger?: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const mutation = useApiMutation({
    mutationFn: action,
    invalidates,
    quiet: true,
    onSuccess: () => {
      notify({ color: 'green', message: success });
      setOpened(false);
      onDone?.();
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color={danger ? 'red' : undefined}
        aria-label={ariaLabel}
        {...buttonProps}
        onClick={() => {
          mutation.reset();
          setOpened(true);
        }}
      >
        {label}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        confirmLabel={confirmLabel}
        danger={danger}
        loading={mutation.isPending}
        error={mutation.error}
        onConfirm={() => mutation.mutate(undefined)}
      >
        {typeof question === 'string' ? <Text>{question}</Text> : question}
      </ConfirmModal>
    </>
  );
}
