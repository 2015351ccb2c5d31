import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client';
import { AuthProvider } from './auth/auth-context';
import { consentAwareColorSchemeManager } from './consent/color-scheme-manager';
// Before any component: i18next is ready with the reader's language at the first render.
import './i18n/i18n';
import { LocaleFromProfile } from './i18n/locale-from-profile';
import { reloadForNewVersion } from './layout/route-error-page';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

// A chunk of the previous build is gone after an upgrade: reload once into the new build.
// When that does not help, the error reaches the router's error page.
window.addEventListener('vite:preloadError', (event) => {
  if (reloadForNewVersion()) event.preventDefault();
});

// Written to localStorage only with the "preference" consent (docs/cookies.md).
const colorSchemeManager = consentAwareColorSchemeManager();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      colorSchemeManager={colorSchemeManager}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <LocaleFromProfile />
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
