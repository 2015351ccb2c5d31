import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  bearerFor,
  createOrganization,
  DAY_MS,
  describeInBrowser,
  linkIn,
  type MailCatcher,
  startBrowserHarness,
  startMailCatcher,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { ErasureService } from '../../api/src/personal-data/erasure.service.js';
import { DataExportJob } from '../../api/src/personal-data/exports/data-export.job.js';

const APP_URL = 'https://crm.example.test';

describeInBrowser('data-subject requests, in Chromium', () => {
  let harness: BrowserHarness;
  let mail: MailCatcher;
  let clock: TestClock;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let slug: string;
  let ownerAuth: string;
  let branchId: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mail = await startMailCatcher();
    clock = new TestClock(new Date());
    harness = await startBrowserHarness({ clock, env: { SMTP_URL: mail.url, APP_URL, JOBS_WORKER: 'false' } });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'privacy_officer']);
    const owner = await bearerFor(app, org.users.owner.email);
    const branch = (
      await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)
    ).body.id;
    for (const [fullName, email] of [
      ['Paula Public', 'paula.public@example.test'],
      ['Arlo Access', 'arlo.access@example.test'],
    ]) {
      await app.http().post('/api/v1/contacts').set('authorization', owner).send({ fullName, email, branchId: branch });
    }
    ownerAuth = owner;
    branchId = branch;
    const [row] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [
      org.organizationId,
    ]);
    slug = row.slug;
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function newPage() {
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  async function signInAsOfficer() {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.privacy_officer.email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('should walk a public erasure request from the form through the emailed link to the officer completing it', async () => {
    await newPage();
    // The requester, without an account.
    await page.goto(`${base}/privacy/${slug}/request`);
    await page.getByRole('heading', { name: 'Make a privacy request' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Choose what you ask for.').waitFor(); // validated before anything is sent
    await page.getByRole('radio', { name: 'Erasure' }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Paula Public');
    await page.getByRole('textbox', { name: 'Email' }).fill('paula.public@example.test');
    await page.getByRole('textbox', { name: 'Details' }).fill('Please delete everything you hold about me.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Check your email').waitFor();

    const verification = await mail.waitForAbout('paula.public@example.test', 'Confirm your privacy request');
    const token = linkIn(verification, `${APP_URL}/privacy-requests/verify?token=`).searchParams.get('token');
    await page.goto(`${base}/privacy-requests/verify?token=${token}`);
    await page.getByRole('heading', { name: 'Thank you, your request is confirmed' }).waitFor();
    await mail.waitForAbout('paula.public@example.test', 'received your privacy request');

    // The privacy officer, at the desk.
    await signInAsOfficer();
    await page.getByRole('link', { name: 'Privacy requests', exact: true }).click();
    const table = page.getByRole('table', { name: 'Privacy requests', exact: true });
    const row = table.getByRole('row', { name: /Paula Public/ });
    await row.getByText('30 days left').waitFor();
    await row.getByText('Received').waitFor();
    await page.getByRole('heading', { name: 'Requests by type and time to close (12 months)' }).waitFor();
    await row.getByRole('link', { name: 'Erasure' }).click();
    await page.getByRole('heading', { name: 'Erasure request' }).waitFor();
    await page.getByText('Please delete everything you hold about me.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Paula Public (contact)' }).check();
    await page.getByRole('button', { name: 'Confirm match' }).click();
    await page.getByText('Match confirmed').waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Work started').waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the request' });
    await dialog.getByText('erased everywhere').waitFor();
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Erasure started').first().waitFor();
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await mail.waitForAbout('paula.public@example.test', 'completed your privacy request');
    const [erasure] = await app.db.query<{ id: string; subject_kind: string }>(
      'SELECT id, subject_kind FROM erasures WHERE organization_id = $1',
      [org.organizationId],
    );
    expect(erasure.subject_kind).toBe('contact');

    // Once the worker has run it (here at once), the request shows the receipt to hand over.
    await app.app.get(ErasureService).run(org.organizationId, erasure.id);
    await page.reload();
    await page.getByRole('heading', { name: 'Erasure receipts' }).waitFor();
    const receipt = page.getByRole('table', { name: `Receipt of erasure ${erasure.id}` });
    await receipt
      .getByRole('row', { name: /crm\.contacts/ })
      .getByText('Deleted')
      .waitFor();
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download receipt' }).click();
    const file = await saved;
    const json = JSON.parse(readFileSync((await file.path()) as string, 'utf8'));
    expect(json.erasures[0]).toMatchObject({ erasureId: erasure.id, subjectKind: 'contact' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('should walk an access request from the form to the requester downloading the ZIP the mail links to', async () => {
    await newPage();
    await page.goto(`${base}/privacy/${slug}/request`);
    await page.getByRole('radio', { name: 'Access' }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Arlo Access');
    await page.getByRole('textbox', { name: 'Email' }).fill('arlo.access@example.test');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Check your email').waitFor();
    const verification = await mail.waitForAbout('arlo.access@example.test', 'Confirm your privacy request');
    const token = linkIn(verification, `${APP_URL}/privacy-requests/verify?token=`).searchParams.get('token');
    await page.goto(`${base}/privacy-requests/verify?token=${token}`);
    await page.getByRole('heading', { name: 'Thank you, your request is confirmed' }).waitFor();

    await signInAsOfficer();
    await page.goto(`${base}/admin/privacy-requests`);
    await page
      .getByRole('table', { name: 'Privacy requests', exact: true })
      .getByRole('row', { name: /Arlo Access/ })
      .getByRole('link', { name: 'Access' })
      .click();
    await page.getByRole('checkbox', { name: 'Arlo Access (contact)' }).check();
    await page.getByRole('button', { name: 'Confirm match' }).click();
    await page.getByText('Match confirmed').waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete the request' });
    await dialog.getByText('download link is emailed').waitFor();
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Completed', { exact: true }).first().waitFor();

    // The requester's mail links to the export; the worker builds it (run here at once).
    const completed = await mail.waitForAbout('arlo.access@example.test', 'completed your privacy request');
    const link = linkIn(completed, `${APP_URL}/api/v1/data-exports/`);
    await app.app.get(DataExportJob).build(org.organizationId, link.pathname.split('/')[4]);
    const requester = await browser.newContext({ acceptDownloads: true });
    const tab = await requester.newPage();
    const saved = tab.waitForEvent('download');
    await tab.goto(`${base}${link.pathname}${link.search}`).catch(() => undefined); // a download ends navigation
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await file.path()) as string)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.subject.kind).toBe('contact');
    expect(Object.keys(files)).toContain('crm.contacts.json');
    await requester.close();
  });

  it('should carry a proposed correction from the public form to the officer, who applies it to the contact', async () => {
    const contact = (
      await app
        .http()
        .post('/api/v1/contacts')
        .set('authorization', ownerAuth)
        .send({ fullName: 'Rory Rect', email: 'rory.rect@example.test', phone: '0113 000 0000', branchId })
        .expect(201)
    ).body;
    await newPage();
    await page.goto(`${base}/privacy/${slug}/request`);
    await page.getByRole('radio', { name: 'Correction' }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Rory Rect');
    await page.getByRole('textbox', { name: 'Email' }).fill('rory.rect@example.test');
    await page.getByRole('combobox', { name: 'Field 1' }).click();
    await page.getByRole('option', { name: 'Phone' }).click();
    await page.getByRole('textbox', { name: 'New value 1' }).fill('0113 496 0777');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Check your email').waitFor();
    const verification = await mail.waitForAbout('rory.rect@example.test', 'Confirm your privacy request');
    const token = linkIn(verification, `${APP_URL}/privacy-requests/verify?token=`).searchParams.get('token');
    await page.goto(`${base}/privacy-requests/verify?token=${token}`);
    await page.getByRole('heading', { name: 'Thank you, your request is confirmed' }).waitFor();

    await signInAsOfficer();
    await page.getByRole('link', { name: 'Privacy requests', exact: true }).click();
    const row = page
      .getByRole('table', { name: 'Privacy requests', exact: true })
      .getByRole('row', { name: /Rory Rect/ });
    await row.getByRole('link', { name: 'Correction' }).click();
    await page.getByRole('heading', { name: 'Proposed corrections' }).waitFor();
    await page.getByRole('checkbox', { name: 'Rory Rect (contact)' }).check();
    await page.getByRole('button', { name: 'Confirm match' }).click();
    const review = page.getByRole('region', { name: 'Proposed corrections' });
    await review.getByRole('cell', { name: '0113 000 0000' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await review.getByRole('button', { name: 'Apply the new phone' }).click();
    await review.getByText('Applied').waitFor();
    await page.getByText('Correction applied').waitFor();
    const now = (await app.http().get(`/api/v1/contacts/${contact.id}`).set('authorization', ownerAuth).expect(200))
      .body;
    expect(now.phone).toBe('0113 496 0777');
  });

  it('should highlight a request as overdue once the clock passes its deadline', async () => {
    const officer = await bearerFor(app, org.users.privacy_officer.email);
    await app
      .http()
      .post('/api/v1/privacy-requests')
      .set('authorization', officer)
      .send({
        type: 'rectification',
        channel: 'phone',
        email: 'otto.overdue@example.test',
        fullName: 'Otto Overdue',
        identityCheck: 'Called back on the number on file',
      })
      .expect(201);
    clock.advance(31 * DAY_MS);
    await newPage();
    await signInAsOfficer();
    await page.goto(`${base}/admin/privacy-requests?overdue=true`);
    const row = page
      .getByRole('table', { name: 'Privacy requests', exact: true })
      .getByRole('row', { name: /Otto Overdue/ });
    await row.getByText('Overdue by 1 day').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('row', { name: /Paula Public/ }).count()).toBe(0); // completed: never overdue
  });
  it('should let a signed-in person file, follow and withdraw their own request in the privacy center', async () => {
    await newPage();
    await signInAsOfficer();
    await page.getByRole('link', { name: 'My privacy requests' }).click();
    await page.getByRole('heading', { name: 'My privacy requests' }).waitFor();
    await page.getByText('You have made no privacy requests.').waitFor();
    await page.getByRole('combobox', { name: 'What you ask for' }).click();
    await page.getByRole('option', { name: 'Access', exact: true }).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    const row = page.getByRole('table', { name: 'Your privacy requests' }).getByRole('row', { name: /Access/ });
    await row.getByText('Received').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await mail.waitForAbout(org.users.privacy_officer.email, 'received your privacy request');
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await row.getByText('Cancelled').waitFor();
  });
});
