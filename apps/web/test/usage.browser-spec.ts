import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  createOrganization,
  DAY_MS,
  describeInBrowser,
  horizontalOverflow,
  NARROW_PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeInBrowser('the usage dashboard, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness({ env: { JOBS_WORKER: 'false' } });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'agent']);
    // Three counted days up to yesterday, as the nightly rollup writes them.
    const cells: Array<[number, string, string, string, number, number]> = [];
    for (const ago of [1, 2, 3]) {
      cells.push(
        [ago, '*', '*', 'Firefox', 10 + ago, 2],
        [ago, 'page-view', '*', 'Firefox', 8 + ago, 2],
        [ago, 'feature', '*', 'Firefox', 2, 1],
        [ago, 'page-view', '/contacts', 'Firefox', 6 + ago, 2],
        [ago, 'page-view', '/jobs/:id', 'Firefox', 2, 1],
        [ago, 'feature', 'contacts.export', 'Firefox', 2, 1],
      );
    }
    for (const [ago, type, name, browserFamily, events, sessions] of cells) {
      await app.db.query(
        `INSERT INTO usage_daily (organization_id, day, type, name, browser, events, sessions)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [org.organizationId, isoDay(Date.now() - ago * DAY_MS), type, name, browserFamily, events, sessions],
      );
    }
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function open(email: string, options: object = {}) {
    context = await browser.newContext(options);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
  }

  it('should chart the counted usage with the top pages and features, with no serious accessibility violation', async () => {
    await open(org.users.owner.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Usage' }).click();
    await page.mouse.move(600, 5); // off the link: its hover colour is not what people read
    await page.getByRole('heading', { name: 'Usage', level: 1 }).waitFor();
    expect(await page.title()).toBe('Usage · Steward CRM');
    await page.getByRole('heading', { name: 'Pages visited and features used' }).waitFor();
    // 9+10+11 page views, 2+2+2 features, 2+2+2 visits over the three days.
    await page.getByText('30 page views and 6 uses of features in this period.').waitFor();
    await page.getByText(/^6 visits in this period/).waitFor();

    const pages = page.getByRole('table', { name: 'Top pages' });
    await pages.getByRole('row', { name: '/contacts 24 6' }).waitFor();
    await pages.getByRole('row', { name: '/jobs/:id 6 3' }).waitFor();
    const features = page.getByRole('table', { name: 'Top features' });
    await features.getByRole('row', { name: 'contacts.export 6 3' }).waitFor();
    await page.getByRole('table', { name: 'Browsers' }).getByRole('row', { name: 'Firefox 6' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A period with nothing counted: the empty state, not empty charts.
    await page.getByRole('textbox', { name: 'From' }).fill('2020-01-01');
    await page.getByRole('textbox', { name: 'To' }).fill('2020-01-31');
    await page.getByText('No usage counted in this period').waitFor();
    expect(await page.getByRole('heading', { name: 'Pages visited and features used' }).count()).toBe(0);
    // A range the API would refuse is not asked for.
    await page.getByRole('textbox', { name: 'From' }).fill('2020-02-01');
    await page.getByRole('alert').getByText('The last day must be on or after the first.').waitFor();
    await page.getByRole('radiogroup', { name: 'Period' }).getByText('7 days', { exact: true }).click();
    await page.getByText('30 page views and 6 uses of features in this period.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('should fit a phone screen', async () => {
    await open(org.users.owner.email, NARROW_PHONE);
    await page.goto(`${base}/admin/usage`);
    await page.getByRole('table', { name: 'Top pages' }).getByRole('row', { name: '/contacts 24 6' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('should not offer the dashboard to people without analytics:read', async () => {
    await open(org.users.agent.email);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Usage' }).count()).toBe(0);
  });
});
