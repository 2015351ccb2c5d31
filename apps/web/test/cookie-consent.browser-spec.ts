import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  NARROW_PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';
import { CookiePolicyRevision } from '../../api/src/consent/policies/cookie-policy-revision.js';

const ANALYTICS = '/api/v1/analytics/events';
/** What the SPA may keep before and without consent: sign-in, CSRF and the consent choice itself. */
const ESSENTIAL_COOKIES = ['steward_consent', 'steward_csrf', 'steward_refresh'];

/**
 * The consent manager: opt-in, nothing non-essential before a choice, every choice logged,
 * "Cookie settings" on every page, a raised revision asks again, and the analytics gate.
 */
/** Reads `read` until `done` holds (or 10 s pass), for what the page does in the background. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describeInBrowser('cookie consent, in Chromium', () => {
  let harness: BrowserHarness;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;

  beforeAll(async () => {
    harness = await startBrowserHarness({ cookieConsent: 'ask' });
    ({ browser, base } = harness);
    org = await createOrganization(harness.app, ['owner', 'manager']);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const banner = (page: Page) => page.getByRole('dialog', { name: 'Cookies and tracking' });
  const preferences = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function storedOutsideEssentials(context: BrowserContext, page: Page) {
    const cookies = (await context.cookies())
      .map((cookie) => cookie.name)
      .filter((name) => !ESSENTIAL_COOKIES.includes(name));
    const storage = await page.evaluate<string[]>('[...Object.keys(localStorage), ...Object.keys(sessionStorage)]');
    return { cookies, storage };
  }

  const loggedChoices = (consentId: string) =>
    harness.app.db.query(
      'SELECT categories, revision, user_id, ip_prefix FROM cookie_consents WHERE consent_id = $1 ORDER BY recorded_at',
      [consentId],
    );
  const consentCookie = async (context: BrowserContext) => {
    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'steward_consent');
    return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : null;
  };

  it('should send no analytics before consent, and page views once analytics is accepted', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    await page.goto(`${base}/sign-in`);
    await banner(page).waitFor();
    await submitSignInForm(page, org.users.manager.email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    for (const [path, heading] of [
      ['/contacts', 'Contacts'],
      ['/clients', 'Clients'],
      ['/profile', 'Profile'],
    ]) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Still asking on every page (it opens once the cookie policy's revision has loaded).
      await banner(page).waitFor();
    }
    expect(requests.filter((request) => request.url().includes(ANALYTICS))).toEqual([]);
    expect(await storedOutsideEssentials(context, page)).toEqual({ cookies: [], storage: [] });

    const logged = page.waitForResponse((response) => response.url().endsWith('/api/v1/me/cookie-consent'));
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    expect((await logged).status()).toBe(201);
    await banner(page).waitFor({ state: 'hidden' });
    const { consentId } = await consentCookie(context);
    expect(await loggedChoices(consentId)).toEqual([
      {
        categories: ['essential', 'preference', 'analytics', 'security'],
        revision: 1,
        user_id: org.users.manager.id,
        ip_prefix: '127.0.0.0/24',
      },
    ]);

    const pageView = page.waitForRequest((request) => request.url().endsWith(ANALYTICS));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    const sent = (await pageView).postDataJSON();
    expect(sent).toEqual({ consentId, events: [{ type: 'page-view', name: '/contacts' }] });
    const names = async () => (await harness.app.db.query('SELECT name FROM usage_events')).map((row) => row.name);
    expect(await until(names, (found) => found.includes('/contacts'))).toContain('/contacts');
    await context.close();
  });

  it('should let a visitor reject everything, then sign in and work, keeping only essentials', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}/sign-in`);
    const logged = page.waitForResponse((response) => response.url().endsWith('/api/v1/consent/cookies'));
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    expect((await logged).status()).toBe(201);
    const { consentId, categories } = await consentCookie(context);
    expect(categories).toEqual(['essential']);
    expect(await loggedChoices(consentId)).toEqual([
      { categories: ['essential'], revision: 1, user_id: null, ip_prefix: '127.0.0.0/24' },
    ]);

    // An owner of their own (the test's manager works in no branch, and a manager's list
    // belongs to one; the other tests' owner keeps their own cookie choice).
    const own = await createOrganization(harness.app, ['owner']);
    await submitSignInForm(page, own.users.owner.email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${base}/contact-lists`);
    await page.getByRole('button', { name: 'New list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact list' });
    await dialog.getByLabel('Name').fill('Spring newsletter');
    await dialog.getByRole('button', { name: 'Make list' }).click();
    await page.getByRole('table', { name: 'Contact lists' }).getByText('Spring newsletter').waitFor();

    expect(await storedOutsideEssentials(context, page)).toEqual({ cookies: [], storage: [] });
    expect(requests.filter((url) => url.includes(ANALYTICS))).toEqual([]);
    await context.close();
  });

  it('should offer "Cookie settings" on every page, signed in or not, to change the choice', async () => {
    const context = await browser.newContext({ ...NARROW_PHONE });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await banner(page).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Choose' }).click();
    await preferences(page).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await preferences(page).getByRole('button', { name: 'Save my choice' }).click();
    await preferences(page).waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await preferences(page).waitFor();
    await preferences(page).getByRole('button', { name: 'Accept all' }).click();
    await preferences(page).waitFor({ state: 'hidden' });
    expect((await consentCookie(context)).categories).toContain('analytics');
    await context.close();
  });

  it('should apply a signed-in user’s choice on another device without asking', async () => {
    const laptop = await browser.newContext();
    const first = await laptop.newPage();
    await signIn(first, org.users.owner.email);
    await banner(first).getByRole('button', { name: 'Choose' }).click();
    await preferences(first).getByRole('checkbox', { name: 'Preferences' }).check({ force: true });
    const logged = first.waitForResponse((response) => response.url().endsWith('/api/v1/me/cookie-consent'));
    await preferences(first).getByRole('button', { name: 'Save my choice' }).click();
    await logged;

    const phone = await browser.newContext();
    const second = await phone.newPage();
    await signIn(second, org.users.owner.email);
    const applied = await until(
      async () => (await consentCookie(phone))?.categories,
      (categories) => Array.isArray(categories),
    );
    expect(applied).toEqual(['essential', 'preference']);
    await expect(banner(second).isVisible()).resolves.toBe(false);
    await laptop.close();
    await phone.close();
  });

  it('should ask again when the cookie policy’s revision rises', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await banner(page).waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('button', { name: 'Cookie settings' }).waitFor();
    await expect(banner(page).isVisible()).resolves.toBe(false);

    const revision = harness.app.app.get(CookiePolicyRevision);
    const published = revision.current;
    // The policies context raises it when the published policy's cookie section changes.
    revision.current = async () => 2;
    try {
      await page.reload();
      await banner(page).getByText('Our cookie policy has changed').waitFor();
      const logged = page.waitForResponse((response) => response.url().endsWith('/api/v1/consent/cookies'));
      await banner(page).getByRole('button', { name: 'Reject all' }).click();
      await logged;
      const { consentId, revision: chosenFor } = await consentCookie(context);
      expect(chosenFor).toBe(2);
      expect((await loggedChoices(consentId)).map((row) => row.revision)).toEqual([1, 2]);
    } finally {
      revision.current = published;
    }
    await context.close();
  });
});
