import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import { api, call, type Schemas } from '../api/client';
import { useLocale } from '../i18n/i18n';
import { getSession, onSessionChange, setSession } from './session';

export type User = Schemas['User'];

interface AuthState {
  /** undefined while the session's user is loading; null when signed out. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<User>;
  register(input: { email: string; password: string; name: string }): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const meQueryKey = ['me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useLocale();
  const session = useSyncExternalStore(onSessionChange, getSession);
  const signedIn = session !== null;
  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: () => call(api.GET('/api/v1/me')),
    enabled: signedIn,
    staleTime: 60_000,
  });

  // Signed out (here, in another tab, or because the refresh token was refused): forget every answer.
  useEffect(() => {
    if (!signedIn) queryClient.clear();
  }, [signedIn, queryClient]);

  // The profile's language wins once known.
  const profileLocale = me.data?.locale;
  useEffect(() => {
    if (profileLocale && profileLocale !== locale) setLocale(profileLocale);
  }, [profileLocale, locale, setLocale]);

  const started = useCallback(
    (result: { user: User; tokens: { accessToken: string; refreshToken: string; expiresIn: number } }) => {
      queryClient.clear();
      setSession(result.tokens);
      queryClient.setQueryData(meQueryKey, result.user);
      return result.user;
    },
    [queryClient],
  );

  const value = useMemo<AuthState>(
    () => ({
      user: !signedIn ? null : me.isError ? null : me.data,
      signIn: async (email, password) =>
        started(await call(api.POST('/api/v1/auth/login', { body: { email, password } }))),
      // The account takes the language it was created in (mails follow the profile's language).
      register: async (input) => {
        const result = await call(api.POST('/api/v1/auth/register', { body: input }));
        if (result.user.locale === locale) return started(result);
        const user = started({ ...result, user: { ...result.user, locale } });
        await call(api.PATCH('/api/v1/me', { body: { locale } })).catch(() =>
          queryClient.invalidateQueries({ queryKey: meQueryKey }),
        );
        return user;
      },
      signOut: async () => {
        await call(api.POST('/api/v1/auth/logout')).catch(() => {});
        setSession(null);
        queryClient.clear();
      },
    }),
    [signedIn, me.data, me.isError, started, queryClient, locale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
