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
import { ConfirmConsentPage } from './pages/confirm-consent-page';
import { ConfirmEmailChangePage } from './pages/confirm-email-change-page';
import { crmRoutes } from './pages/crm/routes';
import { NotFoundPage } from './pages/not-found-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset-pages';
import { AcceptPolicyPage } from './pages/privacy/accept-policy-page';
import { PrivacyCenterPage } from './pages/privacy/privacy-center-page';
import { PolicyVersionPage, PublicPolicyPage } from './pages/privacy/public-policy-page';
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
          { path: 'sign-in', handle: { title: 'signIn' }, element: <SignInPage /> },
          { path: 'sign-up', handle: { title: 'signUp' }, element: <SignUpPage /> },
          { path: 'forgot-password', handle: { title: 'forgotPassword' }, element: <ForgotPasswordPage /> },
          { path: 'reset-password', handle: { title: 'resetPassword' }, element: <ResetPasswordPage /> },
          // Pages the emailed links open; they work signed in or not.
          { path: 'verify-email', handle: { title: 'verifyEmail' }, element: <VerifyEmailPage /> },
          { path: 'accept-invitation', handle: { title: 'acceptInvitation' }, element: <AcceptInvitationPage /> },
          {
            path: 'confirm-email-change',
            handle: { title: 'confirmEmailChange' },
            element: <ConfirmEmailChangePage />,
          },
          // The privacy policy and organizations' notices: open to anyone; the pages name themselves.
          { path: 'privacy', handle: { title: null }, element: <PublicPolicyPage /> },
          { path: 'privacy/versions/:number', handle: { title: null }, element: <PolicyVersionPage /> },
          { path: 'privacy/:slug', handle: { title: null }, element: <PublicPolicyPage /> },
          { path: 'privacy/:slug/versions/:number', handle: { title: null }, element: <PolicyVersionPage /> },
          { path: 'confirm-consent', handle: { title: 'confirmConsent' }, element: <ConfirmConsentPage /> },
          // Data-subject requests: the public form (named by the page) and its emailed link.
          {
            path: 'privacy/:slug/request',
            handle: { title: null },
            lazy: async () => ({
              Component: (await import('./pages/privacy-requests/public-request-page')).PublicRequestPage,
            }),
          },
          {
            path: 'privacy-requests/verify',
            handle: { title: 'verifyPrivacyRequest' },
            lazy: async () => ({
              Component: (await import('./pages/privacy-requests/verify-request-page')).VerifyRequestPage,
            }),
          },
          {
            element: <RequireAuth />,
            children: [
              {
                index: true,
                handle: { title: 'home' },
                // Its own chunk: the charts library loads with it, not with the sign-in page.
                lazy: async () => ({ Component: (await import('./pages/home-page')).HomePage }),
              },
              { path: 'profile', handle: { title: 'profile' }, element: <ProfilePage /> },
              { path: 'security', handle: { title: 'security' }, element: <SecurityPage /> },
              { path: 'privacy/accept', handle: { title: 'acceptPolicy' }, element: <AcceptPolicyPage /> },
              { path: 'privacy-center', handle: { title: 'privacyCenter' }, element: <PrivacyCenterPage /> },
              {
                path: 'privacy-center/requests',
                handle: { title: 'myPrivacyRequests' },
                lazy: async () => ({
                  Component: (await import('./pages/privacy-requests/my-requests-page')).MyRequestsPage,
                }),
              },
              ...crmRoutes,
              ...workRoutes,
              {
                element: <RequirePermission permission="api-keys:manage" />,
                children: [{ path: 'api-keys', handle: { title: 'apiKeys' }, element: <ApiKeysPage /> }],
              },
              {
                path: 'admin',
                children: [
                  {
                    element: <RequirePermission permission="users:read" />,
                    children: [{ path: 'users', handle: { title: 'users' }, element: <UsersPage /> }],
                  },
                  {
                    element: <RequirePermission permission="branches:read" />,
                    children: [{ path: 'branches', handle: { title: 'branches' }, element: <BranchesPage /> }],
                  },
                  { path: 'roles', handle: { title: 'roles' }, element: <RolesPage /> },
                  {
                    element: <RequirePermission permission="privacy-policy:write" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'privacy',
                        handle: { title: 'privacyPolicy' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/privacy/privacy-admin-page')).PrivacyAdminPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="consents:read" />,
                    children: [
                      // Its own chunk, with the charts library.
                      {
                        path: 'consents',
                        handle: { title: 'consents' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/consents/consent-purposes-page')).ConsentPurposesPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="requests:read" />,
                    children: [
                      // Its own chunk; the chart loads lazily inside it.
                      {
                        path: 'privacy-requests',
                        handle: { title: 'privacyRequests' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/privacy-requests/privacy-requests-page'))
                            .PrivacyRequestsPage,
                        }),
                      },
                      {
                        path: 'privacy-requests/:id',
                        handle: { title: null },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/privacy-requests/privacy-request-page'))
                            .PrivacyRequestPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="webhooks:manage" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'webhooks',
                        handle: { title: 'webhooks' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/webhooks/webhooks-page')).WebhooksPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="analytics:read" />,
                    children: [
                      // Its own chunk, with the charts library.
                      {
                        path: 'usage',
                        handle: { title: 'usage' },
                        lazy: async () => ({ Component: (await import('./pages/admin/usage/usage-page')).UsagePage }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="subscription:read" />,
                    children: [
                      {
                        path: 'subscription',
                        handle: { title: 'subscription' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/subscription/subscription-page')).SubscriptionPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="retention:read" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'retention',
                        handle: { title: 'retention' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/retention/retention-page')).RetentionPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="legal-holds:read" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'legal-holds',
                        handle: { title: 'legalHolds' },
                        lazy: async () => ({
                          Component: (await import('./pages/admin/legal-holds/legal-holds-page')).LegalHoldsPage,
                        }),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="audit:read" />,
                    children: [
                      // Its own chunk: few people open it.
                      {
                        path: 'audit',
                        handle: { title: 'auditTrail' },
                        lazy: async () => ({ Component: (await import('./pages/admin/audit/audit-page')).AuditPage }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', handle: { title: 'notFound' }, element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
