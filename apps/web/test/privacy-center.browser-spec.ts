import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PersonalDataRegistry } from '#personal-data';
import {
  axeViolations,
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

describeInBrowser('the privacy center, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // The export is built by the app's own worker, as in production.
    harness = await startBrowserHarness({ env: { JOBS_WORKER: 'true', JOBS_POLL_INTERVAL_MS: '500' } });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'viewer']);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(async () => {
    await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  it('should let anyone prepare a copy of their data, follow it to ready and download the ZIP', async () => {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.viewer.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test viewer' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Privacy center' })
      .click();
    await page.getByRole('heading', { name: 'Privacy center' }).waitFor();
    // The consent manager may already have logged this browser's choice under the account.
    await page
      .getByText(
        /^(Cookies you allowed: essential \(chosen .+\)\.|You have not made a cookie choice while signed in\.)$/,
      )
      .waitFor();
    expect(await page.getByRole('link', { name: 'Your privacy requests' }).getAttribute('href')).toBe(
      '/privacy-center/requests',
    );

    await page.getByRole('button', { name: 'Prepare my data' }).click();
    const status = page.getByLabel('Export status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Waiting to start|Being prepared|Ready to download/);
    await status.filter({ hasText: 'Ready to download' }).waitFor({ timeout: 30_000 });
    await page.getByText(/available until/).waitFor();
    expect(await page.getByRole('button', { name: 'Prepare a new copy' }).isEnabled()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download ZIP' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^data-export-[0-9a-f-]{36}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    const expected = app.app
      .get(PersonalDataRegistry)
      .forSubject({ kind: 'user', id: org.users.viewer.id, organizationId: org.organizationId })
      .map((provider) => provider.category);
    expect(manifest.subject).toEqual({ kind: 'user', id: org.users.viewer.id });
    expect(manifest.categories.map((entry: { category: string }) => entry.category)).toEqual(expected);
    const account = JSON.parse(strFromU8(files['identity.account.json']));
    expect(account[0].email).toBe(org.users.viewer.email);

    // The ready state, loaded afresh (no button mid-transition): nothing serious for axe.
    await page.reload();
    await page.getByText(/available until/).waitFor();
    await page.waitForLoadState('networkidle');
    expect((await axeViolations(page)).map((violation) => `${violation.id} ${violation.targets.join(' ')}`)).toEqual(
      [],
    );
  }, 90_000);
});
