import { Button, Group, NativeSelect, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call, type Schemas } from '../../../../api/client';
import { ErrorAlert } from '../../../../components/ErrorAlert';
import { rules, serverFieldErrors } from '../../../../components/forms';
import { useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords, ruleText } from '../shared/messages';
import { usersMessages } from './messages';

type User = Schemas['User'];
type Role = User['role'];
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** Email, name, phone, role and whether the account may sign in; only what changed is sent. */
export function EditUserForm({ user }: { user: User }) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const form = useForm({
    initialValues: {
      email: user.email,
      name: user.name,
      phone: user.phone ?? '',
      role: user.role,
      isActive: user.isActive,
    },
    validate: {
      email: (v) => ruleText(rules.email(v), w),
      name: (v) => ruleText(rules.name(v), w),
      phone: (v) => (v.trim() === '' ? null : v.trim().length > 32 || !PHONE.test(v.trim()) ? t.phoneInvalid : null),
    },
  });
  const mutation = useApiMutation({
    mutationFn: (body: { email?: string; name?: string; phone?: string | null; role?: Role; isActive?: boolean }) =>
      call(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: user.id } }, body })),
    invalidates: [['admin', 'users']],
    quiet: true,
    success: t.userSaved,
    onSuccess: (saved) => {
      const values = {
        email: saved.email,
        name: saved.name,
        phone: saved.phone ?? '',
        role: saved.role,
        isActive: saved.isActive,
      };
      form.setInitialValues(values);
      form.setValues(values);
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        const body: Parameters<typeof mutation.mutate>[0] = {};
        if (values.email.trim().toLowerCase() !== user.email) body.email = values.email.trim();
        if (values.name.trim() !== user.name) body.name = values.name.trim();
        const phone = values.phone.trim() === '' ? null : values.phone.trim();
        if (phone !== user.phone) body.phone = phone;
        if (values.role !== user.role) body.role = values.role;
        if (values.isActive !== user.isActive) body.isActive = values.isActive;
        if (Object.keys(body).length === 0) {
          form.setErrors({ name: t.nothingChanged });
          return;
        }
        try {
          await mutation.mutateAsync(body);
        } catch (err) {
          form.setErrors(serverFieldErrors(err));
        }
      })}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t.editTitle}
        </Title>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput label={t.email} type="email" required maxLength={254} {...form.getInputProps('email')} />
        <TextInput label={t.name} required maxLength={100} {...form.getInputProps('name')} />
        <TextInput label={t.phone} type="tel" maxLength={32} {...form.getInputProps('phone')} />
        <NativeSelect
          label={t.role}
          data={[
            { value: 'USER', label: w.USER },
            { value: 'ADMINISTRATOR', label: w.ADMINISTRATOR },
          ]}
          {...form.getInputProps('role')}
        />
        <Switch label={t.isActive} {...form.getInputProps('isActive', { type: 'checkbox' })} />
        {!form.isDirty() && (
          <Text size="xs" c="dimmed">
            {t.nothingChanged}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            {w.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
