import type { Browser, Locator, Page } from 'playwright-core';
import {
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

const pad = (value: number) => String(value).padStart(2, '0');
/** A local calendar day `days` from today, as a datetime-local input wants it. */
function localDay(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
const at = (day: string, time: string) => new Date(`${day}T${time}:00`).toISOString();

/** Exclusive pricing: tax per line is net × rate, rounded half-up to the penny, as the API does. */
const taxOf = (netPence: number, basisPoints: number) => Math.floor((netPence * basisPoints + 5000) / 10_000);
const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

describeInBrowser('jobs, schedule and invoices, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let owner: string;
  let branchId: string;
  let clientId: string;
  let manager: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'manager']);
    owner = await bearerFor(app, org.users.owner.email);
    const branch = await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' });
    expect(branch.status).toBe(201);
    branchId = branch.body.id;
    const managerRecord = await app.http().get(`/api/v1/users/${org.users.manager.id}`).set('authorization', owner);
    const access = await app
      .http()
      .patch(`/api/v1/users/${org.users.manager.id}`)
      .set('authorization', owner)
      .send({ version: managerRecord.body.version, role: 'manager', branchIds: [branch.body.id] });
    expect(access.status).toBe(200);
    const client = await app.http().post('/api/v1/clients').set('authorization', owner).send({
      kind: 'company',
      name: 'Riverside Plumbing',
      email: 'accounts@riverside.example',
      branchId: branch.body.id,
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
    const policy = await app
      .http()
      .post('/api/v1/tax-policies')
      .set('authorization', owner)
      .send({
        name: 'UK VAT',
        pricing: 'exclusive',
        rates: [
          { code: 'STD', name: 'Standard rate', basisPoints: 2000 },
          { code: 'RED', name: 'Reduced rate', basisPoints: 500 },
        ],
        effectiveFrom: '2020-01-01',
      });
    expect(policy.status).toBe(201);

    manager = await (await browser.newContext()).newPage();
    errors = [];
    manager.on('pageerror', (error) => errors.push(error.message));
    manager.on('console', (message) => {
      // A refused booking is part of the story here; the browser logs every 4xx response it gets.
      if (message.type() === 'error' && !message.text().includes('status of 409')) errors.push(message.text());
    });
    await manager.goto(`${base}/sign-in`);
    await submitSignInForm(manager, org.users.manager.email, TEST_PASSWORD);
    await manager.getByRole('heading', { name: 'Welcome back, Test manager' }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const nav = (name: string) =>
    manager.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true });

  /** Picks an option of a Mantine select (its list opens in a portal, outside any dialog). */
  async function choose(scope: Locator | Page, field: string, option: string | RegExp) {
    await scope.getByRole('combobox', { name: field }).click();
    await manager.getByRole('option', { name: option }).click();
  }

  /** The calendar on a given day: day view, stepping forward from today. */
  async function calendarOn(daysAhead: number) {
    await nav('Schedule').click();
    await manager.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await manager.getByText('Day', { exact: true }).click();
    await manager.getByRole('button', { name: 'Today' }).click();
    for (let step = 0; step < daysAhead; step += 1) await manager.getByRole('button', { name: 'Next day' }).click();
    return manager.getByRole('region', { name: 'Calendar' });
  }

  it('should take a job from booking to a paid invoice', async () => {
    // A job for an existing client.
    await nav('Jobs').click();
    await manager.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await manager.getByRole('button', { name: 'New job' }).click();
    const form = manager.getByRole('dialog', { name: 'New job' });
    await form.getByRole('combobox', { name: 'Client' }).fill('river');
    await manager.getByRole('option', { name: 'Riverside Plumbing' }).click();
    await form.getByLabel('Title').fill('Replace boiler valve');
    await form.getByLabel('Street').fill('12 Canal Wharf');
    await choose(form, 'Priority', 'High');
    await choose(form, 'Assignees', 'Test manager (you)');
    await form.getByRole('heading', { name: 'New job' }).click();
    await form.getByRole('button', { name: 'Open job' }).click();
    await manager.getByRole('heading', { name: 'Replace boiler valve', level: 1 }).waitFor();
    const jobUrl = manager.url();
    await manager.getByText('New', { exact: true }).waitFor();

    // A visit from the job page: booking the first one schedules the job.
    const tomorrow = localDay(1);
    await manager.getByRole('button', { name: 'Schedule a visit' }).click();
    const visit = manager.getByRole('dialog', { name: 'Schedule a visit' });
    expect(await visit.getByLabel('Starts').inputValue()).toBe(`${tomorrow}T09:00`);
    await visit.getByRole('button', { name: 'Book' }).click();
    await visit.waitFor({ state: 'detached' });
    await manager
      .getByRole('list', { name: 'Visits' })
      .getByText(/Replace boiler valve · Test manager/)
      .waitFor();
    await manager.getByText('Scheduled', { exact: true }).waitFor();

    // It shows in the calendar, and the board has the job among the scheduled ones.
    const calendar = await calendarOn(1);
    await calendar.getByRole('button', { name: /^Replace boiler valve, .*Job visit, Riverside Plumbing/ }).waitFor();
    await nav('Jobs').click();
    const scheduled = manager.getByRole('region', { name: 'Scheduled' });
    await scheduled.getByRole('article', { name: /Replace boiler valve/ }).waitFor();

    // Through the workflow; the card offers only the legal next steps.
    await manager.getByRole('button', { name: /^Move job #\d+$/ }).click();
    const moves = await manager.getByRole('menuitem').allTextContents();
    expect(moves).toEqual(['Start work', 'Cancel job']);
    await manager.keyboard.press('Escape');
    await scheduled.getByRole('link', { name: 'Replace boiler valve' }).click();
    await manager.getByRole('button', { name: 'Start work' }).click();
    await manager.getByText('In progress', { exact: true }).waitFor();
    await manager.getByRole('button', { name: 'Mark as completed' }).click();
    await manager.getByText('Completed', { exact: true }).first().waitFor();

    // The invoice, with totals priced live by the API as lines are added.
    await manager.getByRole('link', { name: 'Create invoice' }).click();
    await manager.getByRole('heading', { name: 'New invoice' }).waitFor();
    await manager.getByText('Prices exclude tax').first().waitFor();
    const totals = manager.getByRole('table', { name: 'Totals' });
    const totalRow = totals.getByRole('row', { name: /^Total/ });
    await manager.getByLabel('Description of line 1').fill('Labour');
    await manager.getByLabel('Quantity of line 1').fill('2');
    await manager.getByLabel('Unit price of line 1').fill('45.00');
    const labourNet = 2 * 4500;
    const labourTax = taxOf(labourNet, 2000);
    await totalRow.getByText(pounds(labourNet + labourTax)).waitFor();

    await manager.getByRole('button', { name: 'Add line' }).click();
    await manager.getByLabel('Description of line 2').fill('Pressure valve');
    await manager.getByLabel('Unit price of line 2').fill('12.50');
    await choose(manager, 'Tax rate of line 2', 'Reduced rate (5%)');
    const valveNet = 1250;
    const valveTax = taxOf(valveNet, 500); // 62.5p rounds half-up to 63p
    const total = labourNet + labourTax + valveNet + valveTax;
    await totalRow.getByText(pounds(total)).waitFor();
    await totals
      .getByRole('row', { name: /Reduced rate 5%/ })
      .getByText(pounds(valveTax))
      .waitFor();
    await totals
      .getByRole('row', { name: /^Net/ })
      .getByText(pounds(labourNet + valveNet))
      .waitFor();
    expect(pounds(total)).toBe('£121.13');

    await manager.getByRole('button', { name: 'Issue invoice' }).click();
    const issue = manager.getByRole('dialog', { name: 'Issue this invoice?' });
    await issue.getByText('£121.13', { exact: false }).waitFor();
    await issue.getByRole('button', { name: 'Issue invoice' }).click();
    await manager.getByRole('heading', { name: /^Invoice INV-\d{5}$/ }).waitFor();
    await manager.getByLabel('Status: Issued').waitFor();

    // Paid in two instalments.
    await manager.getByRole('button', { name: 'Record payment' }).click();
    let payment = manager.getByRole('dialog', { name: /^Record a payment/ });
    expect(await payment.getByLabel('Amount (GBP)').inputValue()).toBe('121.13');
    await payment.getByLabel('Amount (GBP)').fill('100');
    await payment.getByLabel('Reference').fill('BACS 2291');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await payment.waitFor({ state: 'detached' });
    await totals
      .getByRole('row', { name: /^Balance/ })
      .getByText('£21.13')
      .waitFor();
    await manager.getByRole('table', { name: 'Payments' }).getByText('BACS 2291').waitFor();

    await manager.getByRole('button', { name: 'Record payment' }).click();
    payment = manager.getByRole('dialog', { name: /^Record a payment/ });
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await manager.getByLabel('Status: Paid').waitFor();
    expect(await manager.getByRole('button', { name: 'Record payment' }).count()).toBe(0);

    // Issuing the invoice moved the job to invoiced.
    await manager.goto(jobUrl);
    await manager.getByText('Invoiced', { exact: true }).waitFor();
    await nav('Invoices').click();
    await manager
      .getByRole('table', { name: 'Invoices' })
      .getByRole('row', { name: /Riverside Plumbing.*Paid/ })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('should warn of a double booking and book anyway when asked', async () => {
    const day = localDay(2);
    const existing = await app
      .http()
      .post('/api/v1/schedule')
      .set('authorization', await bearerFor(app, org.users.manager.email))
      .send({
        kind: 'appointment',
        title: 'Site survey',
        assigneeId: org.users.manager.id,
        startsAt: at(day, '10:00'),
        endsAt: at(day, '11:00'),
        branchId,
      });
    expect(existing.status).toBe(201);

    const calendar = await calendarOn(2);
    await calendar.getByRole('button', { name: /^Site survey, / }).waitFor();
    await manager.getByRole('button', { name: 'New appointment' }).click();
    const form = manager.getByRole('dialog', { name: 'New appointment' });
    await form.getByLabel('Title').fill('Team briefing');
    await form.getByLabel('Starts').fill(`${day}T10:30`);
    await form.getByLabel('Ends').fill(`${day}T11:30`);
    await form.getByRole('button', { name: 'Book' }).click();

    const warning = form.getByRole('alert').filter({ hasText: 'Double booking' });
    await warning.waitFor();
    await warning
      .getByRole('list', { name: 'Conflicting entries' })
      .getByText(/Site survey/)
      .waitFor();
    await warning.getByRole('button', { name: 'Book anyway' }).click();
    await form.waitFor({ state: 'detached' });
    await calendar.getByRole('button', { name: /^Team briefing, / }).waitFor();
    await calendar.getByRole('button', { name: /^Site survey, / }).waitFor();

    // An entry opens for changes: cancelling keeps it, greyed out.
    await calendar.getByRole('button', { name: /^Team briefing, / }).click();
    const edit = manager.getByRole('dialog', { name: 'Edit appointment' });
    await edit.getByRole('button', { name: 'Cancel appointment' }).click();
    await edit.waitFor({ state: 'detached' });
    await calendar.getByRole('button', { name: /^Team briefing, .*cancelled\)$/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('should say so when a job moved on the board was changed by someone else meanwhile', async () => {
    const created = await app
      .http()
      .post('/api/v1/jobs')
      .set('authorization', owner)
      .send({ clientId, title: 'Gutter clearance', priority: 'low' });
    expect(created.status).toBe(201);
    await nav('Jobs').click();
    const card = manager.getByRole('region', { name: 'New' }).getByRole('article', { name: /Gutter clearance/ });
    await card.waitFor();

    // Someone else cancels it while the board still shows it as new.
    const moved = await app
      .http()
      .post(`/api/v1/jobs/${created.body.id}/status`)
      .set('authorization', owner)
      .send({ version: created.body.version, status: 'cancelled' });
    expect(moved.status).toBe(200);

    await card.getByRole('button', { name: /^Mark as scheduled: job/ }).click();
    await manager.getByText(/was not moved: someone changed it meanwhile/).waitFor();
    // The board shows the job as it is now.
    await card.waitFor({ state: 'detached' });
    await manager.getByRole('button', { name: /Cancelled/ }).click();
    await manager
      .getByRole('region', { name: 'Cancelled jobs' })
      .getByRole('article', { name: /Gutter clearance/ })
      .waitFor();
  });

  it('should save a draft and stop a save over someone else’s change', async () => {
    const draft = await app
      .http()
      .post('/api/v1/invoices')
      .set('authorization', owner)
      .send({
        clientId,
        currency: 'GBP',
        lines: [{ description: 'Call-out', quantity: 1, unitPriceMinor: 6000, taxCode: 'STD' }],
      });
    expect(draft.status).toBe(201);
    await manager.goto(`${base}/invoices/${draft.body.id}`);
    await manager.getByRole('heading', { name: `Draft ${draft.body.displayNumber}` }).waitFor();
    const totalRow = manager.getByRole('table', { name: 'Totals' }).getByRole('row', { name: /^Total/ });
    await totalRow.getByText('£72.00').waitFor();
    await manager.getByLabel('Quantity of line 1').fill('1.5');
    await totalRow.getByText('£108.00').waitFor();
    await manager.getByRole('button', { name: 'Save draft' }).click();
    await manager.getByText(`Draft ${draft.body.displayNumber} saved.`).waitFor();

    // Someone else changes the draft; saving over it is refused and offers a reload.
    const fresh = await app.http().get(`/api/v1/invoices/${draft.body.id}`).set('authorization', owner);
    const other = await app
      .http()
      .patch(`/api/v1/invoices/${draft.body.id}`)
      .set('authorization', owner)
      .send({ version: fresh.body.version, dueDate: '2099-01-31' });
    expect(other.status).toBe(200);
    await manager.getByLabel('Description of line 1').fill('Emergency call-out');
    await manager.getByRole('button', { name: 'Save draft' }).click();
    const refused = manager.getByRole('alert').filter({ hasText: 'This invoice was not saved' });
    await refused.getByText(/Someone changed this record/).waitFor();
    await refused.getByRole('button', { name: 'Reload' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await manager.getByLabel('Due date').inputValue()).toBe('2099-01-31');
    expect(await manager.getByLabel('Description of line 1').inputValue()).toBe('Call-out');
    expect(errors).toEqual([]);
  });

  it('should let the owner add a branch tax policy with percent rates', async () => {
    const york = await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'York' });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
    await page.getByRole('link', { name: 'Tax settings' }).click();
    await page
      .getByRole('region', { name: 'York' })
      .getByText(/organization-wide policy applies/)
      .waitFor();

    await page.getByRole('button', { name: 'New tax policy' }).click();
    const form = page.getByRole('dialog', { name: 'New tax policy' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('York VAT');
    await form.getByRole('combobox', { name: 'Applies to' }).click();
    await page.getByRole('option', { name: 'York' }).click();
    await form.getByLabel('First day').fill('2021-01-01');
    await form.getByText('Include tax', { exact: true }).click();
    await form.getByLabel('Percent of rate 1').fill('17.555');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await form.getByLabel('Code of rate 2').fill('zero');
    await form.getByLabel('Name of rate 2').fill('Zero rate');
    await form.getByLabel('Percent of rate 2').fill('0');
    await form.getByRole('button', { name: 'Add policy' }).click();
    // Basis points are whole: a percent has two decimals at most, said beside the field.
    await form.getByText(/two decimals at most/).waitFor();
    await form.getByLabel('Percent of rate 1').fill('17.5');
    await form.getByRole('button', { name: 'Add policy' }).click();
    await form.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Tax policies: York' });
    await table.getByText('Standard rate: 17.5%').waitFor();
    await table.getByText('Prices include tax').waitFor();
    const saved = await app.http().get(`/api/v1/tax-policies?branchId=${york.body.id}`).set('authorization', owner);
    expect(saved.body.items[0]).toMatchObject({
      name: 'York VAT',
      pricing: 'inclusive',
      rates: [
        { code: 'STD', name: 'Standard rate', basisPoints: 1750 },
        { code: 'ZERO', name: 'Zero rate', basisPoints: 0 },
      ],
    });

    // The branch's own policy wins over the organization's.
    await page.getByRole('combobox', { name: 'An invoice of' }).click();
    await page.getByRole('option', { name: 'York' }).click();
    await page.getByText('uses York VAT', { exact: false }).waitFor();
    await page.context().close();
  });
});
