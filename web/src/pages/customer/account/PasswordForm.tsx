import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, serverFieldErrors } from '../../../components/forms';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';
import { onlyFieldErrors } from './form-errors';
import { ruleWords } from './rules';

const m = defineMessages({
  en: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    sameAsCurrent: 'Choose a password different from the current one',
    submit: 'Change password',
    note: 'Your other sessions (other browsers and devices) are signed out; this one stays signed in.',
    changed: (others: number) =>
      others === 0
        ? 'Password changed.'
        : others === 1
          ? 'Password changed. 1 other session was signed out.'
          : `Password changed. ${others} other sessions were signed out.`,
  },
  id: {
    title: 'Ubah kata sandi',
    current: 'Kata sandi saat ini',
    next: 'Kata sandi baru',
    sameAsCurrent: 'Pilih kata sandi yang berbeda dari yang sekarang',
    submit: 'Ubah kata sandi',
    note: 'Sesi Anda yang lain (peramban dan perangkat lain) akan dikeluarkan; sesi ini tetap masuk.',
    changed: (others: number) =>
      others === 0 ? 'Kata sandi diubah.' : `Kata sandi diubah. ${others} sesi lain dikeluarkan.`,
  },
});

/** POST /me/password: the current password, and a new one by the API's policy (10–128, a letter and a digit). */
export function PasswordForm() {
  const t = useMessages(m);
  const r = useMessages(ruleWords);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value.length === 0 ? r.required : null),
      newPassword: (value, values) =>
        (rules.password(value) ? r.passwordWeak : null) ?? (value === values.currentPassword ? t.sameAsCurrent : null),
    },
  });
  const change = useApiMutation({
    quiet: true,
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/v1/me/password', { body })),
    success: ({ revokedSessions }) => t.changed(revokedSessions),
    onSuccess: () => form.reset(),
  });
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          try {
            await change.mutateAsync(values);
          } catch (err) {
            form.setErrors(serverFieldErrors(err));
          }
        })}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.title}
          </Title>
          <PasswordInput
            label={t.current}
            autoComplete="current-password"
            required
            maxLength={128}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t.next}
            description={r.password}
            autoComplete="new-password"
            required
            maxLength={128}
            {...form.getInputProps('newPassword')}
          />
          {change.error && !onlyFieldErrors(change.error, form.values) ? <ErrorAlert error={change.error} /> : null}
          <Text size="sm" c="dimmed">
            {t.note}
          </Text>
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
