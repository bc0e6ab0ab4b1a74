import { NativeSelect, PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, call } from '../../../../api/client';
import { FormModal } from '../../../../components/FormModal';
import { rules } from '../../../../components/forms';
import { useApiMutation } from '../../../../components/mutations';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords, ruleText } from '../shared/messages';
import { usersMessages } from './messages';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
type Role = 'USER' | 'ADMINISTRATOR';

/** An account made by an administrator (POST /admin/users), checked as the API checks it. */
export function NewUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useMessages(usersMessages);
  const w = useMessages(adminWords);
  const form = useForm({
    initialValues: { email: '', name: '', password: '', phone: '', role: 'USER' as Role },
    validate: {
      email: (v) => ruleText(rules.email(v), w),
      name: (v) => ruleText(rules.name(v), w),
      password: (v) => ruleText(rules.password(v), w),
      phone: (v) => (v.trim() === '' ? null : v.trim().length > 32 || !PHONE.test(v.trim()) ? t.phoneInvalid : null),
    },
  });
  const mutation = useApiMutation({
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/api/v1/admin/users', {
          body: {
            email: values.email.trim(),
            name: values.name.trim(),
            password: values.password,
            role: values.role,
            ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
          },
        }),
      ),
    invalidates: [['admin', 'users']],
    quiet: true,
    success: t.userCreated,
    onSuccess: (user) => {
      form.reset();
      onCreated(user.id);
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t.createTitle}
      centered
      form={form}
      mutation={mutation}
      submitLabel={t.create}
    >
      <TextInput
        label={t.email}
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        {...form.getInputProps('email')}
      />
      <TextInput label={t.name} required maxLength={100} {...form.getInputProps('name')} />
      <PasswordInput
        label={t.password}
        description={w.passwordPolicy}
        required
        maxLength={128}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
      <TextInput label={t.phone} type="tel" maxLength={32} {...form.getInputProps('phone')} />
      <NativeSelect
        label={t.role}
        data={[
          { value: 'USER', label: w.USER },
          { value: 'ADMINISTRATOR', label: w.ADMINISTRATOR },
        ]}
        {...form.getInputProps('role')}
      />
    </FormModal>
  );
}
