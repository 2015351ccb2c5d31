import { readFile } from 'node:fs/promises';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import {
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';

const focusedLabel = (page: Page) =>
  page.evaluate<string | null>('document.activeElement?.labels?.[0]?.textContent ?? null');

const codeAt = (secret: string, offset: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describeInBrowser('two-step verification in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'admin']);
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function signIn(email: string) {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
  }

  async function typeCode(code: string) {
    await page.locator('input[inputmode="numeric"]').first().click();
    await page.keyboard.type(code);
  }

  it('should set up two-step verification with a QR code and then ask for a code at sign-in', async () => {
    await signIn(org.users.admin.email);
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByLabel('Set-up key').textContent())?.trim() as string;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await typeCode(await codeAt(secret, -1));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-step verification is on. Save your recovery codes').waitFor();
    expect(await page.getByLabel('Recovery codes').locator('li').count()).toBe(10);

    await page.getByRole('button', { name: 'Sign out' }).click();
    // Navigating on before sign-out finishes would abort it and keep the session.
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await signIn(org.users.admin.email);
    await page.getByText('Enter the 6-digit code from your authenticator app.').waitFor();
    await typeCode('123456');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .getByRole('alert')
      .getByText(/That code did not work/)
      .waitFor();

    await typeCode(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Signed in: the SPA returns to where the user was, so check the session, not the page.
    await page.getByLabel('Signed in user').getByText('Test admin').waitFor();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Welcome back, Test admin' }).waitFor();
  });

  it('should let the codes be copied, downloaded and made anew, and turn two-step verification off with a new one', async () => {
    const own = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await own.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await own.goto(`${base}/sign-in`);
    await submitSignInForm(own, org.users.owner.email, TEST_PASSWORD);
    await own.getByRole('heading', { name: /Welcome back/ }).waitFor();
    await own.goto(`${base}/security`);
    await own.getByRole('button', { name: 'Set up two-step verification' }).click();
    const secret = (await own.getByLabel('Set-up key').textContent())?.trim() as string;
    await own.locator('input[inputmode="numeric"]').first().click();
    await own.keyboard.type(await codeAt(secret, 0));
    await own.getByRole('button', { name: 'Turn on' }).click();
    // allTextContents does not wait: wait for the list the answer renders.
    await own.getByLabel('Recovery codes').locator('li').first().waitFor();
    const codes = await own.getByLabel('Recovery codes').locator('li').allTextContents();
    expect(codes).toHaveLength(10);

    await own.getByRole('button', { name: 'Copy codes' }).click();
    await own.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await own.evaluate<string>('navigator.clipboard.readText()')).toBe(codes.join('\n'));
    const [download] = await Promise.all([
      own.waitForEvent('download'),
      own.getByRole('button', { name: 'Download codes' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('steward-recovery-codes.txt');
    const file = await readFile((await download.path()) as string, 'utf8');
    for (const code of codes) expect(file).toContain(code);

    // New codes: the password and the app's current code (a recovery code will not do).
    await own.getByRole('button', { name: 'Make new recovery codes' }).click();
    const renew = own.getByRole('form', { name: 'Make new recovery codes' });
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    await renew.getByText('Enter your password.').waitFor();
    expect(await focusedLabel(own)).toMatch(/^Password/);
    await renew.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await renew.getByRole('textbox', { name: 'Code' }).fill(codes[0]);
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    await renew.getByText('Enter the 6-digit code your authenticator app shows now.').waitFor();
    await renew.getByRole('textbox', { name: 'Code' }).fill('000000');
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    await renew.getByRole('alert').getByText('The verification code is not valid').waitFor();
    await renew.getByRole('textbox', { name: 'Code' }).fill(await codeAt(secret, 1));
    await renew.getByRole('button', { name: 'Make new codes' }).click();
    await own.getByText('New recovery codes. Save them now: the old ones no longer work').waitFor();
    await own.getByLabel('Recovery codes').locator('li').first().waitFor();
    const renewed = await own.getByLabel('Recovery codes').locator('li').allTextContents();
    expect(renewed).toHaveLength(10);
    expect(renewed.filter((code) => codes.includes(code))).toEqual([]);
    await own.getByRole('button', { name: 'Copy codes' }).click();
    await own.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await own.evaluate<string>('navigator.clipboard.readText()')).toBe(renewed.join('\n'));
    await own.getByRole('table', { name: 'Recent security activity' }).getByText('New recovery codes made').waitFor();

    // Off again: the password and a recovery code (the phone may be gone). The old set no longer works.
    await own.getByRole('button', { name: 'Turn off two-step verification' }).click();
    const off = own.getByRole('form', { name: 'Turn off two-step verification' });
    await off.getByRole('button', { name: 'Turn off' }).click();
    await off.getByText('Enter your password.').waitFor();
    await off.getByRole('textbox', { name: 'Password' }).fill(TEST_PASSWORD);
    await off.getByRole('textbox', { name: 'Code' }).fill(codes[3]);
    await off.getByRole('button', { name: 'Turn off' }).click();
    await off.getByRole('alert').getByText('The verification code is not valid').waitFor();
    await off.getByRole('textbox', { name: 'Code' }).fill(renewed[3]);
    await off.getByRole('button', { name: 'Turn off' }).click();
    await own.getByRole('button', { name: 'Set up two-step verification' }).waitFor();
    await own.getByText('Off', { exact: true }).waitFor();
    await own.context().close();
  });

  it('should list this device among the sessions and log out everywhere', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    const sessions = page.getByRole('table', { name: 'Your sessions' });
    await sessions.getByText('This device').waitFor();
    expect(await sessions.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Log out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
  });
});
