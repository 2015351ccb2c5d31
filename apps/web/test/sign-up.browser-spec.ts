import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import {
  type BrowserHarness,
  describeInBrowser,
  linkIn,
  type MailCatcher,
  startBrowserHarness,
  startMailCatcher,
  submitSignInForm,
  type TestApp,
} from '#testing';

const PASSWORD = 'copper kettle under the willow';
const APP_URL = 'https://crm.example.test';

/** A calendar date `years` ago, as a date input holds it. */
const yearsAgo = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
};

describeInBrowser('signing up, in Chromium', () => {
  let mail: MailCatcher;
  let harness: BrowserHarness;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    harness = await startBrowserHarness({ env: { SMTP_URL: mail.url, APP_URL } });
    ({ app, browser, base } = harness);
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
  });
  afterEach(() => page.context().close());

  /** The `count`-th mail to `to`, waiting for it to arrive. */
  async function mailNumber(to: string, count: number, timeoutMs = 10_000): Promise<ParsedMail> {
    await mail.waitFor(to, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = mail.messages.filter((message) => JSON.stringify(message.to).includes(to));
      if (received.length >= count) return received[count - 1];
      if (Date.now() > deadline) throw new Error(`Only ${received.length} mails to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function fillSignUpForm(email: string, dateOfBirth: string) {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your organization' }).waitFor();
    await page.getByLabel('Organization name').fill('Riverside Plumbing');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByLabel('Date of birth').fill(dateOfBirth);
    await page.getByRole('button', { name: 'Create account' }).click();
  }

  const open = (link: URL) => page.goto(`${base}${link.pathname}${link.search}`);

  it('should sign up, confirm the address from the emailed link and sign in', async () => {
    const email = `ada.${randomUUID().slice(0, 8)}@example.test`;
    await fillSignUpForm(email, '1990-04-23');
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await page.getByRole('status').getByText(`We sent a link to ${email}`, { exact: false }).waitFor();
    const first = linkIn(await mail.waitFor(email), `${APP_URL}/verify-email`);

    // Not confirmed yet: signing in says so and offers a new link, which retires the first.
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await submitSignInForm(page, email, PASSWORD);
    await page.getByRole('alert').getByText('Confirm your email address first').waitFor();
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await page.getByRole('status').getByText(`A new link is on its way to ${email}`, { exact: false }).waitFor();
    const latest = linkIn(await mailNumber(email, 2), `${APP_URL}/verify-email`);
    expect(latest.search).not.toBe(first.search);

    await open(first);
    await page.getByRole('alert').getByText('This link did not work').waitFor();
    await page
      .getByRole('alert')
      .getByText(/expired or was already used/)
      .waitFor();
    await page.getByRole('button', { name: 'Send a new link' }).waitFor();

    await open(latest);
    const confirmed = page.getByRole('status').filter({ hasText: 'Email address confirmed' });
    await confirmed.waitFor();
    await confirmed.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await submitSignInForm(page, email, PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Ada Lovelace' }).waitFor();
    expect(await page.getByText('Owner', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('should refuse someone under 18 and keep nothing of what they entered', async () => {
    const count = async () =>
      (
        await app.db.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM organizations)::int + (SELECT count(*) FROM users)::int AS n',
        )
      )[0].n;
    const before = await count();
    const email = `young.${randomUUID().slice(0, 8)}@example.test`;

    await fillSignUpForm(email, yearsAgo(15));
    const refusal = page.getByRole('alert').filter({ hasText: 'You are below the minimum age for an account' });
    await refusal.getByText('Nothing you entered has been kept.', { exact: false }).waitFor();
    // The form and what was typed into it are gone too.
    expect(await page.getByLabel('Email').count()).toBe(0);

    expect(await count()).toBe(before);
    expect(mail.messages.some((message) => JSON.stringify(message.to).includes(email))).toBe(false);
  });
});
