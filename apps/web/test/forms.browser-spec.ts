import type { Browser, Page } from 'playwright-core';
import {
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';
import { type FieldDay, seedFieldDay } from './field-day.js';

const focusedLabel = (page: Page) =>
  page.evaluate<string | null>(
    "document.activeElement?.labels?.[0]?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? null",
  );

/** Is the element with the focus within the screen, top to bottom? */
const focusedInView = (page: Page) =>
  page.evaluate<boolean>(
    '(() => { const box = document.activeElement.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; })()',
  );

/**
 * Forms built on @mantine/form: a refused submit focuses the first field in error and
 * scrolls it into view; errors read as sentences, once per field, the server's included
 * (problem+json `errors[]` mapped onto the fields).
 */
describeInBrowser('forms, in Chromium', () => {
  let harness: BrowserHarness;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let day: FieldDay;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ browser, base } = harness);
    org = await createOrganization(harness.app, ['owner', 'manager', 'agent']);
    day = await seedFieldDay(harness.app, org);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('should focus the first field in error on sign-in and say the server’s objection once, as a sentence', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email address, such as name@example.com.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Email/);

    // Looks like an address to the browser, not to the server: its field error lands on the field.
    await page.getByLabel('Email').fill('jo..smith@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('whatever it is');
    await page.getByRole('textbox', { name: 'Password' }).focus();
    await page.getByRole('button', { name: 'Sign in' }).click();
    const objection = page.getByText('Email must be an email address.', { exact: true });
    await objection.waitFor();
    expect(await objection.count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Email/);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.context().close();
  });

  it('should focus and scroll to the first missing field of the job form on a phone', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.manager.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    await page.goto(`${base}/jobs`);
    await page.getByRole('button', { name: 'New job' }).click();
    const form = page.getByRole('dialog', { name: 'New job' });
    await form.getByRole('button', { name: 'Open job' }).tap();
    await form.getByText('Choose the client the work is for.').waitFor();
    expect(await form.getByText('Choose the client the work is for.').count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Client/);

    await form.getByRole('combobox', { name: 'Client' }).tap();
    await form.getByRole('combobox', { name: 'Client' }).fill('river');
    await page.getByRole('option', { name: 'Riverside Plumbing' }).click();
    // Down at the bottom of the dialog, the button; the missing title is up at the top.
    await form.getByLabel('Description').fill('Pressure drops overnight.\n\n\n\n\n\n\n\nCall before.');
    await form.getByRole('button', { name: 'Open job' }).tap();
    await form.getByText(/Say what the job is/).waitFor();
    expect(await focusedLabel(page)).toMatch(/^Title/);
    expect(await focusedInView(page)).toBe(true);
    await form.getByLabel('Title').fill('Check pressure');
    await form.getByRole('button', { name: 'Open job' }).tap();
    await page.getByRole('heading', { name: 'Check pressure', level: 1 }).waitFor();
    await page.context().close();
  });

  it('should check a new client before sending it and place the server’s objections on their fields', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.manager.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    await page.goto(`${base}/clients`);
    await page.getByRole('button', { name: 'New client' }).click();
    const form = page.getByRole('form', { name: 'New client' });
    await form.getByRole('button', { name: 'Create client' }).click();
    await form.getByText('Give the client a name.').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Name/);

    await form.getByRole('textbox', { name: /^Name/ }).fill('Harbour Café');
    await form.getByLabel('Email').fill('accounts at harbour');
    await form.getByLabel('Notes').focus();
    await form.getByRole('button', { name: 'Create client' }).click();
    const objection = form.getByText('Email must be an email address.', { exact: true });
    await objection.waitFor();
    expect(await objection.count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Email/);

    await form.getByLabel('Email').fill('accounts@harbour.example');
    await form.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { name: 'Harbour Café', level: 1 }).waitFor();
    await page.context().close();
  });

  it('should refuse a payment of nothing, on the amount field', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.manager.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
    await page.goto(`${base}/invoices/${day.invoiceId}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    const payment = page.getByRole('dialog', { name: /^Record a payment/ });
    await payment.getByLabel('Reference').focus();
    await payment.getByLabel('Amount (GBP)').fill('0');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await payment.getByText('The amount must be above 0.').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Amount/);
    await payment.getByLabel('Amount (GBP)').fill('1000');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await payment.getByText('At most the balance, £72.00.').waitFor();
    await page.context().close();
  });

  const signedIn = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
    return page;
  };

  it('should check sign-up before sending it and put the server’s password objection on the password field', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${base}/sign-up`);
    const form = page.getByRole('form', { name: 'Create your organization' });
    await form.getByRole('button', { name: 'Create account' }).tap();
    await form.getByText('Name your organization, such as your company’s name.').waitFor();
    expect(await form.getByText('Give your date of birth, or tick the box below instead.').count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Organization name/);

    await form.getByLabel('Organization name').fill('Harbour Lights');
    await form.getByLabel('Full name').fill('Grace Hopper');
    await form.getByLabel('Email').fill(`grace.${Date.now()}@example.test`);
    // Long enough for the browser's rule, among the commonest for the server's.
    await form.getByRole('textbox', { name: 'Password' }).fill('password1234');
    await form.getByLabel('I am at least 18 years old').check();
    await form.getByLabel('Full name').focus();
    await form.getByRole('button', { name: 'Create account' }).tap();
    const objection = form.getByText(/^Password is one of the most common passwords/);
    await objection.waitFor();
    expect(await objection.count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Password/);
    expect(await focusedInView(page)).toBe(true);
    await page.context().close();
  });

  it('should place the server’s objection to an invitation on the branches field and focus it', async () => {
    const page = await signedIn(org.users.owner.email);
    await page.goto(`${base}/admin/users`);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.getByText('Enter their email address, such as name@example.com.').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Email/);

    await form.getByLabel('Email').fill(`sam.${Date.now()}@example.test`);
    await form.getByLabel('Full name').fill('Sam Carter');
    await form.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Agent', exact: true }).click();
    await form.getByLabel('Job title').focus();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    // An agent works in a branch: the API says so, and the form puts it on the field.
    const objection = form.getByText(/works in at least one branch/);
    await objection.waitFor();
    expect(await objection.count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Branches/);
    await page.context().close();
  });

  it('should put the server’s refusal of an assignee from another branch on the assignee field', async () => {
    const owner = await bearerFor(harness.app, org.users.owner.email);
    const york = await harness.app
      .http()
      .post('/api/v1/branches')
      .set('authorization', owner)
      .send({ name: 'York' })
      .expect(201);
    expect(york.body.id).toBeTruthy();
    const page = await signedIn(org.users.owner.email);
    await page.goto(`${base}/schedule`);
    await page.getByRole('button', { name: 'New appointment' }).click();
    const form = page.getByRole('form', { name: 'New appointment' });
    await form.getByRole('button', { name: 'Book' }).click();
    await form.getByText('Give the entry a title.').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Title/);

    await form.getByLabel('Title').fill('Stock take');
    await form.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Test agent' }).click();
    await form.getByRole('combobox', { name: 'Branch' }).click();
    await page.getByRole('option', { name: 'York' }).click();
    await form.getByLabel('Notes').focus();
    await form.getByRole('button', { name: 'Book' }).click();
    const objection = form.getByText(/^Test agent does not work in this record's branch/);
    await objection.waitFor();
    expect(await objection.count()).toBe(1);
    expect(await focusedLabel(page)).toMatch(/^Assignee/);
    await page.context().close();
  });
});
