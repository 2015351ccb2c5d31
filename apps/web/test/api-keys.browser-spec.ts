import type { Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

describeInBrowser('API keys in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    org = await createOrganization(harness.app, ['owner']);
    page = await harness.browser.newPage();
  });
  afterAll(() => harness?.close());

  it('should create a key, show it once, let an integration use it, and revoke it', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'API keys' }).click();

    await page.getByRole('textbox', { name: 'Name' }).fill('Warehouse sync');
    await page.getByLabel('Read organization settings (organization:read)').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('New API key').textContent())?.trim() as string;
    expect(secret).toMatch(/^stw_[0-9a-f]{10}_/);

    // An integration calls the API with it, from outside the browser.
    const call = () => fetch(`${harness.base}/api/v1/organization`, { headers: { 'x-api-key': secret } });
    const response = await call();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(org.organizationId);

    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Warehouse sync/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    expect((await call()).status).toBe(401);

    await page.reload();
    await page.getByRole('table', { name: 'API keys' }).getByText('Warehouse sync').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
  });
});
