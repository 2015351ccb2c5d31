import { readFileSync } from 'node:fs';
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

/** The fixtures of the shared CSV rules (libs/csv): bytes as a person's spreadsheet saved them. */
const fixture = (name: string) => readFileSync(new URL(`../../../libs/csv/test/fixtures/${name}`, import.meta.url));

interface Problem {
  row: number;
  field: string;
  message: string;
}

/**
 * One set of CSV rules for the browser and the API: each fixture goes through the SPA's
 * import (read and previewed in Chromium, sent in chunks) in one organization and straight
 * to the API in another, set up alike. Both must create the same contacts and report the
 * same problems, row for row; a file one refuses, the other refuses with the same sentence.
 */
describeInBrowser('CSV import: the browser and the API read a file alike', () => {
  let harness: BrowserHarness;
  let viaBrowser: TestOrganization;
  let viaApi: TestOrganization;
  const bearer: Record<string, string> = {};
  let page: Page;
  const pageErrors: string[] = [];

  /** An organization with a Leeds branch and a client there, as both sides need. */
  async function organization(): Promise<TestOrganization> {
    const org = await createOrganization(harness.app, ['owner']);
    const token = await bearerFor(harness.app, org.users.owner.email);
    bearer[org.organizationId] = token;
    const post = (path: string, body: object) =>
      harness.app.http().post(path).set('authorization', token).send(body).expect(201);
    const leeds = await post('/api/v1/branches', { name: 'Leeds' });
    await post('/api/v1/clients', { kind: 'company', name: 'Riverside Plumbing', branchId: leeds.body.id });
    return org;
  }

  beforeAll(async () => {
    harness = await startBrowserHarness();
    viaBrowser = await organization();
    viaApi = await organization();
    page = await harness.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, viaBrowser.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  });
  afterAll(() => harness?.close());

  const viaTheApi = (name: string) =>
    harness.app
      .http()
      .post('/api/v1/contacts/import')
      .set('authorization', bearer[viaApi.organizationId])
      .set('content-type', 'text/csv')
      .send(fixture(name));

  /** Chooses the fixture in the import dialog (on a fresh contacts page); answers the dialog. */
  async function choose(name: string) {
    await page.goto(`${harness.base}/contacts`);
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByLabel('CSV file').click()]);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: fixture(name) });
    return dialog;
  }

  /** Every contact of an organization, as the file described it: client and branch by name. */
  async function contactsOf(org: TestOrganization) {
    const http = (path: string) =>
      harness.app.http().get(path).set('authorization', bearer[org.organizationId]).expect(200);
    const branches = new Map(
      (await http('/api/v1/branches')).body.items.map((b: { id: string; name: string }) => [b.id, b.name]),
    );
    const clients = new Map(
      (await http('/api/v1/clients')).body.items.map((c: { id: string; name: string }) => [c.id, c.name]),
    );
    const items = (await http('/api/v1/contacts?limit=100')).body.items as Array<Record<string, unknown>>;
    return items
      .map((contact) => ({
        fullName: contact.fullName,
        email: contact.email,
        phone: contact.phone,
        jobTitle: contact.jobTitle,
        client: contact.clientId ? clients.get(contact.clientId as string) : null,
        branch: branches.get(contact.branchId as string),
        tags: contact.tags,
        address: contact.address,
        notes: contact.notes,
      }))
      .sort((a, b) => String(a.fullName).localeCompare(String(b.fullName)));
  }

  for (const name of ['excel-semicolon.csv', 'tab-separated.csv']) {
    it(`should import ${name} into the same contacts with the same problems`, async () => {
      const api = await viaTheApi(name).expect(200);

      const dialog = await choose(name);
      await dialog.getByText(new RegExp(`rows? in ${name.replace('.', '\\.')}`)).waitFor();
      expect(await dialog.getByText(/rows? in /).textContent()).toContain(`${api.body.received} row`);
      // Rows without a branch or a client: the API has no default branch, so neither may the browser here.
      const fallback = dialog.getByRole('combobox', { name: 'Branch for rows without one' });
      if (await fallback.count()) {
        await fallback.locator('xpath=..').locator('button').click();
        expect(await fallback.inputValue()).toBe('');
      }
      await dialog.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
      await dialog.getByText('Import finished').waitFor();
      expect(await dialog.getByRole('status').textContent()).toContain(
        `Created: ${api.body.created} · Failed: ${api.body.failed}`,
      );
      const shown: Problem[] = [];
      if (api.body.errors.length) {
        const table = dialog.getByRole('table', { name: 'Rows with problems' });
        for (const row of await table.locator('tbody tr').all()) {
          const [rowNumber, field, message] = await row.locator('td').allInnerTexts();
          shown.push({ row: Number(rowNumber), field, message });
        }
      }
      expect(shown).toEqual(api.body.errors);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });

      expect(await contactsOf(viaBrowser)).toEqual(await contactsOf(viaApi));
    });
  }

  it('should give what each fixture means to both sides', async () => {
    // Not a tautology: the contacts both sides made are the fixtures' people, as written.
    const contacts = await contactsOf(viaApi);
    expect(contacts.map((contact) => contact.fullName)).toEqual([
      'Ada Semicolon',
      'Bob Spaces',
      'Émile Accent',
      'Fay Tab',
    ]);
    expect(contacts[0]).toMatchObject({
      phone: '+44 113 496 0001',
      tags: ['vip', 'newsletter'],
      notes: '=SUM(1;2)',
      address: { postcode: 'LS1 1AA' },
      branch: 'Leeds',
    });
    expect(contacts[1]).toMatchObject({
      email: 'bob@fixture.example',
      notes: 'Prefers mornings.\r\nRing the bell twice; wait.',
    });
    expect(contacts[3]).toMatchObject({ client: 'Riverside Plumbing', branch: 'Leeds', jobTitle: 'Plumber' });
  });

  for (const name of ['latin1.csv', 'unclosed-quote.csv', 'no-name-column.csv']) {
    it(`should refuse ${name} with the same sentence both ways`, async () => {
      const api = await viaTheApi(name).expect(400);
      expect(api.body.errors).toHaveLength(1);
      const dialog = await choose(name);
      const alert = dialog.getByRole('alert').filter({ hasText: 'Could not read the file' });
      await alert.waitFor();
      expect(await alert.textContent()).toBe(`Could not read the file${api.body.errors[0].message}`);
      expect(await dialog.getByRole('button', { name: /^Import/ }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });
  }

  it('should have raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
