import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { ApiKeysPage } from './pages/api-keys-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset-pages';
import { SecurityPage } from './pages/security-page';
import { SignInPage } from './pages/sign-in-page';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'security', element: <SecurityPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
