import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  linkIn,
  type MailCatcher,
  startBrowserHarness,
  startMailCatcher,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

const APP_URL = 'https://crm.example.test';
const NEW_PASSWORD = 'saffron bicycle over the harbour';

describeInBrowser('your profile, in Chromium', () => {
  let mail: MailCatcher;
  let harness: BrowserHarness;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    mail = await startMailCatcher();
    harness = await startBrowserHarness({ env: { SMTP_URL: mail.url, APP_URL } });
    ({ browser, base } = harness);
    org = await createOrganization(harness.app, ['owner']);
    page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });

  it('should save details and preferences', async () => {
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await page.getByLabel('Full name').fill('Olive Harbour');
    await page.getByLabel('Phone').fill('+44 113 496 0000');
    await page.getByLabel('Company').fill('Harbour & Pine');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Lon');
    await page.getByRole('option', { name: 'Europe/London' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Your profile is saved.').waitFor();
    // The header follows the new name without signing in again.
    await page.getByLabel('Signed in user').getByText('Olive Harbour').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await page.getByRole('link', { name: 'Sessions and two-step verification' }).waitFor();
    expect(await page.getByLabel('Phone').inputValue()).toBe('+44 113 496 0000');
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Europe/London');
  });

  it('should change the password, showing each mistake beside its field', async () => {
    const current = page.getByRole('textbox', { name: 'Current password' });
    const next = page.getByRole('textbox', { name: 'New password' });
    await current.fill('not my password at all');
    await next.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not correct').waitFor();

    await current.fill(TEST_PASSWORD);
    await next.fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/most common passwords/).waitFor();

    await next.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Password changed').waitFor();
  });

  it('should change the email once the link sent to the new address is followed', async () => {
    const newEmail = `olive.${randomUUID().slice(0, 8)}@example.test`;
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('textbox', { name: 'Your password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page.getByRole('status').getByText('Check the new inbox').waitFor();

    const link = linkIn(await mail.waitFor(newEmail), `${APP_URL}/confirm-email-change`);
    await page.goto(`${base}${link.pathname}${link.search}`);
    await page.getByRole('status').getByText('Email address changed').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await submitSignInForm(page, newEmail, NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Olive Harbour' }).waitFor();
  });
});
