import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** An action code as the API names it (`auth.sign_in`): never what a person should read. */
const ACTION_CODE = /^[a-z_]+(\.[a-z_]+)+\.?$/;

describeInBrowser('the audit trail, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let org: TestOrganization;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'admin', 'manager']);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(async () => {
    await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function signIn(email: string, name: string) {
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: `Welcome back, ${name}` }).waitFor();
  }

  it('should show an admin their own sign-in, filter by family, open an entry, export and verify the chain', async () => {
    // Something that is not a sign-in, for the filter to leave out.
    const admin = await bearerFor(app, org.users.admin.email);
    await app.http().post('/api/v1/audit/verify').set('authorization', admin).expect(200);

    await signIn(org.users.admin.email, 'Test admin');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit entries' });
    const signInRow = table.getByRole('row', { name: /Test admin.*Sign-in with password.*Success/ }).first();
    await signInRow.waitFor();
    await table
      .getByRole('row', { name: /Test admin.*Audit trail verified/ })
      .first()
      .waitFor();

    // Every action has words: the picker lists none by its code.
    await page.getByRole('combobox', { name: 'Action' }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.length).toBeGreaterThan(30);
    expect(options.filter((option) => ACTION_CODE.test(option.trim()))).toEqual([]);
    await page.getByRole('option', { name: 'Any sign-in or security event' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'auth.');
    await table.getByRole('row', { name: /Audit trail verified/ }).waitFor({ state: 'detached' });
    await signInRow.waitFor();

    await signInRow.click();
    let drawer = page.getByRole('dialog', { name: /^Entry #\d+$/ });
    await drawer.getByText('auth.sign_in', { exact: true }).waitFor();
    expect(await drawer.getByText('Chrome on Linux').count()).toBe(1);
    expect((await drawer.getByLabel('Request id').textContent())?.trim()).not.toBe('');
    const seq = new URL(page.url()).searchParams.get('entry');
    expect(seq).toMatch(/^\d+$/);

    // The address is the view: opened anew, it shows the same filter and entry.
    await page.goto(page.url());
    drawer = page.getByRole('dialog', { name: `Entry #${seq}` });
    await drawer.getByText('Sign-in with password').waitFor();
    expect(await page.getByRole('combobox', { name: 'Action' }).inputValue()).toBe('Any sign-in or security event');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('entry')).toBe(false);

    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await readFile(await exported.path(), 'utf8');
    // A byte-order mark first, so Excel reads it as UTF-8.
    expect(file.startsWith('\uFEFF')).toBe(true);
    const csv = file.slice(1);
    expect(csv.split(/\r?\n/)[0]).toBe(
      'seq,at,actorKind,actorId,actorName,action,targetType,targetId,outcome,requestId,ip,userAgent,details',
    );
    expect(csv).toContain(`${org.users.admin.id},Test admin,auth.sign_in,`);
    expect(csv).not.toContain('audit.verified');

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    const result = page.getByRole('status').filter({ hasText: 'The audit trail is intact' });
    await result.waitFor();
    expect(await result.textContent()).toMatch(/\d+ entr(y|ies) checked, from #\d+ to #\d+/);
    expect((await result.getByLabel('Head hash').textContent())?.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should point at the entry that was altered behind the trail's back, and open it", async () => {
    const tampered = await createOrganization(app, ['owner']);
    await bearerFor(app, tampered.users.owner.email);
    const [victim] = await app.db.query<{ seq: string }>(
      "SELECT seq::text AS seq FROM audit_entries WHERE organization_id = $1 AND action = 'auth.sign_in' ORDER BY seq LIMIT 1",
      [tampered.organizationId],
    );
    // Someone with database access switches the guard off and rewrites history.
    await app.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
    await app.db.query("UPDATE audit_entries SET ip = '203.0.113.9' WHERE organization_id = $1 AND seq = $2", [
      tampered.organizationId,
      victim.seq,
    ]);
    await app.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');

    await signIn(tampered.users.owner.email, 'Olive Owner');
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    const result = page.getByRole('alert').filter({ hasText: 'The audit trail has been tampered with' });
    await result
      .getByText(`The first broken entry is #${victim.seq}: Its content was changed after it was written.`)
      .waitFor();
    expect(await result.getByRole('list', { name: 'Broken entries' }).getByRole('listitem').count()).toBe(1);

    await result.getByRole('button', { name: `#${victim.seq}`, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: `Entry #${victim.seq}` });
    await drawer.getByText('203.0.113.9').waitFor();
    expect(new URL(page.url()).searchParams.get('entry')).toBe(victim.seq);
  });

  it('should list a sign-in and a failed attempt with the address on the security page', async () => {
    const attempt = await app
      .http()
      .post('/api/v1/auth/sign-in')
      .set('user-agent', 'curl/8.5.0')
      .send({ email: org.users.owner.email, password: 'not the password at all' });
    expect(attempt.status).toBe(401);

    await signIn(org.users.owner.email, 'Olive Owner');
    await page.getByRole('link', { name: 'Security' }).click();
    const events = page.getByRole('table', { name: 'Recent security activity' });
    await events.getByRole('row', { name: /Sign-in with password.*By you.*Success.*Chrome on Linux/ }).waitFor();
    await events.getByRole('row', { name: /Sign-in with password.*Attempt on your account.*Failure.*curl/ }).waitFor();
  });

  it('should keep the trail from roles without audit:read', async () => {
    await signIn(org.users.manager.email, 'Test manager');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Users' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  });
});
