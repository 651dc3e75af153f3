import './initial-styles.css';
import './styles.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { I18nProvider, loadDictionary } from './i18n/i18n';
import { getLocale } from './i18n/locale-store';
import { router } from './routes';

document.documentElement.lang = getLocale();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (403/404/400) will not change on retry; network and server errors might.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// Blue of good contrast on white (WCAG AA) for links and primary buttons. Every toast's close
// button gets a name (screen readers announce it).
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
  components: {
    // A plain theme entry, not Notification.extend(): importing the component would put it in the
    // first script, and only the signed-in shell's toasts use it.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': getLocale() === 'en' ? 'Close' : 'Tutup' } },
    },
  },
});

// Mantine's "dimmed" grey is below the WCAG AA contrast ratio on white; secondary text uses a
// darker grey everywhere instead of page by page.
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <I18nProvider>
          <QueryClientProvider client={queryClient}>
            {/* Confirmations and toasts render in the shells (features/layout/app-shell.tsx). */}
            <RouterProvider router={router} />
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

// A reader who chose English waits for its texts (one small request); if they cannot be fetched,
// the app shows in Bahasa Indonesia rather than not at all.
loadDictionary(getLocale()).then(render, render);
