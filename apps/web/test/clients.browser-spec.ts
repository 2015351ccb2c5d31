import type { Page } from 'playwright-core';
import {
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

/** The first half of an agent's day: find a client, log a call, see it on the timeline and in the activity log. */
describeInBrowser('clients and their timeline, in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { app } = harness;
    org = await createOrganization(app, ['owner', 'agent']);
    const owner = await bearerFor(app, org.users.owner.email);
    const leeds = (await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' })).body
      .id;
    const { version } = (await app.http().get(`/api/v1/users/${org.users.agent.id}`).set('authorization', owner)).body;
    await app
      .http()
      .patch(`/api/v1/users/${org.users.agent.id}`)
      .set('authorization', owner)
      .send({ version, branchIds: [leeds] })
      .expect(200);

    // The agent's own clients (they own what they create), one with a contact and an older note.
    const agent = await bearerFor(app, org.users.agent.email);
    const post = (path: string, body: object) =>
      app.http().post(`/api/v1/${path}`).set('authorization', agent).send(body).expect(201);
    const riverside = (
      await post('clients', {
        kind: 'company',
        name: 'Riverside Plumbing Ltd',
        email: 'office@riverside-plumbing.example',
        phone: '+44 113 496 0123',
        address: { line1: '12 Wharf Street', city: 'Leeds', postcode: 'LS2 7EQ', country: 'GB' },
        tags: ['maintenance-plan'],
        branchId: leeds,
      })
    ).body;
    await post('clients', { kind: 'company', name: 'Harbour Bakery', branchId: leeds });
    await post('contacts', { fullName: 'Rita Rivers', jobTitle: 'Office manager', clientId: riverside.id });
    await post('communications', {
      clientId: riverside.id,
      kind: 'note',
      direction: 'internal',
      subject: 'Quote sent for the boiler',
      occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });

    page = await harness.browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  });
  afterAll(() => harness?.close());

  it('should find a client by part of its name, log a call that tops the timeline, and log edits', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.agent.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    const clients = page.getByRole('table', { name: 'Clients' });
    await clients.getByRole('row', { name: /Harbour Bakery/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('River');
    await clients.getByRole('row', { name: /Harbour Bakery/ }).waitFor({ state: 'detached' });
    const row = clients.getByRole('row', { name: /Riverside Plumbing Ltd/ });
    expect(await row.textContent()).toContain('+44 113 496 0123');
    await row.getByRole('link', { name: 'Riverside Plumbing Ltd' }).click();

    await page.getByRole('heading', { level: 1, name: 'Riverside Plumbing Ltd' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Communication timeline' });
    await timeline.getByRole('listitem').first().getByText('Quote sent for the boiler').waitFor();

    const form = page.getByRole('form', { name: 'Log a call, email, meeting or note' });
    expect(await form.getByRole('radio', { name: 'Call' }).isChecked()).toBe(true);
    await form.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Inbound' }).click();
    await form.getByRole('combobox', { name: 'Contact' }).click();
    await page.getByRole('option', { name: 'Rita Rivers' }).click();
    await form.getByLabel('Duration (minutes)').fill('15');
    await form.getByLabel('Subject').fill('Boiler service booked');
    await form.getByLabel('Details').fill('Rita asked for the annual service next Tuesday morning.');
    await form.getByRole('button', { name: 'Log call' }).click();

    const newest = timeline.getByRole('listitem').first();
    await newest.getByText('Boiler service booked').waitFor();
    const text = await newest.textContent();
    for (const part of ['Call', 'Inbound', 'Test agent', '15 min', 'Rita Rivers', 'annual service next Tuesday']) {
      expect(text).toContain(part);
    }
    expect(await timeline.getByRole('listitem').nth(1).textContent()).toContain('Quote sent for the boiler');
    // The form is ready for the next one.
    expect(await form.getByLabel('Subject').inputValue()).toBe('');

    // An edit of the client shows in the activity log, by field, with who made it.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Riverside Plumbing Ltd' });
    await dialog.getByLabel('Phone').fill('+44 113 496 0999');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Client details' }).getByText('+44 113 496 0999').waitFor();

    await page.getByRole('tab', { name: 'Activity log' }).click();
    const activity = page.getByRole('table', { name: 'Activity log' });
    const latest = activity.getByRole('row').nth(1);
    await latest.getByText('Changed phone').waitFor();
    expect(await latest.textContent()).toContain('Test agent');
    expect(await activity.getByRole('row').last().textContent()).toContain('Created');

    expect(errors).toEqual([]);
  });

  it('should open a contact with their own timeline, and keep a static list of contacts', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Contact lists' })
      .click();
    await page.getByRole('button', { name: 'New list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact list' });
    await dialog.getByLabel('Name').fill('Boiler owners');
    await dialog.getByRole('button', { name: 'Make list' }).click();
    await dialog.waitFor({ state: 'detached' });
    const lists = page.getByRole('table', { name: 'Contact lists' });
    expect(await lists.getByRole('row', { name: /Boiler owners/ }).textContent()).toContain('Static');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    const contacts = page.getByRole('table', { name: 'Contacts' });
    const rita = contacts.getByRole('row', { name: /Rita Rivers/ });
    expect(await rita.textContent()).toContain('Riverside Plumbing Ltd');
    await rita.getByRole('checkbox', { name: 'Select Rita Rivers' }).check();
    await page.getByRole('button', { name: 'Add to list' }).click();
    const adding = page.getByRole('dialog', { name: 'Add to a contact list' });
    await adding.getByRole('combobox', { name: 'List' }).click();
    await page.getByRole('option', { name: 'Boiler owners (0)' }).click();
    await adding.getByRole('button', { name: 'Add to list' }).click();
    await adding.waitFor({ state: 'detached' });

    await page.getByRole('combobox', { name: 'Contact list' }).click();
    await page.getByRole('option', { name: 'Boiler owners' }).click();
    await page.getByText('Members of the list "Boiler owners" (1).').waitFor();
    await rita.getByRole('link', { name: 'Rita Rivers' }).click();

    // Her own timeline holds the call logged at her client, and a note logged here is hers.
    await page.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Communication timeline' });
    await timeline.getByRole('listitem').first().getByText('Boiler service booked').waitFor();
    const form = page.getByRole('form', { name: 'Log a call, email, meeting or note' });
    await form.getByText('Note', { exact: true }).click();
    expect(await form.getByRole('radio', { name: 'Note' }).isChecked()).toBe(true);
    await form.getByLabel('Subject').fill('Prefers texts to calls');
    await form.getByRole('button', { name: 'Log note' }).click();
    await timeline.getByRole('listitem').first().getByText('Prefers texts to calls').waitFor();
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('Internal');

    await page.getByRole('link', { name: 'Riverside Plumbing Ltd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Plumbing Ltd' }).waitFor();
    await page.getByRole('list', { name: 'Communication timeline' }).getByText('Prefers texts to calls').waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    await page.goBack();
    await page.getByText('Members of the list "Boiler owners" (1).').waitFor();
    await rita.getByRole('button', { name: 'Remove Rita Rivers from Boiler owners' }).click();
    await page.getByText('No one on this list yet.', { exact: false }).waitFor();

    expect(errors).toEqual([]);

    // An address of a client that is not there (or not theirs) says so.
    await page.goto(`${harness.base}/clients/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'No such client' }).waitFor();
  });
});
