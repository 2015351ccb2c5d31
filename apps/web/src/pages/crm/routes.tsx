import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../auth/require-permission';
import type { NavEntry } from '../../layout/nav-entry';

/**
 * Clients, contacts and contact lists: routes under the signed-in area. The pages load on
 * first visit (their own chunk, with the CSV parser), not with the sign-in page.
 */
export const crmRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="clients:read" />,
    children: [
      {
        path: 'clients',
        handle: { title: 'Clients' },
        lazy: async () => ({ Component: (await import('./clients-page')).ClientsPage }),
      },
      {
        path: 'clients/:id',
        handle: { title: null },
        lazy: async () => ({ Component: (await import('./client-page')).ClientPage }),
      },
      {
        path: 'contacts',
        handle: { title: 'Contacts' },
        lazy: async () => ({ Component: (await import('./contacts-page')).ContactsPage }),
      },
      {
        path: 'contacts/:id',
        handle: { title: null },
        lazy: async () => ({ Component: (await import('./contact-page')).ContactPage }),
      },
      {
        path: 'contact-lists',
        handle: { title: 'Contact lists' },
        lazy: async () => ({ Component: (await import('./contact-lists-page')).ContactListsPage }),
      },
    ],
  },
];

export const crmNav: NavEntry[] = [
  { to: '/clients', label: 'Clients', permission: 'clients:read' },
  { to: '/contacts', label: 'Contacts', permission: 'clients:read' },
  { to: '/contact-lists', label: 'Contact lists', permission: 'clients:read' },
];
