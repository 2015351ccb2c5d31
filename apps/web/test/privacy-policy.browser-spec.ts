import type { Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  bearerFor,
  createOrganization,
  describeInBrowser,
  horizontalOverflow,
  NARROW_PHONE,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

const OPERATOR = 'steward-operator';

/**
 * The living privacy policy in the SPA: public pages anyone reads, and the review-and-accept
 * page that stops a signed-in person once a new platform policy is published.
 */
describeInBrowser('privacy policy pages in Chromium', () => {
  let harness: BrowserHarness;
  let operator: TestOrganization;
  let customer: TestOrganization;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness({ env: { OPERATOR_ORGANIZATION: OPERATOR } });
    operator = await createOrganization(harness.app, ['owner']);
    // The factory names organizations at random; the operator is the one whose slug the setting names.
    await harness.app.db.query('UPDATE organizations SET slug = $1 WHERE id = $2', [OPERATOR, operator.organizationId]);
    customer = await createOrganization(harness.app, ['owner', 'agent']);
    page = await harness.browser.newPage();
  });
  afterAll(() => harness?.close());

  it('should show the platform policy without signing in, its retention facts listed', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await page.getByRole('main').getByRole('link', { name: 'Privacy policy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy Policy' }).waitFor();
    await expect(page.title()).resolves.toBe('Privacy Policy · Steward CRM');
    expect(await page.getByText(/^Version 1 · Effective \d+ \w+ \d{4} · Last updated/).count()).toBe(1);
    const retention = page.getByRole('region', { name: 'Data Retention and Deletion' });
    await retention
      .getByRole('listitem')
      .filter({ hasText: /^The devices you are signed in on/ })
      .waitFor();
    expect(await retention.getByRole('listitem').count()).toBeGreaterThan(3);

    await page.goto(`${harness.base}/privacy/no-such-organization`);
    await page.getByRole('heading', { name: 'No such organization' }).waitFor();
  });

  it('should let an admin edit the notice, see what changes, publish it, and readers see the new version', async () => {
    const admin = await (await harness.browser.newContext(NARROW_PHONE)).newPage();
    await admin.goto(`${harness.base}/sign-in`);
    await submitSignInForm(admin, customer.users.owner.email, TEST_PASSWORD);
    // Signed in (the page changed, which closes the menu) before the menu is opened.
    await admin.getByRole('heading', { level: 1, name: /^Welcome back/ }).waitFor();
    await admin.getByRole('button', { name: 'Open navigation' }).click();
    await admin
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Privacy policy', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Privacy policy' }).waitFor();
    await admin.getByRole('tab', { name: 'Our privacy notice' }).waitFor();
    // Not the operator: the platform policy is not theirs to edit.
    await admin.getByRole('heading', { name: 'Processors' }).waitFor();
    await admin.waitForLoadState('networkidle');
    expect(await admin.getByRole('tab', { name: 'Platform policy' }).count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Start a draft' }).click();
    const first = admin.getByRole('group', { name: /^Section 1: / });
    const prose = first.getByLabel('Prose');
    await prose.fill(`${await prose.inputValue()}\n\nWe keep the notes of each visit with the job.`);
    await admin.getByRole('button', { name: 'Save draft' }).click();
    const changes = admin.getByLabel('Changes');
    await changes.getByText('We keep the notes of each visit with the job.').waitFor();
    expect(await changes.locator('ins').filter({ hasText: 'We keep the notes of each visit' }).count()).toBe(1);
    await changes.getByText('Added:').first().waitFor();
    expect(await horizontalOverflow(admin)).toBe(0);

    await admin.getByRole('button', { name: /^Publish version 2$/ }).click();
    const dialog = admin.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    // The change note is required.
    await dialog.getByText(/Say in a sentence what changed/).waitFor();
    await dialog.getByLabel('Change note').fill('We now say how long visit notes are kept.');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Start a draft' }).waitFor();

    const slug = (
      await harness.app
        .http()
        .get('/api/v1/organization')
        .set('authorization', await bearerFor(harness.app, customer.users.owner.email))
        .expect(200)
    ).body.slug as string;
    await admin.goto(`${harness.base}/privacy/${slug}`);
    await admin.getByText('We keep the notes of each visit with the job.').waitFor();
    const versions = admin.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await versions.filter({ hasText: 'We now say how long visit notes are kept.' }).waitFor();
    expect(await versions.count()).toBe(2);
    expect(await horizontalOverflow(admin)).toBe(0);
    await admin.context().close();
  });

  it("should show the operator's privacy staff the platform policy tab", async () => {
    const staff = await (await harness.browser.newContext()).newPage();
    await staff.goto(`${harness.base}/sign-in`);
    await submitSignInForm(staff, operator.users.owner.email, TEST_PASSWORD);
    await staff.getByRole('link', { name: 'Home' }).waitFor();
    await staff.goto(`${harness.base}/admin/privacy`);
    await staff.getByRole('tab', { name: 'Platform policy' }).click();
    await staff.getByRole('link', { name: 'Read the public page' }).waitFor();
    expect(await staff.getByRole('link', { name: 'Read the public page' }).getAttribute('href')).toBe('/privacy');
    await staff.context().close();
  });

  it('should stop a signed-in person at a newly published platform policy until they accept it', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, customer.users.agent.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Contacts' }).waitFor();

    // The operator's privacy staff publish version 2 (through the API; the admin screens are tested apart).
    const auth = await bearerFor(harness.app, operator.users.owner.email);
    const draft = (
      await harness.app.http().post('/api/v1/privacy/documents/platform/draft').set('authorization', auth).expect(200)
    ).body as { draftVersion: number; sections: Array<{ key: string; prose: string; statements?: string[] }> };
    const sections = draft.sections.map(({ statements: _statements, ...section }) =>
      section.key === 'introduction'
        ? { ...section, prose: `${section.prose}\n\nWe now explain each list in plain words.` }
        : section,
    );
    const saved = (
      await harness.app
        .http()
        .put('/api/v1/privacy/documents/platform/draft')
        .set('authorization', auth)
        .send({ version: draft.draftVersion, sections })
        .expect(200)
    ).body as { draftVersion: number };
    await harness.app
      .http()
      .post('/api/v1/privacy/documents/platform/draft/publish')
      .set('authorization', auth)
      .send({ version: saved.draftVersion, changeNote: 'Plainer words for every list.' })
      .expect(200);

    // The next page the person opens is refused by the API: the SPA asks them to review and accept.
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review the updated privacy policy' }).waitFor();
    await page.getByText('Plainer words for every list.').waitFor();
    await page.getByText('We now explain each list in plain words.').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'I have read and accept the privacy policy' }).click();

    // Back where they were, working.
    await page.waitForURL(`${harness.base}/contacts`);
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    const status = await harness.app
      .http()
      .get('/api/v1/me/privacy-policy')
      .set('authorization', await bearerFor(harness.app, customer.users.agent.email))
      .expect(200);
    expect(status.body).toMatchObject({ accepted: 2, required: false });

    // The public page now lists both versions; the retired one says so.
    await page.goto(`${harness.base}/privacy`);
    const versions = page.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await versions.filter({ hasText: 'Version 2 (current)' }).waitFor();
    expect(await versions.count()).toBe(2);
    await page.getByRole('link', { name: 'Version 1', exact: true }).click();
    await page.getByText('You are reading version 1 (retired)').waitFor();
    expect(await page.getByText('We now explain each list in plain words.').count()).toBe(0);
    await page.getByRole('link', { name: 'See the current version' }).click();
    await page.getByText('We now explain each list in plain words.').waitFor();
  });

  it('should ask right after sign-in when the policy changed while signed out', async () => {
    const owner = await harness.browser.newPage();
    await owner.goto(`${harness.base}/sign-in`);
    await submitSignInForm(owner, customer.users.owner.email, TEST_PASSWORD);
    await owner.getByRole('heading', { level: 1, name: 'Review the updated privacy policy' }).waitFor();
    // Signing out stays possible from there.
    await owner.getByRole('button', { name: 'Sign out' }).last().click();
    await owner.getByRole('button', { name: 'Sign in' }).waitFor();
    await owner.close();
  });
});
