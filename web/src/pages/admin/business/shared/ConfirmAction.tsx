import { Button, type ButtonProps, Text } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from './messages';

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
}) {
  const [opened, setOpened] = useState(false);
  const w = useMessages(adminWords);
  const mutation = useApiMutation({
    mutationFn: action,
    invalidates,
    quiet: true,
    success,
    onSuccess: () => {
      setOpened(false);
      onDone?.();
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
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
        errorTitle={w.refused}
        autoFocus="confirm"
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        confirmLabel={confirmLabel}
        loading={mutation.isPending}
        error={mutation.error}
        onConfirm={() => mutation.mutate(undefined)}
      >
        {typeof question === 'string' ? <Text>{question}</Text> : question}
      </ConfirmModal>
    </>
  );
}
