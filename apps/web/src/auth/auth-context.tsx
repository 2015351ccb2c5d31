import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiProblem, type components, unwrap } from '#api-client';
import { api, csrfToken, setAccessToken } from '../api/client';
import { setPolicyAcceptanceRequired } from '../api/policy-gate';

export type CurrentUser = components['schemas']['CurrentUserResponseDto'];
type Session = components['schemas']['SessionResponseDto'];

export type SignInOutcome = { status: 'signed-in' } | { status: 'mfa-required'; mfaToken: string };

interface AuthState {
  /** undefined while the stored session is being restored. */
  user: CurrentUser | null | undefined;
  signIn(email: string, password: string, keepSignedIn: boolean): Promise<SignInOutcome>;
  completeMfa(mfaToken: string, factor: { code?: string; recoveryCode?: string }): Promise<void>;
  /** Renews the session now (e.g. after enrolling in MFA lifts a restriction). */
  refresh(): Promise<void>;
  /** Reads the signed-in user again (after they changed their name or email), keeping the session. */
  reloadUser(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Seconds to wait before retrying when a failure is temporary; undefined when it is final. */
function temporaryFailure(error: unknown): number | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const { status, retryAfterSeconds } = error.problem as { status: number; retryAfterSeconds?: unknown };
  if (status !== 0 && status !== 429 && status !== 503) return undefined;
  return typeof retryAfterSeconds === 'number' ? Math.min(Math.max(retryAfterSeconds, 1), 60) : 5;
}

/** Runs `work` while holding the browser-wide session lock (Web Locks), where there is one. */
const oneAtATime = (work: () => Promise<void>): Promise<void> =>
  typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('steward-session-refresh', work)
    : work();

/**
 * Holds the signed-in user. The access token lives in memory only; the refresh token in an
 * httpOnly cookie the page cannot read. On load the session is restored from that cookie,
 * and the access token is renewed a minute before it expires.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const queryClient = useQueryClient();
  const userId = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The renewal timer calls the latest refresh without making adopt depend on it.
  const renew = useRef<() => Promise<void>>(async () => undefined);

  const adopt = useCallback(
    (session: Session | null) => {
      const nextUserId = session?.user.id ?? null;
      if (userId.current && nextUserId !== userId.current) {
        // Someone else (or nobody) now: what the last person loaded must never show to the next.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'health' });
        // Nor what the API asked of them: the next person's acceptance is read afresh.
        setPolicyAcceptanceRequired(false);
      }
      userId.current = nextUserId;
      clearTimeout(timer.current);
      setAccessToken(session?.accessToken ?? null);
      setUser(session?.user ?? null);
      if (session) timer.current = setTimeout(() => void renew.current(), Math.max(session.expiresIn - 60, 10) * 1000);
    },
    [queryClient],
  );

  // The API takes a refresh token used twice for a stolen one and ends the session, so
  // renewals never overlap: one at a time in this tab (StrictMode runs the restoring effect
  // twice in development) and across tabs (each reads the cookie the previous one left).
  const inflight = useRef<Promise<void> | null>(null);
  const refresh = useCallback(() => {
    inflight.current ??= oneAtATime(async () => {
      if (!csrfToken()) return adopt(null);
      try {
        adopt(await unwrap(api.POST('/api/v1/auth/refresh', { params: { header: { 'x-csrf-token': csrfToken() } } })));
      } catch (error) {
        // Busy (429), down (503) or unreachable: the session is not over, so keep it and try
        // again when the server says; only a refused session signs the person out.
        const retryIn = temporaryFailure(error);
        if (retryIn === undefined) return adopt(null);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void renew.current(), retryIn * 1000);
      }
    }).finally(() => {
      inflight.current = null;
    });
    return inflight.current;
  }, [adopt]);

  renew.current = refresh;

  const reloadUser = useCallback(async () => {
    const current = await unwrap(api.GET('/api/v1/auth/me')).catch(() => null);
    // Signed out meanwhile: stay signed out.
    if (current) setUser((previous) => (previous ? current : previous));
  }, []);

  useEffect(() => {
    void refresh();
    return () => clearTimeout(timer.current);
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      async signIn(email, password, keepSignedIn) {
        const outcome = await unwrap(api.POST('/api/v1/auth/sign-in', { body: { email, password, keepSignedIn } }));
        if ('mfaToken' in outcome) return { status: 'mfa-required', mfaToken: outcome.mfaToken };
        adopt(outcome);
        return { status: 'signed-in' };
      },
      async completeMfa(mfaToken, factor) {
        adopt(await unwrap(api.POST('/api/v1/auth/sign-in/mfa', { body: { mfaToken, ...factor } })));
      },
      refresh,
      reloadUser,
      async signOut() {
        await api.POST('/api/v1/auth/sign-out', { params: { header: { 'x-csrf-token': csrfToken() } } });
        adopt(null);
      },
    }),
    [user, adopt, refresh, reloadUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
