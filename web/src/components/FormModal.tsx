import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';
import { serverFieldErrors } from './forms';
import { useReportOpen } from './nested-modals';

/** A form in a modal: the API's refusal on top (a 400's field errors on the fields), the fields, Cancel and submit. */
export function FormModal<V>({
  opened = true,
  onClose,
  title,
  size,
  centered,
  form,
  mutation,
  submitLabel,
  submitDisabled,
  children,
}: {
  opened?: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  centered?: boolean;
  /** A @mantine/form form whose (transformed) values are what the mutation takes. */
  form: {
    onSubmit: (handler: (values: V) => Promise<void>) => (event?: FormEvent<HTMLFormElement>) => void;
    setErrors: (errors: Record<string, ReactNode>) => void;
  };
  mutation: { mutateAsync: (values: V) => Promise<unknown>; error: unknown; isPending: boolean };
  submitLabel: string;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  const c = useMessages(common);
  useReportOpen(opened);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered={centered}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          try {
            await mutation.mutateAsync(values);
          } catch (err) {
            form.setErrors(serverFieldErrors(err));
          }
        })}
      >
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {c.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
