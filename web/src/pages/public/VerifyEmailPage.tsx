import { Alert, Button, Center, Paper, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { meQueryKey } from '../../auth/auth';
import { QueryState } from '../../components/QueryState';
import { useMessages } from '../../i18n/i18n';
import { authMessages } from './auth-messages';

/** The link of the verification mail lands here: `/verify-email?token=…`. */
export default function VerifyEmailPage() {
  const t = useMessages(authMessages);
  const [params] = useSearchParams();
  const token = params.get('token');
  const queryClient = useQueryClient();
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const result = await call(api.POST('/api/v1/auth/verify-email', { body: { token: token ?? '' } }));
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      return result;
    },
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h3">
            Email
          </Title>
          {!token ? (
            <Alert color="red">{t.missingToken}</Alert>
          ) : (
            <QueryState query={verification}>
              {(result) => (
                <Stack>
                  <Alert color="green" data-testid="email-verified">
                    {result.alreadyVerified ? t.alreadyVerified : t.verified}
                  </Alert>
                  <Button component={Link} to="/">
                    {t.continue}
                  </Button>
                </Stack>
              )}
            </QueryState>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
