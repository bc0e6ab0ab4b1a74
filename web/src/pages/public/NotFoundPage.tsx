import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/i18n';
import { authMessages } from './auth-messages';

export default function NotFoundPage() {
  const t = useMessages(authMessages);
  return (
    <Stack align="center" py="xl">
      <Title order={1} size="h2">
        {t.notFound}
      </Title>
      <Text c="dimmed">{t.notFoundText}</Text>
      <Button component={Link} to="/">
        {t.goHome}
      </Button>
    </Stack>
  );
}
