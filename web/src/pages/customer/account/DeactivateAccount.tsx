import { Button, Group, Modal, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../../api/client';
import { useAuth } from '../../../auth/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { serverFieldErrors } from '../../../components/forms';
import { notify, useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { onlyFieldErrors } from './form-errors';

const m = defineMessages({
  en: {
    title: 'Deactivate account',
    text: 'You will no longer be able to sign in. Your apps are not stopped by this: cancel them first if you do not want them renewed.',
    open: 'Deactivate account…',
    modalTitle: 'Deactivate your account?',
    modalText:
      'You are signed out and can no longer sign in with this email. Your invoices and transactions are kept. Only an administrator can activate the account again.',
    word: 'DEACTIVATE',
    type: (word: string) => `Type ${word} to confirm`,
    mismatch: (word: string) => `Type ${word} in capitals`,
    password: 'Your password',
    required: 'Required',
    keep: 'Keep my account',
    confirm: 'Deactivate my account',
    done: 'Your account is deactivated. You have been signed out.',
  },
  id: {
    title: 'Nonaktifkan akun',
    text: 'Anda tidak akan bisa masuk lagi. Aplikasi Anda tidak dihentikan oleh ini: batalkan dulu jika tidak ingin diperpanjang.',
    open: 'Nonaktifkan akun…',
    modalTitle: 'Nonaktifkan akun Anda?',
    modalText:
      'Anda akan dikeluarkan dan tidak bisa lagi masuk dengan email ini. Faktur dan transaksi Anda tetap disimpan. Hanya administrator yang dapat mengaktifkan akun ini kembali.',
    word: 'NONAKTIFKAN',
    type: (word: string) => `Ketik ${word} untuk mengonfirmasi`,
    mismatch: (word: string) => `Ketik ${word} dengan huruf kapital`,
    password: 'Kata sandi Anda',
    required: 'Wajib diisi',
    keep: 'Pertahankan akun saya',
    confirm: 'Nonaktifkan akun saya',
    done: 'Akun Anda dinonaktifkan. Anda telah dikeluarkan.',
  },
});

/** DELETE /me, confirmed in a modal by typing a word and the password; then signs out. */
export function DeactivateAccount() {
  const t = useMessages(m);
  const [opened, setOpened] = useState(false);
  return (
    <Paper withBorder p="md" style={{ borderColor: 'var(--mantine-color-red-3)' }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.title}
        </Title>
        <Text size="sm">{t.text}</Text>
        <Group>
          <Button color="red.9" variant="outline" onClick={() => setOpened(true)}>
            {t.open}
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.modalTitle} centered>
        {opened && <Confirm onCancel={() => setOpened(false)} />}
      </Modal>
    </Paper>
  );
}

function Confirm({ onCancel }: { onCancel: () => void }) {
  const t = useMessages(m);
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { word: '', password: '' },
    validate: {
      word: (value) => (value.trim() === t.word ? null : t.mismatch(t.word)),
      password: (value) => (value.length === 0 ? t.required : null),
    },
  });
  const deactivate = useApiMutation({
    quiet: true,
    mutationFn: (password: string) => call(api.DELETE('/api/v1/me', { body: { password } })),
    onSuccess: async () => {
      await signOut();
      notify({ color: 'blue', message: t.done, autoClose: 10_000 });
      navigate('/login', { replace: true });
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ password }) => {
        try {
          await deactivate.mutateAsync(password);
        } catch (err) {
          form.setErrors(serverFieldErrors(err));
        }
      })}
    >
      <Stack>
        <Text size="sm">{t.modalText}</Text>
        <TextInput label={t.type(t.word)} autoComplete="off" required data-autofocus {...form.getInputProps('word')} />
        <PasswordInput
          label={t.password}
          autoComplete="current-password"
          required
          maxLength={128}
          {...form.getInputProps('password')}
        />
        {deactivate.error && !onlyFieldErrors(deactivate.error, form.values) ? (
          <ErrorAlert error={deactivate.error} />
        ) : null}
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onCancel}>
            {t.keep}
          </Button>
          <Button
            type="submit"
            color="red.9"
            loading={deactivate.isPending}
            disabled={form.values.word.trim() !== t.word}
          >
            {t.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
