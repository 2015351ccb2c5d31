import type { Permission } from '../auth/use-permissions';

/** Every scope a key may hold, in words, grouped by what it touches (the API's matrix order). */
export const SCOPE_GROUPS: Array<{ group: string; scopes: Array<[Permission, string]> }> = [
  {
    group: 'Organization',
    scopes: [
      ['organization:read', 'Read organization settings'],
      ['organization:update', 'Change organization settings'],
      ['branches:read', 'Read branches'],
      ['branches:write', 'Create, rename and delete branches'],
      ['users:read', 'Read people and their roles'],
    ],
  },
  {
    group: 'Clients and contacts',
    scopes: [
      ['clients:read', 'Read clients, contacts and lists'],
      ['clients:write', 'Create, change and delete clients, contacts and lists'],
      ['communications:read', 'Read calls, emails, meetings and notes'],
      ['communications:write', 'Log calls, emails, meetings and notes'],
    ],
  },
  {
    group: 'Work',
    scopes: [
      ['jobs:read', 'Read jobs'],
      ['jobs:write', 'Open, change and move jobs'],
      ['schedules:read', 'Read the calendar'],
      ['schedules:write', 'Book and change appointments and visits'],
    ],
  },
  {
    group: 'Money',
    scopes: [
      ['invoices:read', 'Read invoices and payments'],
      ['invoices:write', 'Draft, issue and void invoices, record payments'],
      ['tax-policies:read', 'Read tax policies'],
      ['tax-policies:write', 'Change tax policies'],
    ],
  },
  {
    group: 'Audit',
    scopes: [['audit:read', 'Read, export and verify the audit trail']],
  },
  {
    group: 'Integrations',
    scopes: [['webhooks:manage', 'Manage webhook endpoints, their secrets and delivery log']],
  },
];

/** How a scope reads, for badges and the audit of a key. */
export const scopeLabel = (scope: string): string =>
  SCOPE_GROUPS.flatMap((entry) => entry.scopes).find(([candidate]) => candidate === scope)?.[1] ?? scope;
