import type { Browser, Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  horizontalOverflow,
  NARROW_PHONE,
  PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { seedFieldDay } from './field-day.js';

/**
 * Field staff work from phones: at 390 px an agent signs in and walks the day (today's
 * visits, the job, its status, a call logged), takes a payment on their job's invoice, and
 * no main page is wider than a 360 px screen.
 */
describeInBrowser('the SPA on a phone, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let clientId: string;
  let jobId: string;
  let invoiceId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'manager', 'agent']);
    ({ clientId, jobId, invoiceId } = await seedFieldDay(app, org));
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** A fresh phone with its own cookies, collecting the page's errors. */
  async function phone(size: typeof PHONE | typeof NARROW_PHONE = PHONE): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ ...size })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    return { page, errors };
  }

  async function signIn(page: Page, email: string, name: string) {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: `Welcome back, ${name}` }).waitFor();
  }

  /** Opens the menu behind the burger and follows one of its links (each a thumb's height). */
  async function navigate(page: Page, label: string) {
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const links = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link');
    await links.first().waitFor();
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: label, exact: true })
      .click();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
  }

  it("should let an agent sign in at 390 px and walk the day's work", async () => {
    const { page, errors } = await phone();
    await page.goto(`${base}/sign-in`);
    // The menu is behind the burger: the sign-in form is free to use.
    const menu = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await menu.isVisible()).toBe(false);
    const email = page.getByLabel('Email');
    const box = await email.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.viewport.width).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await submitSignInForm(page, org.users.agent.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Test agent' }).waitFor();

    // Today's visits, on the home page; the visit opens its job.
    const visits = page.getByRole('list', { name: 'Today’s visits' });
    await visits.getByRole('link', { name: 'Replace boiler valve' }).click();
    await page.getByRole('heading', { name: 'Replace boiler valve', level: 1 }).waitFor();
    expect(await page.title()).toBe('Replace boiler valve (job #1) · Steward CRM');
    await page.getByText('Scheduled', { exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    // The status moves on with a tap of a button big enough for a thumb.
    const start = page.getByRole('button', { name: 'Start work' });
    const target = await start.boundingBox();
    expect(target?.height).toBeGreaterThanOrEqual(44);
    await start.tap();
    await page.getByText('In progress', { exact: true }).waitFor();

    // A call, logged on the client's timeline.
    await page.getByRole('link', { name: 'Riverside Plumbing' }).tap();
    await page.getByRole('heading', { name: 'Riverside Plumbing', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Log a call, email, meeting or note' });
    await form.getByLabel('Subject').fill('Valve ordered, back Thursday');
    await form.getByRole('button', { name: 'Log call' }).tap();
    await page.getByText('Call logged.').waitFor();
    await page
      .getByRole('list', { name: /timeline/i })
      .getByText('Valve ordered, back Thursday')
      .waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    // The menu opens and closes behind the burger.
    await navigate(page, 'Jobs');
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should let an agent take a payment on their job’s invoice, in a dialog that fills the screen', async () => {
    const { page, errors } = await phone();
    await signIn(page, org.users.agent.email, 'Test agent');
    // No invoices in an agent's menu: they reach the invoice through their job.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const menu = page.getByRole('navigation', { name: 'Main navigation' });
    await menu.getByRole('link', { name: 'Jobs', exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: 'Invoices', exact: true }).count()).toBe(0);
    await page.goto(`${base}/jobs/${jobId}`);
    const invoices = page.getByRole('list', { name: 'Invoices of this job' });
    await invoices.getByText('£72.00 · £72.00 to pay, due', { exact: false }).waitFor();
    await invoices.getByRole('link', { name: /^INV-/ }).tap();
    await page.getByLabel('Status: Issued').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Record payment' }).tap();
    const payment = page.getByRole('dialog', { name: /^Record a payment/ });
    await payment.waitFor();
    const sheet = await payment.boundingBox();
    expect(sheet?.width).toBe(PHONE.viewport.width);
    await payment.getByLabel('Reference').fill('Card on site');
    await payment.getByRole('button', { name: 'Record payment' }).tap();
    await payment.waitFor({ state: 'detached' });
    await page.getByLabel('Status: Paid').waitFor();
    await page.getByRole('table', { name: 'Payments' }).getByText('Card on site').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
    // Recorded by the agent, on their own job's invoice.
    const [row] = await app.db.query<{ recorded_by: string }>(
      'SELECT recorded_by FROM payments WHERE invoice_id = $1',
      [invoiceId],
    );
    expect(row.recorded_by).toBe(org.users.agent.id);
  });

  it('should keep every main page within a 360 px screen', async () => {
    const { page, errors } = await phone(NARROW_PHONE);
    await signIn(page, org.users.manager.email, 'Test manager');
    const paths = [
      '/',
      '/clients',
      `/clients/${clientId}`,
      '/contacts',
      '/contact-lists',
      '/jobs',
      `/jobs/${jobId}`,
      '/schedule',
      '/invoices',
      `/invoices/${invoiceId}`,
      '/settings/tax',
      '/profile',
      '/security',
    ];
    const overflowing: Record<string, number> = {};
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing[path] = overflow;
    }
    expect(overflowing).toEqual({});
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
