import type { Browser, Page } from 'playwright-core';
import { type BrowserHarness, describeInBrowser, startBrowserHarness } from '#testing';

describeInBrowser('SPA shell in Chromium', () => {
  let harness: BrowserHarness;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ browser, base } = harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('should show the sign-in page with the live service status', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('status').getByText('Service online').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).textContent()).toContain(
      'API documentation',
    );
    expect(errors).toEqual([]);
  });

  it('should show a not-found page for an unknown address', async () => {
    await page.goto(`${base}/no-such-area/does-not-exist`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByText('/no-such-area/does-not-exist').count()).toBe(1);
    await page.getByRole('link', { name: 'Back to the start' }).click();
    // The start page needs a session: without one it leads to sign-in.
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
  });

  it('should reload once when a page of an older build is gone, then explain and offer a reload', async () => {
    // The home page's chunk is missing, as after an upgrade replaced the build.
    await page.route('**/assets/home-page-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Steward CRM was updated' }).waitFor();
    // One automatic reload fetched the new build; the chunk is still missing, so the person decides.
    expect(loads).toBe(2);
    expect(await page.title()).toBe('New version · Steward CRM');

    // Once the new build is there, Reload opens the page.
    await page.unroute('**/assets/home-page-*.js');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
  });

  it('should serve Swagger UI beside the SPA', async () => {
    await page.goto(`${base}/docs`);
    await page.getByText('Steward CRM API').first().waitFor();
    // Tags start folded (docExpansion 'none'): find the health tag with the filter box and open it.
    await page.locator('.operation-filter-input').fill('health');
    await page.locator('.opblock-tag[data-tag="health"]').click();
    await page.locator('.opblock-summary-path[data-path="/api/v1/health/ready"]').first().waitFor();
  });
});
