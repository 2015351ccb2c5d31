import { useSyncExternalStore } from 'react';
import { api } from './client';

/**
 * Whether the API asked the signed-in person to accept the current privacy policy. Any call
 * can learn it (403 `policy-acceptance-required`), so it is watched once, on the client,
 * rather than in every hook; RequireAuth then shows the review-and-accept page.
 */
let required = false;
const listeners = new Set<() => void>();

export function setPolicyAcceptanceRequired(value: boolean): void {
  if (required === value) return;
  required = value;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const usePolicyAcceptanceRequired = (): boolean => useSyncExternalStore(subscribe, () => required);

api.use({
  async onResponse({ response }) {
    if (response.status !== 403) return undefined;
    // A clone: the caller still reads the body itself.
    const problem = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: unknown } | null;
    if (problem?.code === 'policy-acceptance-required') setPolicyAcceptanceRequired(true);
    return undefined;
  },
});
