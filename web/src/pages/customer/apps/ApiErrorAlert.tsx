import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useMessages } from '../../../i18n/i18n';
import { appsMessages } from './messages';

/** A refused action inline, with a way to top up when the balance was short (402 INSUFFICIENT_CREDIT). */
export function ActionError({ error }: { error: unknown }) {
  const t = useMessages(appsMessages);
  if (!error) return null;
  return (
    <Stack gap={4}>
      <ErrorAlert error={error} />
      {error instanceof ApiError && error.code === 'INSUFFICIENT_CREDIT' && (
        <Anchor component={Link} to="/billing" size="sm">
          {t.topUp}
        </Anchor>
      )}
    </Stack>
  );
}
