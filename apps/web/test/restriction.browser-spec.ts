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

/** Restriction of processing (GDPR Art. 18) from the contact page: applied with a ground, shown, lifted. */
describeInBrowser('restriction of processing, in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;
  let owner: string;
  let contactId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { app } = harness;
    org = await createOrganization(app, ['owner', 'viewer']);
    owner = await bearerFor(app, org.users.owner.email);
    const leeds = (
      await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)
    ).body.id;
    contactId = (
      await app
        .http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ fullName: 'Rita Rivers', branchId: leeds, email: 'rita@riverside.example' })
        .expect(201)
    ).body.id;
    page = await harness.browser.newPage();
  });
  afterAll(() => harness?.close());

  const restrictedNow = async () =>
    (await harness.app.http().get(`/api/v1/contacts/${contactId}`).set('authorization', owner).expect(200)).body
      .restricted as boolean;

  it('should restrict a contact with a ground, make it read-only with a reason why, and lift it', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    const openContact = async () => {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
      const row = page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Rita Rivers/ });
      await row.waitFor();
      return row;
    };
    await (await openContact()).getByRole('link', { name: 'Rita Rivers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    const edit = page.getByRole('button', { name: 'Edit', exact: true });
    expect(await edit.isEnabled()).toBe(true);

    await page.getByRole('button', { name: 'Restrict processing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restrict processing of Rita Rivers' });
    const confirm = dialog.getByRole('button', { name: 'Restrict processing' });
    expect(await confirm.isEnabled()).toBe(false);
    await dialog.getByRole('combobox', { name: /Reason/ }).click();
    await dialog.getByRole('option', { name: /contest the accuracy/ }).click();
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Restricted', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Lift restriction' }).waitFor();
    expect(await edit.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).toBe(true);
    await edit.hover({ force: true });
    await page
      .getByRole('tooltip')
      .getByText(/record is read-only/)
      .waitFor();
    expect(await restrictedNow()).toBe(true);

    // The list still shows the person, flagged.
    const row = await openContact();
    await row.getByText('Restricted').waitFor();

    await row.getByRole('link', { name: 'Rita Rivers' }).click();
    await page.getByRole('button', { name: 'Lift restriction' }).click();
    const lift = page.getByRole('dialog', { name: 'Lift the restriction of Rita Rivers?' });
    await lift.getByRole('button', { name: 'Lift restriction' }).click();
    await page.getByRole('button', { name: 'Restrict processing' }).waitFor();
    expect(await edit.isEnabled()).toBe(true);
    expect(await restrictedNow()).toBe(false);
  });

  it('should not offer restriction to staff without the permission', async () => {
    const viewerPage = await harness.browser.newPage();
    await viewerPage.goto(`${harness.base}/sign-in`);
    await submitSignInForm(viewerPage, org.users.viewer.email, TEST_PASSWORD);
    await viewerPage.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await viewerPage
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await viewerPage.getByRole('link', { name: 'Rita Rivers' }).click();
    await viewerPage.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    // The page has settled once the details card is there.
    await viewerPage.getByRole('table', { name: 'Contact details' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: /Restrict processing|Lift restriction/ }).count()).toBe(0);
    await viewerPage.close();
  });
});
