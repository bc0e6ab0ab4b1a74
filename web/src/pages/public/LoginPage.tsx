import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { rules } from '../../components/forms';
import { useMessages } from '../../i18n/i18n';
import { authMessages, ruleMessage } from './auth-messages';

/** Only same-site paths: `?next=https://evil.example` must not take a user away after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const t = useMessages(authMessages);
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => ruleMessage(rules.email(v), t),
      password: (v) => (v.length === 0 ? t.required : null),
    },
  });
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            try {
              await signIn(values.email.trim(), values.password);
              navigate(safeNext(params.get('next')), { replace: true });
            } catch (err) {
              setError(err);
            }
          })}
        >
          <Stack>
            <Title order={1} size="h3">
              {t.signInTitle}
            </Title>
            {error ? <ErrorAlert error={error} /> : null}
            <TextInput label={t.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput
              label={t.password}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t.signIn}
            </Button>
            <Text size="sm">
              {t.noAccount}{' '}
              <Anchor component={Link} to="/register">
                {t.signUp}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
