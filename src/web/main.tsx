import './initial-styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { I18nProvider, loadDictionary } from './i18n/i18n';
import { getLocale } from './i18n/locale-store';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

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

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
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
