import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
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

/**
 * Browser suites run when Chromium is installed, and always in CI (where a missing
 * browser is a failure, not a skip).
 */
export const describeInBrowser: jest.Describe =
  chromiumPath() || process.env.CI ? describe : (describe.skip as jest.Describe);

export interface BrowserHarness {
  app: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> of the app serving the built SPA. */
  base: string;
  close(): Promise<void>;
}

/** The app serving the built SPA on a free port, and Chromium to drive it. */
export async function startBrowserHarness(options: TestAppOptions = {}): Promise<BrowserHarness> {
  if (!existsSync('dist/web/index.html')) throw new Error('The SPA is not built: run `npm run build:web`');
  const app = await createTestApp({ ...options, env: { STATIC_DIR: 'dist/web', ...options.env } });
  await app.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchBrowser();
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
