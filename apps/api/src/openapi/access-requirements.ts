import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { KEY_SCHEMES, PERSON_SCHEMES } from './authentication.js';

/** A route's access rule as the guard applies it (identity/access-matrix.ts `describeRoutes`). */
export interface RouteAccess {
  method: string;
  /** Express style: `/api/v1/contacts/:id`. */
  path: string;
  /** 'public', 'authenticated' or the permissions ("a or b"). */
  rule: string;
  /** The permissions any one of which opens the route; empty for public and authenticated. */
  permissions: readonly string[];
  roles: readonly string[];
  apiKeys: boolean;
  /** The scopes that open it to an API key. */
  apiKeyScopes: readonly string[];
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Says on every operation what the guard will ask of its caller, from the same metadata
 * the guard reads (`@Public`, `@Authenticated`, `@Requires`, `@UsersOnly`): a sentence in the
 * description, the schemes it accepts and `x-required-permissions`. OpenAPI 3.0 allows
 * scopes in security requirements for OAuth only, so permissions go in the extension.
 * Throws on an operation the guard knows nothing of, so no operation goes without.
 */
export function addAccessRequirements(document: OpenAPIObject, routes: readonly RouteAccess[]): void {
  const byOperation = new Map(routes.map((route) => [`${route.method} ${openApiPath(route.path)}`, route]));
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, OperationObject][]) {
      const route = byOperation.get(`${method.toUpperCase()} ${path}`);
      if (!route) throw new Error(`No access rule known for ${method.toUpperCase()} ${path}`);
      const access = operation as OperationObject & Record<`x-${string}`, unknown>;
      // Any one of them opens the route.
      access['x-required-permissions'] = route.permissions;
      access['x-api-key-allowed'] = route.apiKeys;
      if (route.rule === 'public') {
        // Routes that read the refresh cookie declare it themselves (@ApiCookieAuth('refresh-cookie')).
        access.security = operation.security?.some((requirement) => 'refresh-cookie' in requirement)
          ? operation.security
          : [];
      } else {
        // A permission no role holds (the operator's billing scope) is for keys only.
        access.security = [...(route.roles.length ? PERSON_SCHEMES : []), ...(route.apiKeys ? KEY_SCHEMES : [])];
      }
      access.description = [operation.description, accessSentence(route)].filter(Boolean).join('\n\n');
    }
  }
}

function accessSentence(route: RouteAccess): string {
  if (route.rule === 'public') return '**Access:** public, no credentials needed.';
  if (route.rule === 'authenticated') {
    return '**Access:** any signed-in person (access token); API keys cannot call it.';
  }
  const roles = route.roles.length ? `roles ${route.roles.join(', ')}` : 'held by no role';
  const named = (permissions: readonly string[]) => permissions.map((permission) => `\`${permission}\``).join(' or ');
  const keys = route.apiKeys
    ? `or an API key with the ${named(route.apiKeyScopes)} scope`
    : 'people only: API keys cannot call it';
  return `**Requires permission ${named(route.permissions)}** (${roles}), ${keys}.`;
}
