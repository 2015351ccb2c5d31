import { createApiClient } from '#api-client';

/** Same origin: the API serves the SPA. */
export const api = createApiClient();

let accessToken: string | null = null;

/** The auth context keeps the current access token here; every call carries it. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}

api.use({
  onRequest({ request }) {
    if (accessToken && !request.headers.has('authorization')) {
      request.headers.set('authorization', `Bearer ${accessToken}`);
    }
    return request;
  },
});

/** The double-submit CSRF token the API set beside the refresh cookie. */
export function csrfToken(): string {
  const match = document.cookie.split('; ').find((cookie) => cookie.startsWith('steward_csrf='));
  return match ? decodeURIComponent(match.slice('steward_csrf='.length)) : '';
}
