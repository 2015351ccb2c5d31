import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';
import { seedFieldDay } from './field-day.js';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * The main pages, checked by axe-core (WCAG 2.1 A and AA) at a desktop and a phone size:
 * no serious or critical violation. Each page names itself in the document title, and the
 * first Tab reaches a link that skips to the content.
 */
describeInBrowser('accessibility of the main pages, in Chromium', () => {
  let harness: BrowserHarness;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  /** Path, the page's level-1 heading, and the document title it should have. */
  let pages: Array<{ path: string; heading: string | RegExp; title: string }>;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ browser, base } = harness);
    org = await createOrganization(harness.app, ['owner', 'manager', 'agent']);
    const day = await seedFieldDay(harness.app, org);
    pages = [
      { path: '/', heading: 'Welcome back, Test manager', title: 'Home' },
      { path: '/clients', heading: 'Clients', title: 'Clients' },
      { path: `/clients/${day.clientId}`, heading: 'Riverside Plumbing', title: 'Riverside Plumbing' },
      { path: '/contacts', heading: 'Contacts', title: 'Contacts' },
      { path: '/contact-lists', heading: 'Contact lists', title: 'Contact lists' },
      { path: '/jobs', heading: 'Jobs', title: 'Jobs' },
      { path: `/jobs/${day.jobId}`, heading: 'Replace boiler valve', title: 'Replace boiler valve (job #1)' },
      { path: '/schedule', heading: 'Schedule', title: 'Schedule' },
      { path: '/invoices', heading: 'Invoices', title: 'Invoices' },
      { path: `/invoices/${day.invoiceId}`, heading: /^Invoice INV-/, title: 'Invoice INV-00001' },
      { path: '/settings/tax', heading: 'Tax settings', title: 'Tax settings' },
      { path: '/profile', heading: 'Profile', title: 'Profile' },
      { path: '/security', heading: 'Security', title: 'Security' },
      { path: '/privacy', heading: 'Privacy Policy', title: 'Privacy Policy' },
    ];
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function signedIn(options: BrowserContextOptions): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.manager.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    return page;
  }

  /** Each page once loaded: its serious and critical violations, by path. */
  async function auditPages(page: Page) {
    const found: Record<string, string[]> = {};
    for (const { path, heading } of pages) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length) {
        found[path] = violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`);
      }
    }
    return found;
  }

  it('should have no serious accessibility violation on the main pages at desktop size', async () => {
    const page = await signedIn(DESKTOP);
    expect(await auditPages(page)).toEqual({});
    await page.context().close();
  });

  it('should have no serious accessibility violation on the main pages on a phone', async () => {
    const page = await signedIn(PHONE);
    expect(await auditPages(page)).toEqual({});
    // The menu, opened, too.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('should have no serious accessibility violation on the pages before sign-in', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    for (const [path, heading] of [
      ['/sign-in', 'Sign in to Steward CRM'],
      ['/sign-up', /create/i],
      ['/forgot-password', /password/i],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.context().close();
  });

  it('should give each page its own title', async () => {
    const page = await signedIn(DESKTOP);
    const titles: string[] = [];
    for (const { path, heading, title } of pages) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForFunction(`document.title === ${JSON.stringify(`${title} · Steward CRM`)}`);
      titles.push(await page.title());
    }
    expect(new Set(titles).size).toBe(pages.length);
    // Moving within the app (no reload) names the new page too.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    expect(await page.title()).toBe('Clients · Steward CRM');
    await page.context().close();
  });

  it('should offer a skip link to the main content as the first Tab stop', async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${base}/clients`);
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    // Out of sight until it has the focus.
    expect((await skip.boundingBox())?.y ?? 0).toBeLessThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    expect((await skip.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    // The next Tab goes into the page, past the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.getElementById('main').contains(document.activeElement)")).toBe(true);
    await page.context().close();
  });
});
