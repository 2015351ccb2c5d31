const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** Programs that call the API without a browser, by the name they send. */
const PROGRAMS: Array<[RegExp, string]> = [
  [/^curl\//, 'curl'],
  [/^node|undici/i, 'Node.js'],
  [/^python-requests|^python/i, 'Python'],
  [/^PostmanRuntime\//, 'Postman'],
];

/**
 * "Firefox on Windows": enough to recognise one's own devices, from the user agent the
 * browser sent. Anything unrecognised is shown as sent (shortened).
 */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const program = PROGRAMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (program) return program;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser || system) return (browser ?? system) as string;
  return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
}
