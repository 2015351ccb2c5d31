import type { Request } from 'express';

/** Every API key starts so; a bearer token that does is a key, not a JWT. */
export const API_KEY_PREFIX = 'stw_';

/**
 * The API key a request presents, in `X-API-Key` or as `Authorization: Bearer stw_…`
 * (many HTTP clients and integration platforms only know bearer tokens).
 */
export function presentedApiKey(request: Request): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith(`Bearer ${API_KEY_PREFIX}`)) return authorization.slice('Bearer '.length).trim();
  return undefined;
}

/** Both ways to authenticate, for 401 answers (RFC 9110 §11.6.1). */
export const AUTHENTICATE_CHALLENGES = 'Bearer realm="Steward CRM", ApiKey realm="Steward CRM", header="X-API-Key"';
