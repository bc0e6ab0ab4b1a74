import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import { meQueryKey, type User } from '../../../auth/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, serverFieldErrors } from '../../../components/forms';
import { useApiMutation } from '../../../components/mutations';
import { common } from '../../../i18n/common';
import { defineMessages, type Locale, useLocale, useMessages } from '../../../i18n/i18n';
import { onlyFieldErrors } from './form-errors';
import { PHONE, PHONE_MAX, ruleText, ruleWords } from './rules';

const m = defineMessages({
  en: {
    title: 'Profile',
    name: 'Name',
    phone: 'Phone',
    phoneHint: 'Optional, for the invoices; such as +62 812 3456 7890',
    locale: 'Preferred language',
    localeHint: 'The language of this dashboard and of the emails Kapal sends you',
    indonesian: 'Bahasa Indonesia',
    english: 'English',
  },
  id: {
    title: 'Profil',
    name: 'Nama',
    phone: 'Telepon',
    phoneHint: 'Opsional, untuk faktur; seperti +62 812 3456 7890',
    locale: 'Bahasa pilihan',
    localeHint: 'Bahasa dasbor ini dan email yang dikirim Kapal kepada Anda',
    indonesian: 'Bahasa Indonesia',
    english: 'English',
  },
});

interface Values {
  name: string;
  phone: string;
  locale: Locale;
}

/** Name, phone and language (PATCH /me, only what changed); the saved user goes to the session's cache. */
export function ProfileForm({ user }: { user: User }) {
  const t = useMessages(m);
  const c = useMessages(common);
  const r = useMessages(ruleWords);
  const { setLocale } = useLocale();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { name: user.name, phone: user.phone ?? '', locale: user.locale },
    validate: {
      name: (value) => ruleText(rules.name(value), r),
      phone: (value) =>
        value.trim() === '' ? null : value.length > PHONE_MAX || !PHONE.test(value.trim()) ? r.phone : null,
    },
  });
  const save = useApiMutation({
    quiet: true,
    // In the language just saved: the interface switches to it at once.
    success: (saved) => common[saved.locale].saved,
    mutationFn: (body: { name?: string; phone?: string | null; locale?: Locale }) =>
      call(api.PATCH('/api/v1/me', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(meQueryKey, saved);
      setLocale(saved.locale);
      form.setInitialValues({ name: saved.name, phone: saved.phone ?? '', locale: saved.locale });
      form.setValues({ name: saved.name, phone: saved.phone ?? '', locale: saved.locale });
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const body: { name?: string; phone?: string | null; locale?: Locale } = {};
          if (values.name.trim() !== user.name) body.name = values.name.trim();
          const phone = values.phone.trim() === '' ? null : values.phone.trim();
          if (phone !== user.phone) body.phone = phone;
          if (values.locale !== user.locale) body.locale = values.locale;
          if (Object.keys(body).length === 0) return;
          try {
            await save.mutateAsync(body);
          } catch (err) {
            form.setErrors(serverFieldErrors(err));
          }
        })}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t.title}
          </Title>
          <TextInput label={t.name} autoComplete="name" required maxLength={100} {...form.getInputProps('name')} />
          <TextInput
            label={t.phone}
            description={t.phoneHint}
            type="tel"
            autoComplete="tel"
            maxLength={PHONE_MAX}
            {...form.getInputProps('phone')}
          />
          <Select
            label={t.locale}
            description={t.localeHint}
            allowDeselect={false}
            data={[
              { value: 'id', label: t.indonesian },
              { value: 'en', label: t.english },
            ]}
            {...form.getInputProps('locale')}
          />
          {save.error && !onlyFieldErrors(save.error, form.values) ? <ErrorAlert error={save.error} /> : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {c.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
