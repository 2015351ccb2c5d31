import { useEffect } from 'react';
import { useLocation, useMatches } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { useCookieConsent } from './use-cookie-consent';

/**
 * The route pattern of a path, never its values: each parameter's segment becomes `:name`
 * (`/contacts/4f1c…` → `/contacts/:id`), and a path that still holds anything but letters
 * and hyphens is not sent at all. Query strings and fragments are never part of it.
 */
export function routePattern(pathname: string, params: Record<string, string | undefined>): string | null {
  if ('*' in params) return null;
  const names = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const name = names.get(decodeURIComponent(segment));
      return name ? `:${name}` : segment;
    });
  const pattern = `/${segments.join('/')}`;
  return /^\/((:[a-z][a-zA-Z]*|[a-z]+(-[a-z]+)*)(\/|$))*$/.test(pattern) ? pattern : null;
}

/**
 * Sends a page view for each page a signed-in person opens, only while the analytics
 * category is accepted, with this browser's consent id as the proof the API checks.
 * Without that consent nothing is sent, not even a request that would be refused.
 */
export function useUsageAnalytics(): void {
  const { user } = useAuth();
  const { accepted, consentId } = useCookieConsent();
  const analytics = accepted.includes('analytics');
  const { pathname } = useLocation();
  const matches = useMatches();
  const params = matches[matches.length - 1]?.params ?? {};
  const name = routePattern(pathname, params);
  const signedIn = Boolean(user) && !user?.mfaEnrolmentRequired;

  useEffect(() => {
    if (!signedIn || !analytics || !consentId || !name) return;
    void api.POST('/api/v1/analytics/events', { body: { consentId, events: [{ type: 'page-view', name }] } });
  }, [signedIn, analytics, consentId, name]);
}
