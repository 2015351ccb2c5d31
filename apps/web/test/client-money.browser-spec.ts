import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  horizontalOverflow,
  type MailCatcher,
  PHONE,
  pdfText,
  startBrowserHarness,
  startMailCatcher,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

/**
 * The money and the board people expect: a client's page with its jobs, invoices and
 * balance (none of it for an agent); jobs dragged between columns by mouse and by keyboard,
 * only where the workflow allows; one column at a time on a phone; an invoice downloaded as
 * PDF, printed, and emailed to its bill-to address.
 */
describeInBrowser('client money, the jobs board and invoice documents, in Chromium', () => {
  let harness: BrowserHarness;
  let mail: MailCatcher;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let owner: string;
  let branchId: string;
  let clientId: string;
  let overdueInvoice: { id: string; displayNumber: string };

  const api = async (method: 'post' | 'get', path: string, body?: object) => {
    const response = await app.http()[method](path).set('authorization', owner).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const newJob = (title: string, assignee?: string) =>
    api('post', '/api/v1/jobs', { clientId, title, ...(assignee ? { assignedUserIds: [assignee] } : {}) });
  const issuedInvoice = async (unitPriceMinor: number, dates: { issueDate: string; dueDate: string }) => {
    const draft = await api('post', '/api/v1/invoices', {
      clientId,
      currency: 'GBP',
      lines: [{ description: 'Boiler service', quantity: 1, unitPriceMinor, taxCode: 'STD' }],
    });
    return api('post', `/api/v1/invoices/${draft.id}/issue`, { version: draft.version, ...dates });
  };

  beforeAll(async () => {
    mail = await startMailCatcher();
    harness = await startBrowserHarness({ env: { SMTP_URL: mail.url } });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'manager', 'agent']);
    owner = await bearerFor(app, org.users.owner.email);
    branchId = (await api('post', '/api/v1/branches', { name: 'Leeds' })).id;
    for (const role of ['manager', 'agent'] as const) {
      const record = await api('get', `/api/v1/users/${org.users[role].id}`);
      const changed = await app
        .http()
        .patch(`/api/v1/users/${org.users[role].id}`)
        .set('authorization', owner)
        .send({ version: record.version, role, branchIds: [branchId] });
      expect(changed.status).toBe(200);
    }
    clientId = (
      await api('post', '/api/v1/clients', {
        kind: 'company',
        name: 'Riverside Plumbing',
        email: 'accounts@riverside.example',
        branchId,
      })
    ).id;
    await api('post', '/api/v1/tax-policies', {
      name: 'UK VAT',
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard rate', basisPoints: 2000 }],
      effectiveFrom: '2020-01-01',
    });
    // £120.00 overdue, £30.00 of it paid; £60.00 not yet due.
    overdueInvoice = await issuedInvoice(10_000, { issueDate: '2026-01-05', dueDate: '2026-02-04' });
    await api('post', `/api/v1/invoices/${overdueInvoice.id}/payments`, {
      amountMinor: 3_000,
      paidOn: '2026-02-01',
      method: 'card',
    });
    const today = new Date().toISOString().slice(0, 10);
    await issuedInvoice(5_000, { issueDate: today, dueDate: '2099-12-31' });
    await newJob('Replace boiler valve', org.users.agent.id);
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });

  /** A signed-in page of its own, collecting the page's errors. */
  async function signedIn(
    role: 'owner' | 'manager' | 'agent',
    name: string,
    size: object = { viewport: { width: 1700, height: 1000 } },
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext(size)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users[role].email, TEST_PASSWORD);
    await page.getByRole('heading', { name: `Welcome back, ${name}` }).waitFor();
    return { page, errors };
  }

  const figure = (page: Page, label: string) => page.getByRole('region', { name: 'Balance' }).getByLabel(`${label}:`);

  it('should show a client’s balance, invoices and jobs, and no money to an agent', async () => {
    const { page, errors } = await signedIn('manager', 'Test manager');
    await page.goto(`${base}/clients/${clientId}`);
    await page.getByRole('heading', { name: 'Riverside Plumbing', level: 1 }).waitFor();
    const balance = page.getByRole('region', { name: 'Balance' });
    await balance.waitFor();
    // £120.00 + £60.00 issued, £30.00 paid: £150.00 outstanding, £90.00 of it overdue.
    expect(await figure(page, 'Outstanding').textContent()).toBe('£150.00');
    expect(await figure(page, 'Overdue').textContent()).toBe('£90.00');
    expect(await figure(page, 'Paid').textContent()).toBe('£30.00');
    await balance.getByText('2 open invoices').waitFor();
    await balance.getByText('1 invoice past its due date').waitFor();

    const invoices = page.getByRole('list', { name: 'Invoices of this client' });
    await invoices.getByRole('link', { name: overdueInvoice.displayNumber }).waitFor();
    expect(await invoices.getByRole('listitem').count()).toBe(2);
    await invoices.getByText('£120.00 · £90.00 to pay by').waitFor();
    await page
      .getByRole('list', { name: 'Jobs for this client' })
      .getByRole('link', { name: /Replace boiler valve/ })
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // An agent works the client's jobs but sees none of its money.
    const agent = await signedIn('agent', 'Test agent');
    await agent.page.goto(`${base}/clients/${clientId}`);
    await agent.page.getByRole('heading', { name: 'Riverside Plumbing', level: 1 }).waitFor();
    await agent.page.getByRole('list', { name: 'Jobs for this client' }).waitFor();
    await agent.page.waitForLoadState('networkidle');
    expect(await agent.page.getByRole('region', { name: 'Balance' }).count()).toBe(0);
    expect(await agent.page.getByRole('heading', { name: 'Invoices' }).count()).toBe(0);
    expect(await agent.page.getByText('£').count()).toBe(0);
    expect(agent.errors).toEqual([]);
    await agent.page.context().close();
  });

  it('should keep the client page within a 360 px phone, balance and all', async () => {
    const { page, errors } = await signedIn('manager', 'Test manager', {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${base}/clients/${clientId}`);
    await figure(page, 'Outstanding').waitFor();
    await page.getByRole('list', { name: 'Invoices of this client' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  const statusOf = async (id: string) => (await api('get', `/api/v1/jobs/${id}`)).status;
  const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
  const card = (page: Page, title: string) => page.getByRole('article', { name: new RegExp(`: ${title}$`) });

  async function drag(page: Page, from: Locator, to: Locator) {
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error('Nothing to drag, or nowhere to drop it');
    await page.mouse.move(start.x + start.width / 2, start.y + 12);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 20, start.y + 20, { steps: 4 });
    await page.mouse.move(end.x + end.width / 2, end.y + 60, { steps: 12 });
    await page.mouse.up();
  }

  it('should move jobs between columns by mouse, only as the workflow allows, and snap a refused move back', async () => {
    const gutters = await newJob('Gutter clearance');
    const survey = await newJob('Roof survey');
    const { page, errors } = await signedIn('manager', 'Test manager');
    await page.goto(`${base}/jobs`);
    await card(page, 'Gutter clearance').waitFor();

    // New → Scheduled: allowed; the card moves at once and the API agrees.
    await drag(page, card(page, 'Gutter clearance'), column(page, 'Scheduled'));
    await column(page, 'Scheduled')
      .getByRole('article', { name: /Gutter clearance/ })
      .waitFor();
    await page.getByText(/is now scheduled\./).waitFor();
    expect(await statusOf(gutters.id)).toBe('scheduled');

    // New → Completed: the workflow says no; the card stays where it was, and the reason is given.
    await drag(page, card(page, 'Roof survey'), column(page, 'Completed'));
    await page.getByText(`Job #${survey.number} cannot move from New to Completed`).waitFor();
    await page.getByText('From New a job can go to Scheduled or Cancelled. It stays where it was.').waitFor();
    await column(page, 'New')
      .getByRole('article', { name: /Roof survey/ })
      .waitFor();
    expect(
      await column(page, 'Completed')
        .getByRole('article', { name: /Roof survey/ })
        .count(),
    ).toBe(0);
    expect(await statusOf(survey.id)).toBe('new');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should move a job with the keyboard alone, announcing each step', async () => {
    const fence = await newJob('Fence repair');
    const { page, errors } = await signedIn('manager', 'Test manager');
    await page.goto(`${base}/jobs`);
    const handle = page.getByRole('button', { name: `Drag job #${fence.number} to another status` });
    await handle.focus();
    await page.keyboard.press('Space');
    // Picked up (the handle says so), and announced as over its own column.
    await page.locator(`[aria-label="Drag job #${fence.number} to another status"][aria-pressed="true"]`).waitFor();
    await page.getByText(`Job #${fence.number} is over New.`).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText(`Job #${fence.number} is over Scheduled.`).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await column(page, 'Scheduled')
      .getByRole('article', { name: /Fence repair/ })
      .waitFor();
    await page.getByText(/is now scheduled\./).waitFor();
    expect(await statusOf(fence.id)).toBe('scheduled');

    // Two columns on (Scheduled → Completed) is not a step the workflow allows: refused.
    const moved = page.getByRole('button', { name: `Drag job #${fence.number} to another status` });
    await moved.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Job #${fence.number} is over Scheduled.`).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText(`Job #${fence.number} is over In progress.`).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.getByText(`Job #${fence.number} is over Completed, where it cannot go.`).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByText(`Job #${fence.number} cannot move from Scheduled to Completed`).waitFor();
    expect(await statusOf(fence.id)).toBe('scheduled');
    await column(page, 'Scheduled')
      .getByRole('article', { name: /Fence repair/ })
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should show one column at a time on a phone, with a status picker', async () => {
    await newJob('Drain unblock');
    const { page, errors } = await signedIn('manager', 'Test manager', PHONE);
    await page.goto(`${base}/jobs`);
    const picker = page.getByLabel('Status', { exact: true });
    await picker.waitFor();
    await column(page, 'New')
      .getByRole('article', { name: /Drain unblock/ })
      .waitFor();
    // One column only: the others are not on the page, so nothing scrolls sideways.
    expect(await page.getByRole('region', { name: 'Scheduled', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Drag job/ }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    const options = await picker.locator('option').allTextContents();
    expect(options.map((option) => option.replace(/ \(\d+\)$/, ''))).toEqual([
      'New',
      'Scheduled',
      'In progress',
      'Completed',
      'Invoiced',
      'Cancelled',
    ]);
    await picker.selectOption('scheduled');
    await column(page, 'Scheduled')
      .getByRole('article', { name: /Gutter clearance/ })
      .waitFor();
    expect(await page.getByRole('region', { name: 'New', exact: true }).count()).toBe(0);
    const box = await column(page, 'Scheduled').boundingBox();
    expect(box && box.width > 300 && box.x + box.width <= PHONE.viewport.width).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should download the invoice as a PDF and print the invoice alone', async () => {
    const { page, errors } = await signedIn('manager', 'Test manager');
    await page.goto(`${base}/invoices/${overdueInvoice.id}`);
    await page.getByRole('heading', { name: `Invoice ${overdueInvoice.displayNumber}`, level: 1 }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${overdueInvoice.displayNumber}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(overdueInvoice.displayNumber);
    expect(pdfText(pdf)).toContain('Riverside Plumbing');

    // Print opens the browser's print dialog; on paper only the invoice shows.
    await page.evaluate(() => {
      const scope = globalThis as unknown as { printed: number; print: () => void };
      scope.printed = 0;
      scope.print = () => {
        scope.printed++;
      };
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Record payment' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: `Invoice ${overdueInvoice.displayNumber}` }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Invoice lines' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should email the invoice to the bill-to address with its PDF, and show where it went', async () => {
    const { page, errors } = await signedIn('manager', 'Test manager');
    await page.goto(`${base}/invoices/${overdueInvoice.id}`);
    await page.getByRole('button', { name: 'Send by email' }).click();
    const dialog = page.getByRole('dialog', { name: `Email ${overdueInvoice.displayNumber}?` });
    await dialog.getByText('The invoice goes to accounts@riverside.example with its PDF attached.').waitFor();
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await page.getByText(`${overdueInvoice.displayNumber} was emailed to accounts@riverside.example.`).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Emailed to accounts@riverside\.example on / })
      .waitFor();

    const message = await mail.waitForAbout('accounts@riverside.example', overdueInvoice.displayNumber);
    expect(message.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      [`${overdueInvoice.displayNumber}.pdf`, 'application/pdf'],
    ]);
    expect(pdfText(message.attachments[0].content)).toContain(overdueInvoice.displayNumber);

    // After a reload too: the invoice says when it was emailed, and to which address.
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: /^Emailed to accounts@riverside\.example on / })
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
