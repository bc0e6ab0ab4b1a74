import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { type CSSVariablesResolver, createTheme, Drawer, MantineProvider, Modal, Notification } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/auth';
import { type Locale, LocaleProvider, useLocale } from './i18n/i18n';
import { router } from './routes';

/**
 * One theme per language: Mantine's close buttons (modals, drawers, toasts) have no accessible name of their
 * own, so every one gets "Close" or "Tutup" here.
 */
function themeFor(locale: Locale) {
  const closeButtonProps = { 'aria-label': locale === 'id' ? 'Tutup' : 'Close' };
  return createTheme({
    primaryColor: 'blue',
    // Darker shades than Mantine's defaults for text on light backgrounds: WCAG AA contrast.
    primaryShade: 8,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    defaultRadius: 'md',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
const themes = { id: themeFor('id'), en: themeFor('en') };

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <MantineProvider theme={themes[locale]} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

/**
 * Mantine's light theme draws dimmed text, field errors and the text of light badges and alerts in shades
 * that fall below WCAG AA contrast (4.5:1) for small text on white or on their tinted backgrounds: darker
 * ones here, so every page passes axe-core's contrast check.
 */
const AA_TEXT: Record<string, string> = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
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
    <LocaleProvider>
      <Themed>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </Themed>
    </LocaleProvider>
  </StrictMode>,
);
