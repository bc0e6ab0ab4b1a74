import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { rules, serverFieldErrors } from '../../components/forms';
import { useMessages } from '../../i18n/i18n';
import { authMessages, ruleMessage } from './auth-messages';

export default function RegisterPage() {
  const t = useMessages(authMessages);
  const { user, register } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (v) => ruleMessage(rules.name(v), t),
      email: (v) => ruleMessage(rules.email(v), t),
      password: (v) => ruleMessage(rules.password(v), t),
    },
  });
  if (user) return <Navigate to="/" replace />;
  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            try {
              await register({ name: values.name.trim(), email: values.email.trim(), password: values.password });
              navigate('/services', { replace: true });
            } catch (err) {
              form.setErrors(serverFieldErrors(err));
              setError(err);
            }
          })}
        >
          <Stack>
            <Title order={1} size="h3">
              {t.signUpTitle}
            </Title>
            {error ? <ErrorAlert error={error} /> : null}
            <TextInput label={t.name} autoComplete="name" required maxLength={100} {...form.getInputProps('name')} />
            <TextInput label={t.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput
              label={t.password}
              description={t.passwordPolicy}
              autoComplete="new-password"
              required
              maxLength={128}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t.signUp}
            </Button>
            <Text size="sm">
              {t.haveAccount}{' '}
              <Anchor component={Link} to="/login">
                {t.signIn}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
