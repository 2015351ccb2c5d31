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

    // Every scope the owner's role may grant, grouped; never administering keys or people.
    // count() does not wait: the page must have rendered its scopes first.
    await page.getByLabel('Read, export and verify the audit trail (audit:read)').waitFor();
    const money = page.getByRole('group', { name: 'Money' });
    expect(await money.getByRole('checkbox').count()).toBe(4);
    expect(await page.getByRole('checkbox', { name: /api-keys:manage|users:write/ }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Name' }).fill('Warehouse sync');
    await page.getByLabel('Read organization settings (organization:read)').check();
    const expiresOn = new Date(Date.now() + 30 * 86_400_000);
    const day = `${expiresOn.getFullYear()}-${String(expiresOn.getMonth() + 1).padStart(2, '0')}-${String(expiresOn.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Expires on').fill(day);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('New API key').textContent())?.trim() as string;
    expect(secret).toMatch(/^stw_[0-9a-f]{10}_/);

    // An integration calls the API with it, from outside the browser.
    const call = () => fetch(`${harness.base}/api/v1/organization`, { headers: { 'x-api-key': secret } });
    const response = await call();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(org.organizationId);

    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Warehouse sync/ });
    // It stops working at the end of the chosen day, local time.
    const end = new Date(`${day}T00:00:00`);
    end.setDate(end.getDate() + 1);
    // Written as the SPA writes instants (src/i18n/format.ts), in the browser's US English.
    await row
      .getByText(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(end))
      .waitFor();

    // Revoking asks first.
    await row.getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Warehouse sync?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await call()).status).toBe(200);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('Revoked').waitFor();
    expect((await call()).status).toBe(401);

    await page.reload();
    await page.getByRole('table', { name: 'API keys' }).getByText('Warehouse sync').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
  });
});
