import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  linkIn,
  type MailCatcher,
  startBrowserHarness,
  startMailCatcher,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

const APP_URL = 'https://crm.example.test';
const INVITEE_PASSWORD = 'lighthouse marmalade afternoon';

describeInBrowser('inviting a colleague, in Chromium', () => {
  let mail: MailCatcher;
  let harness: BrowserHarness;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let admin: Page;

  beforeAll(async () => {
    mail = await startMailCatcher();
    harness = await startBrowserHarness({ env: { SMTP_URL: mail.url, APP_URL } });
    ({ browser, base } = harness);
    org = await createOrganization(harness.app, ['owner', 'admin', 'viewer']);
    admin = await (await browser.newContext()).newPage();
    await admin.goto(`${base}/sign-in`);
    await submitSignInForm(admin, org.users.admin.email, TEST_PASSWORD);
    await admin.getByRole('heading', { name: 'Welcome back, Test admin' }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
    await mail?.close();
  });

  /**
   * Picks an option of a Mantine select in the dialog (its list opens in a portal, outside
   * the dialog), then clicks the dialog's title so that a multi-select's list closes too.
   */
  async function choose(dialog: Locator, field: string, option: string) {
    await dialog.getByRole('combobox', { name: field }).click();
    await admin.getByRole('option', { name: option, exact: true }).click();
    await dialog.getByRole('heading').click();
    await admin.getByRole('listbox').waitFor({ state: 'detached' });
  }

  const usersTable = () => admin.getByRole('table', { name: 'Users' });

  async function invite(email: string, fullName: string, branch: string | null) {
    await admin.getByRole('link', { name: 'Users' }).click();
    await usersTable().getByText('Olive Owner').waitFor();
    await admin.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite someone' });
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Full name').fill(fullName);
    await dialog.getByLabel('Job title').fill('Field agent');
    await choose(dialog, 'Role', 'Agent');
    if (branch) await choose(dialog, 'Branches', branch);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    return dialog;
  }

  async function openInvitation(email: string): Promise<Page> {
    const link = linkIn(await mail.waitFor(email), `${APP_URL}/accept-invitation`);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: /^Join Test Org \w+ as Agent$/ }).waitFor();
    return page;
  }

  it('should invite someone with a role and a branch, who accepts from the email and signs in', async () => {
    await admin.getByRole('link', { name: 'Branches' }).click();
    await admin.getByLabel('New branch').fill('Leeds');
    await admin.getByRole('button', { name: 'Add branch' }).click();
    await admin.getByRole('table', { name: 'Branches' }).getByText('Leeds').waitFor();

    // An agent works in a branch: without one, the API's message shows beside the field.
    const email = `sam.${randomUUID().slice(0, 8)}@example.test`;
    const dialog = await invite(email, 'Sam Carter', null);
    await dialog.getByText(/works in at least one branch/).waitFor();
    await choose(dialog, 'Branches', 'Leeds');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = usersTable().getByRole('row', { name: /Sam Carter/ });
    await row.getByText('Invited').waitFor();
    await row.getByText('Leeds').waitFor();

    // The search box narrows the list.
    await admin.getByLabel('Search').fill('carter');
    await usersTable().getByText('Olive Owner').waitFor({ state: 'detached' });
    expect(await usersTable().locator('tbody tr').count()).toBe(1);

    const invitee = await openInvitation(email);
    await invitee.getByText('Sam Carter', { exact: true }).waitFor();
    await invitee.getByRole('textbox', { name: 'Choose a password' }).fill(INVITEE_PASSWORD);
    await invitee.getByLabel('I am at least 18 years old').check();
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();

    await invitee.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await invitee
      .getByRole('status')
      .getByText(/Your account is ready/)
      .waitFor();
    expect(await invitee.getByLabel('Email').inputValue()).toBe(email);
    await submitSignInForm(invitee, email, INVITEE_PASSWORD);
    await invitee.getByRole('heading', { name: 'Welcome back, Sam Carter' }).waitFor();
    expect(await invitee.getByText('Agent', { exact: true }).count()).toBeGreaterThan(0);
    // An agent administers nothing.
    expect(await invitee.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await invitee.context().close();

    await admin.reload();
    await admin.getByLabel('Search').fill('carter');
    await usersTable()
      .getByRole('row', { name: /Sam Carter/ })
      .getByText('Active')
      .waitFor();
  });

  it('should refuse someone under the minimum age and delete their invitation', async () => {
    const email = `kit.${randomUUID().slice(0, 8)}@example.test`;
    await admin.getByLabel('Search').fill('');
    const dialog = await invite(email, 'Kit Young', 'Leeds');
    await dialog.waitFor({ state: 'detached' });
    await usersTable()
      .getByRole('row', { name: /Kit Young/ })
      .waitFor();

    const invitee = await openInvitation(email);
    const fifteenYearsAgo = new Date();
    fifteenYearsAgo.setUTCFullYear(fifteenYearsAgo.getUTCFullYear() - 15);
    await invitee.getByRole('textbox', { name: 'Choose a password' }).fill(INVITEE_PASSWORD);
    await invitee.getByLabel('Date of birth').fill(fifteenYearsAgo.toISOString().slice(0, 10));
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();
    await invitee
      .getByRole('alert')
      .getByText(/Nothing you entered has been kept/)
      .waitFor();
    await invitee.context().close();

    await admin.reload();
    await usersTable().getByText('Olive Owner').waitFor();
    expect(await usersTable().getByText('Kit Young').count()).toBe(0);
  });

  it('should resend and withdraw an invitation, and disable and enable an account', async () => {
    const email = `robin.${randomUUID().slice(0, 8)}@example.test`;
    await admin.getByLabel('Search').fill('');
    await (await invite(email, 'Robin Resend', 'Leeds')).waitFor({ state: 'detached' });
    const first = linkIn(await mail.waitFor(email), `${APP_URL}/accept-invitation`);

    await admin.getByRole('button', { name: 'Actions for Robin Resend' }).click();
    await admin.getByRole('menuitem', { name: 'Resend invitation' }).click();
    await admin.getByText(`Invitation sent again to ${email}`, { exact: false }).waitFor();
    // The new link replaces the first one.
    const stale = await (await browser.newContext()).newPage();
    await stale.goto(`${base}${first.pathname}${first.search}`);
    await stale.getByRole('alert').getByText('This invitation link does not work').waitFor();
    await stale.context().close();

    await admin.getByRole('button', { name: 'Actions for Robin Resend' }).click();
    await admin.getByRole('menuitem', { name: 'Withdraw invitation' }).click();
    const withdraw = admin.getByRole('dialog', { name: 'Withdraw the invitation to Robin Resend?' });
    await withdraw.getByRole('button', { name: 'Withdraw invitation' }).click();
    await usersTable().getByText('Robin Resend').waitFor({ state: 'detached' });

    const viewer = usersTable().getByRole('row', { name: /Test viewer/ });
    await admin.getByRole('button', { name: 'Actions for Test viewer' }).click();
    await admin.getByRole('menuitem', { name: 'Disable account' }).click();
    await admin
      .getByRole('dialog', { name: 'Disable Test viewer?' })
      .getByRole('button', { name: 'Disable account' })
      .click();
    await viewer.getByText('Disabled').waitFor();
    const signIn = await harness.app.http().post('/api/v1/auth/sign-in').send({
      email: org.users.viewer.email,
      password: TEST_PASSWORD,
    });
    // A disabled account looks like a wrong password from outside.
    expect(signIn.status).toBe(401);

    await admin.getByRole('button', { name: 'Actions for Test viewer' }).click();
    await admin.getByRole('menuitem', { name: 'Enable account' }).click();
    await viewer.getByText('Active').waitFor();
  });
});
