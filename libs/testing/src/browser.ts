import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CookiePolicyRevision } from '../../../apps/api/src/consent/policies/cookie-policy-revision.js';
import { createTestApp, type TestApp, type TestAppOptions } from './app.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (never a downloaded browser), or undefined when none is installed. */
export const chromiumPath = (): string | undefined => CANDIDATES.find((path) => path && existsSync(path));

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser test drives a real SPA against a real API on a shared 2-core machine: it gets two minutes. */
export const BROWSER_TEST_TIMEOUT_MS = 120_000;

/**
 * Browser suites run when Chromium is installed, and always in CI (where a missing
 * browser is a failure, not a skip). In CI a failed browser test runs once more, with its
 * first failure printed, and `npm test` lists it as flaky in its closing lines
 * (scripts/test.mjs): a test that fails twice still fails the run.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const run = chromiumPath() || process.env.CI ? describe : describe.skip;
  run(name, () => {
    jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
    if (process.env.CI) jest.retryTimes(1, { logErrorsBeforeRetry: true });
    suite();
  });
}

export interface BrowserHarness {
  app: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> of the app serving the built SPA. */
  base: string;
  close(): Promise<void>;
}

export interface BrowserHarnessOptions extends TestAppOptions {
  /**
   * 'ask': pages open as a first visit, with the cookie consent banner. By default every new
   * context opens as a returning visitor who already refused everything but essential cookies,
   * so the banner does not cover what other suites click (cookie-consent.browser-spec.ts tests it).
   */
  cookieConsent?: 'ask' | 'essential-only';
}

/** The app serving the built SPA on a free port, and Chromium to drive it. */
export async function startBrowserHarness(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
  if (!existsSync('dist/web/index.html')) throw new Error('The SPA is not built: run `npm run build:web`');
  const app = await createTestApp({ ...options, env: { STATIC_DIR: 'dist/web', ...options.env } });
  await app.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  if (options.cookieConsent !== 'ask') {
    // Browser.newPage opens its context through newContext, so both get the choice.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const context = await newContext(...args);
      await addEssentialOnlyChoice(context, base, await app.app.get(CookiePolicyRevision).current());
      return context;
    };
  }
  return {
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** The consent manager's cookie as a refusal of everything non-essential leaves it. */
async function addEssentialOnlyChoice(context: BrowserContext, base: string, revision: number): Promise<void> {
  const now = new Date().toISOString();
  const value = {
    categories: ['essential'],
    revision,
    data: null,
    consentTimestamp: now,
    consentId: randomUUID(),
    services: { essential: [], preference: [], analytics: [], security: [] },
    languageCode: 'en',
    lastConsentTimestamp: now,
  };
  await context.addCookies([
    { name: 'steward_consent', value: encodeURIComponent(JSON.stringify(value)), url: base, sameSite: 'Lax' },
  ]);
}

/** Fills and submits the sign-in form on the current page, as a person would. */
export async function submitSignInForm(
  page: Page,
  email: string,
  password: string,
  keepSignedIn = false,
): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  if (keepSignedIn) await page.getByLabel('Keep me signed in').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A phone in portrait (the size of a common 6.1" phone), touch and all. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
/** The narrowest screen the SPA promises to work on. */
export const NARROW_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

/**
 * How far the page is wider than the screen (0 when nothing scrolls sideways). Wide parts
 * such as tables must scroll inside themselves, never the page.
 */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in the page as it is now and returns the
 * violations of the given impacts, serious and critical unless told otherwise.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy forbids
  // inline scripts, rightly. (The root tsconfig has no DOM types: page-side code is a string.)
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(axeSource());
  // Colours are measured as painted: a dialog still fading in has half its contrast. Wait
  // for running CSS transitions and animations to finish (bounded: an endless one is not ours).
  // Awaited inside the page: a polled waitForFunction is compiled with new Function, which the
  // CSP forbids, so it never waited.
  await page.evaluate(
    `Promise.race([
       Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
       new Promise((resolve) => setTimeout(resolve, 5000)),
     ])`,
  );
  const violations = await page.evaluate<AxeViolation[]>(`
    axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((results) =>
        results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map((node) => node.target.join(' ')),
        })),
      )
  `);
  return violations.filter((violation) => impacts.includes(violation.impact ?? ''));
}
