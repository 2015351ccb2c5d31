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
  type TestApp,
  type TestOrganization,
} from '#testing';

describeInBrowser('password reset in Chromium', () => {
  let mail: MailCatcher;
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    harness = await startBrowserHarness({
      env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' },
    });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner']);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });

  it('should send a link by email and let the person choose a new password', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(org.users.owner.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText('Check your email').waitFor();

    const link = linkIn(await mail.waitFor(org.users.owner.email), 'https://crm.example.test/reset-password');
    await page.goto(`${base}${link.pathname}${link.search}`);
    await page.getByRole('textbox', { name: 'New password' }).fill('password1234');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText(/most common passwords/).waitFor();

    await page.getByRole('textbox', { name: 'New password' }).fill('violet harbour lantern evening');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').getByText('Password changed').waitFor();

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await submitSignInForm(page, org.users.owner.email, 'violet harbour lantern evening');
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
  });
});
