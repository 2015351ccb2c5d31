import type { Browser, Page } from 'playwright-core';
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
import { type FieldDay, seedFieldDay } from './field-day.js';

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Home shows the day: today's visits, open jobs by status, overdue invoices, recent activity. */
describeInBrowser('the home dashboard, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let day: FieldDay;
  let overdueNumber: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'manager', 'agent']);
    day = await seedFieldDay(app, org);
    const owner = await bearerFor(app, org.users.owner.email);
    const post = (path: string, body: object, as = owner) => app.http().post(path).set('authorization', as).send(body);

    // An invoice issued 40 days ago, due 10 days ago, £120.00 owed.
    const draft = await post('/api/v1/invoices', {
      clientId: day.clientId,
      currency: 'GBP',
      lines: [{ description: 'Annual service', quantity: 1, unitPriceMinor: 10_000, taxCode: 'STD' }],
    });
    expect(draft.status).toBe(201);
    const issued = await post(`/api/v1/invoices/${draft.body.id}/issue`, {
      version: draft.body.version,
      issueDate: isoDaysAgo(40),
      dueDate: isoDaysAgo(10),
    });
    expect(issued.status).toBe(200);
    expect(issued.body.overdue).toBe(true);
    overdueNumber = issued.body.displayNumber;

    // Two more open jobs, one in progress.
    for (const title of ['Gutter clearance', 'Fit radiator']) {
      const job = await post('/api/v1/jobs', { clientId: day.clientId, title });
      expect(job.status).toBe(201);
      if (title === 'Fit radiator') {
        for (const status of ['scheduled', 'in_progress']) {
          const current = await app.http().get(`/api/v1/jobs/${job.body.id}`).set('authorization', owner);
          const moved = await post(`/api/v1/jobs/${job.body.id}/status`, { version: current.body.version, status });
          expect(moved.status).toBe(200);
        }
      }
    }

    // A call the agent logged.
    const agent = await bearerFor(app, org.users.agent.email);
    const call = await post(
      '/api/v1/communications',
      { clientId: day.clientId, kind: 'call', direction: 'outbound', subject: 'Confirmed Thursday access' },
      agent,
    );
    expect(call.status).toBe(201);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function home(email: string, name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: `Welcome back, ${name}` }).waitFor();
    return { page, errors };
  }

  it("should show a manager the open jobs, overdue invoices and the team's recent activity", async () => {
    const { page, errors } = await home(org.users.manager.email, 'Test manager');

    const jobs = page.getByRole('region', { name: 'Open jobs by status' });
    const counts = jobs.getByRole('list', { name: 'Open jobs by status' });
    await counts.getByText('Scheduled: 1').waitFor();
    expect(await counts.getByRole('listitem').allTextContents()).toEqual([
      'New: 1',
      'Scheduled: 1',
      'In progress: 1',
      'Completed: 0',
    ]);
    // The chart draws one bar per status with jobs in it.
    await jobs.locator('.recharts-bar-rectangle path').first().waitFor();
    expect(await jobs.locator('.recharts-bar-rectangle path').count()).toBe(3);

    const overdue = page.getByRole('list', { name: 'Overdue invoices' });
    const row = overdue.getByRole('listitem').filter({ hasText: overdueNumber });
    await row.getByText('£120.00').waitFor();
    await row.getByText(/Riverside Plumbing · due/).waitFor();
    // The invoice due in 30 days is owed, not overdue.
    expect(await overdue.getByRole('listitem').count()).toBe(1);

    const activity = page.getByRole('list', { name: 'Recent activity' });
    await activity.getByText('Confirmed Thursday access').waitFor();
    await activity.getByText(/Call \(outbound\) by Test agent/).waitFor();

    // Nothing booked for the manager today; the card says so.
    await page.getByRole('region', { name: 'Today’s visits' }).getByText('Nothing booked for you today.').waitFor();

    // A card leads on: the overdue invoice opens.
    await row.getByRole('link', { name: overdueNumber }).click();
    await page.getByRole('heading', { name: `Invoice ${overdueNumber}` }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should chart where the money of the invoices is, with the amounts written out', async () => {
    const { page, errors } = await home(org.users.manager.email, 'Test manager');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices' }).click();
    const summary = page.getByRole('region', { name: 'Where the money is' });
    const amounts = summary.getByRole('list', { name: 'Amounts in GBP' });
    // £72.00 owed and not yet due, £120.00 overdue, nothing drafted or paid.
    await amounts.getByText('£120.00').waitFor();
    expect(await amounts.getByRole('listitem').allTextContents()).toEqual([
      'Drafts: £0.00 (0 invoices)',
      'Outstanding: £72.00 (1 invoice)',
      'Overdue: £120.00 (1 invoice)',
      'Paid: £0.00 (0 invoices)',
    ]);
    await summary.locator('.recharts-bar-rectangle path').first().waitFor();
    expect(await summary.locator('.recharts-bar-rectangle path').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("should show an agent today's visits and no invoices, which the role may not read", async () => {
    const { page, errors } = await home(org.users.agent.email, 'Test agent');
    const visit = page.getByRole('list', { name: 'Today’s visits' }).getByRole('listitem');
    await visit.getByRole('link', { name: 'Replace boiler valve' }).waitFor();
    await visit.getByText('Riverside Plumbing').waitFor();
    await page.getByRole('region', { name: 'Open jobs by status' }).waitFor();
    await page.getByRole('region', { name: 'Recent activity' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Overdue invoices' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
