import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

describeInBrowser('signing in, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'manager']);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function fillSignIn(email: string, password: string, keep: boolean) {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await submitSignInForm(page, email, password, keep);
  }

  it('should sign in, stay signed in across a reload, and sign out', async () => {
    await fillSignIn(org.users.manager.email, TEST_PASSWORD, true);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    expect(await page.getByText('Manager', { exact: true }).count()).toBeGreaterThan(0);

    const refreshCookie = (await context.cookies()).find((cookie) => cookie.name === 'steward_refresh');
    expect(refreshCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(refreshCookie?.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
    expect(await page.evaluate('document.cookie')).not.toContain('steward_refresh');

    await page.reload();
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
  });

  it('should keep the session when a refresh is refused for rate, and retry when told', async () => {
    await fillSignIn(org.users.manager.email, TEST_PASSWORD, true);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();

    // The API's own 429 comes after a minute of traffic from one address; the first refresh
    // after the reload is answered as the rate limiter answers (problem+json, Retry-After),
    // every later one reaches the real API.
    const refreshes: number[] = [];
    await page.route('**/api/v1/auth/refresh', async (route) => {
      refreshes.push(refreshes.length + 1);
      if (refreshes.length > 1) return route.continue();
      await route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
        body: JSON.stringify({
          type: 'https://steward-crm.dev/problems/rate-limited',
          title: 'Too many requests',
          status: 429,
          code: 'rate-limited',
          detail: 'Too many requests from this session; try again in 1 second.',
          retryAfterSeconds: 1,
        }),
      });
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    expect(new URL(page.url()).pathname).not.toBe('/sign-in');
  });

  it('should keep a browser-session cookie without "keep me signed in"', async () => {
    await fillSignIn(org.users.owner.email, TEST_PASSWORD, false);
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
    const refreshCookie = (await context.cookies()).find((cookie) => cookie.name === 'steward_refresh');
    expect(refreshCookie?.expires).toBe(-1);
  });

  it('should say plainly when the password is wrong', async () => {
    await fillSignIn(org.users.owner.email, 'definitely not it at all', false);
    await page.getByRole('alert').getByText('Check your email and password and try again.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
