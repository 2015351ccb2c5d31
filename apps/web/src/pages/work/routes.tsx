import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../auth/require-permission';
import type { NavEntry } from '../../layout/nav-entry';
import { InvoicePage, NewInvoicePage } from './invoices/invoice-page';
import { InvoicesPage } from './invoices/invoices-page';
import { JobPage } from './jobs/job-page';
import { JobsBoardPage } from './jobs/jobs-board-page';
import { SchedulePage } from './schedule/schedule-page';
import { TaxSettingsPage } from './tax/tax-settings-page';

/** Jobs, the schedule calendar, invoices and tax settings: routes under the signed-in area. */
export const workRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="jobs:read" />,
    children: [
      { path: 'jobs', handle: { title: 'jobs' }, element: <JobsBoardPage /> },
      { path: 'jobs/:id', handle: { title: null }, element: <JobPage /> },
    ],
  },
  {
    element: <RequirePermission permission="schedules:read" />,
    children: [{ path: 'schedule', handle: { title: 'schedule' }, element: <SchedulePage /> }],
  },
  {
    element: <RequirePermission permission="invoices:read" />,
    children: [{ path: 'invoices', handle: { title: 'invoices' }, element: <InvoicesPage /> }],
  },
  {
    // An agent opens the invoices of their own jobs to take a payment (the API keeps them to those).
    element: <RequirePermission permission={['invoices:read', 'payments:write']} />,
    children: [{ path: 'invoices/:id', handle: { title: null }, element: <InvoicePage /> }],
  },
  {
    element: <RequirePermission permission="invoices:write" />,
    children: [{ path: 'invoices/new', handle: { title: 'newInvoice' }, element: <NewInvoicePage /> }],
  },
  {
    element: <RequirePermission permission="tax-policies:read" />,
    children: [{ path: 'settings/tax', handle: { title: 'taxSettings' }, element: <TaxSettingsPage /> }],
  },
];

export const workNav: NavEntry[] = [
  { to: '/jobs', label: 'jobs', permission: 'jobs:read' },
  { to: '/schedule', label: 'schedule', permission: 'schedules:read' },
  { to: '/invoices', label: 'invoices', permission: 'invoices:read' },
  { to: '/settings/tax', label: 'taxSettings', permission: 'tax-policies:read' },
];
