import { Alert, Button, Code, List, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';

/** An API error as the user should see it: the API's own message, its field details and the request id to quote. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useMessages(common);
  const apiError = error instanceof ApiError ? error : null;
  const message =
    apiError?.code === 'NETWORK' ? t.networkDown : (apiError?.message ?? (error as Error)?.message ?? t.somethingWrong);
  return (
    <Alert color="red" title={title ?? t.somethingWrong} role="alert" data-testid="error-alert">
      <Text size="sm">{message}</Text>
      {apiError?.details && apiError.details.length > 0 && (
        <List size="sm" mt="xs">
          {apiError.details.map((d) => (
            <List.Item key={`${d.path}:${d.message}`}>
              {d.path ? <Code>{d.path}</Code> : null} {d.message}
            </List.Item>
          ))}
        </List>
      )}
      {apiError?.requestId && (
        <Text size="xs" c="dimmed" mt="xs">
          {t.requestId}: <Code>{apiError.requestId}</Code>
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          {t.retry}
        </Button>
      )}
    </Alert>
  );
}
