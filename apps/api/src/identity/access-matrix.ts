import { type INestApplication, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { API_PREFIX } from '../common/api-prefix.js';
import { IS_PUBLIC } from '../common/public.decorator.js';
import { AUTHENTICATED_ONLY, REQUIRES, USERS_ONLY } from './identity.decorators.js';
import { ROLES } from './identity.types.js';
import { API_KEY_SCOPES, OPERATOR_SCOPES, PERMISSIONS, type Permission } from './permissions.js';

export interface RouteRule {
  method: string;
  path: string;
  /** 'public', 'authenticated', a permission (or several, "a or b"), or 'NONE' (refused to everyone: a defect). */
  rule: string;
  /** The permissions any one of which opens the route; empty for public, authenticated and NONE. */
  permissions: readonly Permission[];
  roles: readonly string[];
  /** Whether an API key holding the permission as a scope may call it (never for people-only routes). */
  apiKeys: boolean;
  /** The scopes that open it to a key: its permissions a key can be given (none when keys cannot call it). */
  apiKeyScopes: readonly Permission[];
}

/** Scopes a key can be given at all (the operator's only by the operator organization's keys). */
const GRANTABLE: readonly Permission[] = [...API_KEY_SCOPES, ...OPERATOR_SCOPES];

// Nest's own metadata keys for a handler's path and HTTP method.
const PATH = 'path';
const METHOD = 'method';

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of the application with the access rule the guard applies to it. */
export function describeRoutes(app: INestApplication): RouteRule[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const rows: RouteRule[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const base: string = Reflect.getMetadata(PATH, controller) ?? '';
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, () => unknown>)[name];
      const path: string | undefined = Reflect.getMetadata(PATH, handler);
      if (path === undefined) continue;
      const targets = [handler, controller];
      const required = reflector.getAllAndOverride<Permission[] | undefined>(REQUIRES, targets) ?? [];
      const open = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
        ? 'public'
        : reflector.getAllAndOverride<boolean>(AUTHENTICATED_ONLY, targets)
          ? 'authenticated'
          : undefined;
      const permissions = open ? [] : required;
      const rule = open ?? (permissions.length ? permissions.join(' or ') : 'NONE');
      const roles = open
        ? ROLES
        : ROLES.filter((role) =>
            permissions.some((permission) => (PERMISSIONS[permission] as readonly string[]).includes(role)),
          );
      // As JwtAuthGuard.allowApiKey decides: a permission route, not people-only, with a scope a key can hold.
      const apiKeyScopes = reflector.getAllAndOverride<boolean>(USERS_ONLY, targets)
        ? []
        : permissions.filter((permission) => GRANTABLE.includes(permission));
      const apiKeys = apiKeyScopes.length > 0;
      rows.push({
        method: RequestMethod[Reflect.getMetadata(METHOD, handler) as RequestMethod],
        path: join(API_PREFIX, base, path),
        rule,
        permissions,
        roles,
        apiKeys,
        apiKeyScopes,
      });
    }
  }
  return rows.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** docs/permissions.md: the matrix as people read it. */
export function renderAccessMatrix(rows: RouteRule[]): string {
  const header = `| method | path | rule | ${ROLES.join(' | ')} | API key |\n| --- | --- | --- |${' :-: |'.repeat(ROLES.length + 1)}`;
  const lines = rows.map(
    (row) =>
      `| ${row.method} | \`${row.path}\` | ${row.rule} | ${ROLES.map((role) => (row.roles.includes(role) ? '✓' : '')).join(' | ')} | ${row.apiKeys ? '✓' : ''} |`,
  );
  return [
    '# Permissions',
    '',
    'Generated from the code by `npm run openapi` (`apps/api/src/identity/access-matrix.ts`); a test fails when',
    'it differs from the code or when a route has no rule. `public` needs no sign-in; `authenticated` needs any',
    'signed-in user; anything else is a permission of `apps/api/src/identity/permissions.ts` ("a or b": either one,',
    'the service then narrows what each reaches, e.g. payments:write to the invoices of jobs assigned to you).',
    '"API key": a key holding the permission as a scope may call the route (never routes for people: keys,',
    'accounts, your profile).',
    'Every query is also scoped to the caller\u2019s organization: another organization\u2019s ids answer 404.',
    '',
    header,
    ...lines,
    '',
  ].join('\n');
}
