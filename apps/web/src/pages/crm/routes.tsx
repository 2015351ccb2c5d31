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
        handle: { title: 'clients' },
        lazy: async () => ({ Component: (await import('./clients-page')).ClientsPage }),
      },
      {
        path: 'clients/:id',
        handle: { title: null },
        lazy: async () => ({ Component: (await import('./client-page')).ClientPage }),
      },
      {
        path: 'contacts',
        handle: { title: 'contacts' },
        lazy: async () => ({ Component: (await import('./contacts-page')).ContactsPage }),
      },
      {
        path: 'contacts/:id',
        handle: { title: null },
        lazy: async () => ({ Component: (await import('./contact-page')).ContactPage }),
      },
      {
        path: 'contact-lists',
        handle: { title: 'contactLists' },
        lazy: async () => ({ Component: (await import('./contact-lists-page')).ContactListsPage }),
      },
    ],
  },
];

export const crmNav: NavEntry[] = [
  { to: '/clients', label: 'clients', permission: 'clients:read' },
  { to: '/contacts', label: 'contacts', permission: 'clients:read' },
  { to: '/contact-lists', label: 'contactLists', permission: 'clients:read' },
];
