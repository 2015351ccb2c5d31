import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { RequirePermission } from './auth/require-permission';
import { AppLayout } from './layout/app-layout';
import { AcceptInvitationPage } from './pages/accept-invitation-page';
import { BranchesPage } from './pages/admin/branches-page';
import { RolesPage } from './pages/admin/roles-page';
import { UsersPage } from './pages/admin/users-page';
import { ApiKeysPage } from './pages/api-keys-page';
import { ConfirmEmailChangePage } from './pages/confirm-email-change-page';
import { crmRoutes } from './pages/crm/routes';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset-pages';
import { ProfilePage } from './pages/profile-page';
import { SecurityPage } from './pages/security-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { VerifyEmailPage } from './pages/verify-email-page';
import { workRoutes } from './pages/work/routes';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      // Pages the emailed links open; they work signed in or not.
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'accept-invitation', element: <AcceptInvitationPage /> },
      { path: 'confirm-email-change', element: <ConfirmEmailChangePage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'security', element: <SecurityPage /> },
          ...crmRoutes,
          ...workRoutes,
          {
            element: <RequirePermission permission="api-keys:manage" />,
            children: [{ path: 'api-keys', element: <ApiKeysPage /> }],
          },
          {
            path: 'admin',
            children: [
              {
                element: <RequirePermission permission="users:read" />,
                children: [{ path: 'users', element: <UsersPage /> }],
              },
              {
                element: <RequirePermission permission="branches:read" />,
                children: [{ path: 'branches', element: <BranchesPage /> }],
              },
              { path: 'roles', element: <RolesPage /> },
              {
                element: <RequirePermission permission="audit:read" />,
                children: [
                  // Its own chunk: few people open it.
                  {
                    path: 'audit',
                    lazy: async () => ({ Component: (await import('./pages/admin/audit/audit-page')).AuditPage }),
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
