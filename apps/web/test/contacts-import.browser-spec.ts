import { readFile } from 'node:fs/promises';
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

const ROWS = 450;
const name = (index: number) => `Person ${String(index).padStart(3, '0')} Importson`;

/** 450 people from a spring fair, three of them wrong in ways the API reports by row and field. */
function springFairCsv(): string {
  const lines = ['Full name,Email,Phone,Branch,Tags,City,Shoe size'];
  for (let index = 1; index <= ROWS; index++) {
    let [fullName, email, branch] = [name(index), `person${index}@spring-fair.example`, 'Leeds'];
    if (index === 11) email = 'not-an-email'; // file row 12 (the header is row 1)
    if (index === 251) fullName = ''; // row 252, in the second batch
    if (index === 441) branch = 'Atlantis'; // row 442, in the third batch
    lines.push(`${fullName},${email},+44 113 496 ${String(index).padStart(4, '0')},${branch},spring-fair,Leeds,42`);
  }
  return `${lines.join('\n')}\n`;
}

describeInBrowser('contact CSV import and export, in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    org = await createOrganization(harness.app, ['owner']);
    const owner = await bearerFor(harness.app, org.users.owner.email);
    await harness.app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201);
    page = await harness.browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  });
  afterAll(() => harness?.close());

  it('should import in batches with progress, list the bad rows by number and field, and export the rest', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();

    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByLabel('CSV file').click()]);
    await chooser.setFiles({ name: 'spring-fair.csv', mimeType: 'text/csv', buffer: Buffer.from(springFairCsv()) });

    // The preview: rows counted, columns recognised, the unknown one flagged.
    await dialog.getByText(/rows in spring-fair\.csv/).waitFor();
    expect(await dialog.getByText(/rows in spring-fair\.csv/).textContent()).toContain(`${ROWS} rows`);
    expect(await dialog.getByRole('alert').filter({ hasText: 'Some columns will be ignored' }).textContent()).toContain(
      'Shoe size',
    );
    expect(await dialog.getByRole('table', { name: 'Preview' }).getByRole('row').count()).toBe(6);

    // A dry run finds the three bad rows and creates nothing.
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByText('Check finished').waitFor();
    expect(await dialog.getByRole('status').textContent()).toContain('With problems: 3');

    // The import itself, watched batch by batch.
    // (A script string: this file is compiled without the DOM's types.)
    await page.evaluate(`{
      const seen = (window.progressSeen = []);
      new MutationObserver(() => {
        const value = document.querySelector('[aria-label="Import progress"]')?.getAttribute('aria-valuenow');
        if (value && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }`);
    await dialog.getByRole('button', { name: `Import ${ROWS} contacts` }).click();
    // 450 people sealed one by one: give a slow machine (PGlite, a busy CI) its time.
    await dialog
      .locator('[role="progressbar"][aria-label="Import progress"][aria-valuenow="100"]')
      .waitFor({ timeout: 150_000 });
    await dialog.getByText('Import finished').waitFor();
    const seen = await page.evaluate<string[]>('window.progressSeen');
    expect(seen).toEqual(expect.arrayContaining(['44', '89', '100']));
    expect(await dialog.getByRole('status').textContent()).toContain(`${ROWS} of ${ROWS} rows`);
    expect(await dialog.getByRole('status').textContent()).toContain('Created: 447 · Failed: 3');

    const problems = dialog.getByRole('table', { name: 'Rows with problems' });
    // Once per row and field, as sentences.
    const rows = (await problems.locator('tbody tr').allInnerTexts()).map((text) => text.split('\t'));
    expect(rows).toEqual([
      ['12', 'email', 'Email must be an email address.'],
      ['252', 'fullName', 'Full name must be 1 to 200 characters.'],
      ['442', 'branch', 'There is no branch named "Atlantis".'],
    ]);
    const [errorFile] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download errors as CSV' }).click(),
    ]);
    const errorCsv = await readFile(await errorFile.path(), 'utf8');
    // A byte-order mark first, so Excel reads the sentences as UTF-8.
    expect(errorCsv.split(/\r?\n/)[0]).toBe('\uFEFFrow,field,message');
    expect(errorCsv).toContain('12,email,');
    expect(errorCsv).toContain('442,branch,');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The list shows them; the export of the filtered list holds exactly the imported people.
    await page.getByRole('textbox', { name: 'Tag' }).fill('spring-fair');
    // Rows created in one batch share a time, so which of them shows first is not fixed.
    await page
      .getByRole('table', { name: 'Contacts' })
      .getByRole('link', { name: /Importson$/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await exported.path(), 'utf8');
    expect(csv.startsWith('\uFEFFid,fullName,email,')).toBe(true);
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'fullName', 'email']);
    expect(lines).toHaveLength(1 + 447);
    expect(csv).toContain(name(1));
    expect(csv).toContain('person450@spring-fair.example');
    expect(csv).not.toContain('person11@spring-fair.example');
    expect(csv).not.toContain(name(441));

    expect(errors).toEqual([]);
  }, 240_000);
});
