import type { Auth } from './scenarios.js';

/** Credentials for the scenarios: a fresh access token of the owner and an API key. */
export interface Credentials {
  token: string;
  tokenAt: number;
  apiKey: string;
  apiKeyId?: string;
}

/** Access tokens live `accessTokenMinutes` (15 by default): sign in again well before. */
const TOKEN_REFRESH_MS = 5 * 60_000;

export async function call<T>(origin: string, method: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    ...init,
    method,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function signIn(origin: string, owner: { email: string; password: string }): Promise<string> {
  const session = await call<{ accessToken?: string; mfaToken?: string }>(origin, 'POST', '/api/v1/auth/sign-in', {
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  if (!session.accessToken) throw new Error('The bench owner has two-step verification on; the bench cannot sign in');
  await acceptPrivacyPolicy(origin, session.accessToken);
  return session.accessToken;
}

/** A newly published platform policy blocks every other request until accepted (403 policy-acceptance-required). */
async function acceptPrivacyPolicy(origin: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const status = await call<{ required: boolean; current: { number: number } }>(
    origin,
    'GET',
    '/api/v1/me/privacy-policy',
    { headers },
  );
  if (!status.required) return;
  await call(origin, 'POST', '/api/v1/me/privacy-policy/acceptance', {
    headers,
    body: JSON.stringify({ number: status.current.number }),
  });
}

export async function createApiKey(
  origin: string,
  token: string,
  name: string,
): Promise<{ secret: string; id: string }> {
  const created = await call<{ secret: string; apiKey: { id: string } }>(origin, 'POST', '/api/v1/api-keys', {
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: `npm run bench: ${name}`,
      scopes: ['clients:read', 'clients:write', 'communications:read', 'jobs:read', 'jobs:write'],
    }),
  });
  return { secret: created.secret, id: created.apiKey.id };
}

/**
 * A fresh access token and an API key for one server under test. Each server gets its own
 * key: the API writes a key's first use of every minute (and audits it), and that write
 * should fall to the server that made it.
 */
export async function credentials(
  origin: string,
  owner: { email: string; password: string },
  name: string,
): Promise<Credentials> {
  const token = await signIn(origin, owner);
  const key = await createApiKey(origin, token, name);
  return { token, tokenAt: Date.now(), apiKey: key.secret, apiKeyId: key.id };
}

/** Signs in again when the token is getting old. */
export async function fresh(origin: string, owner: { email: string; password: string }, current: Credentials) {
  if (Date.now() - current.tokenAt < TOKEN_REFRESH_MS) return current;
  return { ...current, token: await signIn(origin, owner), tokenAt: Date.now() };
}

export const authHeaders = (auth: Auth, credentials: Credentials): Record<string, string> =>
  auth === 'jwt' ? { authorization: `Bearer ${credentials.token}` } : { 'x-api-key': credentials.apiKey };
