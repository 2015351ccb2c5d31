import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { RequirePermission } from './auth/require-permission';
import { AppLayout } from './layout/app-layout';
import { RouteErrorPage } from './layout/route-error-page';
import { AcceptInvitationPage } from './pages/accept-invitation-page';
import { BranchesPage } from './pages/admin/branches-page';
import { RolesPage } from './pages/admin/roles-page';
import { UsersPage } from './pages/admin/users-page';
import { ApiKeysPage } from './pages/api-keys-page';
import { ConfirmEmailChangePage } from './pages/confirm-email-change-page';
import { crmRoutes } from './pages/crm/routes';
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
    // Should the shell itself fail; below, pages fail inside the shell and its navigation stays.
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: 'sign-in', handle: { title: 'Sign in' }, element: <SignInPage /> },
          { path: 'sign-up', handle: { title: 'Create an account' }, element: <SignUpPage /> },
          { path: 'forgot-password', handle: { title: 'Forgot password' }, element: <ForgotPasswordPage /> },
          { path: 'reset-password', handle: { title: 'Choose a new password' }, element: <ResetPasswordPage /> },
          // Pages the emailed links open; they work signed in or not.
          { path: 'verify-email', handle: { title: 'Confirm your email' }, element: <VerifyEmailPage /> },
          { path: 'accept-invitation', handle: { title: 'Accept invitation' }, element: <AcceptInvitationPage /> },
          { path: 'confirm-email-change', handle: { title: 'Confirm new email' }, element: <ConfirmEmailChangePage /> },
          {
            element: <RequireAuth />,
            children: [
              {
                index: true,
                handle: { title: 'Home' },
                // Its own chunk: the charts library loads with it, not with the sign-in page.
                lazy: async () => ({ Component: (await import('./pages/home-page')).HomePage }),
              },
              { path: 'profile', handle: { title: 'Profile' }, element: <ProfilePage /> },
              { path: 'security', handle: { title: 'Security' }, element: <SecurityPage /> },
              ...crmRoutes,
              ...workRoutes,
              {
                element: <RequirePermission permission="api-keys:manage" />,
                children: [{ path: 'api-keys', handle: { title: 'API keys' }, element: <ApiKeysPage /> }],
              },
              {
                path: 'admin',
                children: [
                  {
                    element: <RequirePermission permission="users:read" />,
                    children: [{ path: 'users', handle: { title: 'Users' }, element: <UsersPage /> }],
                  },
                  {
                    element: <RequirePermission permission="branches:read" />,
                    children: [{ path: 'branches', handle: { title: 'Branches' }, element: <BranchesPage /> }],
                  },
                  { path: 'roles', handle: { title: 'Roles' }, element: <RolesPage /> },
                  {
                    element: <RequirePermission permission="audit:read" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'audit',
                        handle: { title: 'Audit trail' },
                        lazy: async () => ({ Component: (await import('./pages/admin/audit/audit-page')).AuditPage }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', handle: { title: 'Page not found' }, element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
