/** The Node flags the API runs with on that Node version (scripts/lib/node-flags.mjs). */
export function apiNodeFlags(version?: string): string[];
