import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/auth';
import { LocaleProvider } from './i18n/i18n';
import { router } from './routes';

const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than Mantine's defaults for text on light backgrounds: WCAG AA contrast.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

/**
 * Mantine's light theme draws dimmed text, field errors and the text of light badges and alerts in shades
 * that fall below WCAG AA contrast (4.5:1) for small text on white or on their tinted backgrounds: darker
 * ones here, so every page passes axe-core's contrast check.
 */
const AA_TEXT: Record<string, string> = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
};
for (const color of ['red', 'green', 'teal', 'blue', 'cyan', 'indigo', 'violet', 'grape', 'pink', 'gray']) {
  AA_TEXT[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-9)`;
  AA_TEXT[`--mantine-color-${color}-text`] = `var(--mantine-color-${color}-9)`;
}
// Mantine's darkest yellow and orange are still too light for text.
for (const [color, dark] of [
  ['yellow', '#7a4a00'],
  ['orange', '#9c3200'],
  ['lime', '#3d5c00'],
]) {
  AA_TEXT[`--mantine-color-${color}-light-color`] = dark!;
  AA_TEXT[`--mantine-color-${color}-text`] = dark!;
}
const cssVariablesResolver: CSSVariablesResolver = () => ({ variables: {}, light: AA_TEXT, dark: {} });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change by asking again; a network error or a 5xx might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
