import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';

/** A 404 (or a malformed id, 400) of the page's own resource: the page does not exist for this user. */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

export function NotFoundState({ title, text, back }: { title: string; text: string; back: string }) {
  return (
    <Stack align="center" py="xl" data-testid="not-found">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{text}</Text>
      <Button component={Link} to="/subscriptions">
        {back}
      </Button>
    </Stack>
  );
}
