export const BROWSER_FAMILIES = ['Chrome', 'Edge', 'Firefox', 'Safari', 'Other'] as const;
export type BrowserFamily = (typeof BROWSER_FAMILIES)[number];

/** Order matters: Edge and Opera say "Chrome", Chrome says "Safari". */
const FAMILIES: Array<[RegExp, BrowserFamily]> = [
  [/Edg(A|iOS)?\//, 'Edge'],
  [/OPR\/|SamsungBrowser\/|YaBrowser\/|Vivaldi\//, 'Other'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

/**
 * The coarse browser family of a user agent, the only part of it analytics keep. Five names
 * are too few to single anyone out; versions, systems and devices are dropped. A handful of
 * patterns, so no parser dependency (the SPA's user-agent.ts does the same for devices).
 */
export function browserFamilyOf(userAgent: string | null | undefined): BrowserFamily {
  if (!userAgent) return 'Other';
  return FAMILIES.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Other';
}
