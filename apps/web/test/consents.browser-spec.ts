import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  horizontalOverflow,
  NARROW_PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

describeInBrowser('the consent panel and the consents page, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let contactId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner']);
    const owner = await bearerFor(app, org.users.owner.email);
    const branch = (
      await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)
    ).body.id;
    contactId = (
      await app
        .http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ fullName: 'Connie Consent', email: 'connie@example.test', branchId: branch })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function open(options: object = {}) {
    context = await browser.newContext(options);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
  }

  async function choose(label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('should grant and withdraw marketing email on the contact page, with both in the history', async () => {
    await open();
    await page.goto(`${base}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Connie Consent' }).waitFor();
    await page.getByRole('tab', { name: 'Consents' }).click();
    const states = page.getByRole('table', { name: 'Consent by purpose' });
    const emailRow = states.getByRole('row', { name: /Marketing email/ });
    await emailRow.getByText('Not asked').waitFor();

    await choose('Purpose', 'Marketing email');
    await choose('What they said', 'Granted');
    await choose('Lawful basis', 'Consent');
    await choose('Source', 'Phone call');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await emailRow.getByText('Granted').waitFor();

    await choose('What they said', 'Withdrawn');
    await page.getByRole('combobox', { name: 'Lawful basis' }).waitFor({ state: 'detached' });
    await choose('Source', 'Email');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await emailRow.getByText('Withdrawn').waitFor();

    const history = page.getByRole('list', { name: 'Consent history' }).getByRole('listitem');
    await history.nth(1).waitFor();
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('Marketing email: withdrawn');
    expect(await history.nth(1).textContent()).toContain(
      'Marketing email: granted (Consent) · Phone call · wording v1',
    );

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download receipt (JSON)' }).click();
    expect((await download).suggestedFilename()).toBe(`consent-receipt-${contactId}.json`);
  });

  it('should show the rates chart and the purposes, and fit a 360 px phone', async () => {
    await open(NARROW_PHONE);
    await page.goto(`${base}/admin/consents`);
    await page.getByRole('heading', { name: 'Consent rates by purpose' }).waitFor();
    await page
      .getByRole('list', { name: 'Current consent rates' })
      .getByText(/Marketing email/)
      .waitFor();
    const rows = page.getByRole('table', { name: 'Consent purposes' }).getByRole('row');
    await rows.nth(4).waitFor();
    expect(await rows.count()).toBe(5);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${base}/contacts/${contactId}`);
    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByRole('table', { name: 'Consent by purpose' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
