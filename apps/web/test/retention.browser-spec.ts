import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  type BrowserHarness,
  bearerFor,
  createOrganization,
  DAY_MS,
  describeInBrowser,
  horizontalOverflow,
  NARROW_PHONE,
  runRetentionRule,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { RetentionRunner } from '../../api/src/retention/retention-runner.service.js';

const COOKIE_RULE = 'Logged cookie choices (proof of consent)';

/**
 * Retention and legal holds as a privacy officer uses them: the rules with their sentences, a
 * dry run over expired data, a run on demand followed to its receipt, the purge history, a
 * hold set on a contact and released; and nothing of it offered to a viewer.
 */
describeInBrowser('retention and legal holds, in Chromium', () => {
  let harness: BrowserHarness;
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let contactId: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  /** The organization's cookie choices older than a year (the seeded expired ones). */
  const expiredProofs = async () =>
    (
      await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cookie_consents
          WHERE organization_id = $1 AND recorded_at < now() - interval '1 year'`,
        [org.organizationId],
      )
    )[0].n;

  beforeAll(async () => {
    harness = await startBrowserHarness({ env: { JOBS_POLL_INTERVAL_MS: '500' } });
    ({ app, browser, base } = harness);
    org = await createOrganization(app, ['owner', 'privacy_officer', 'viewer']);
    const owner = await bearerFor(app, org.users.owner.email);
    const branchId = (
      await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)
    ).body.id;
    contactId = (
      await app
        .http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ fullName: 'Rita Rivers', branchId, email: 'rita@riverside.example' })
        .expect(201)
    ).body.id;
    // Seven cookie choices long past their period, and one made today (kept, and next to expire).
    const insert = (count: number, at: Date) =>
      app.db.query(
        `INSERT INTO cookie_consents (consent_id, categories, revision, recorded_at, organization_id)
         SELECT gen_random_uuid(), '{essential}', 1, $1, $2 FROM generate_series(1, $3)`,
        [at, org.organizationId, count],
      );
    await insert(7, new Date(Date.now() - 2000 * DAY_MS));
    await insert(1, new Date());
    // A scheduled run of another rule, so the history holds both triggers.
    await runRetentionRule(app, 'sign-in-failures');
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function open(email: string, options: object = {}) {
    context = await browser.newContext(options);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, email, TEST_PASSWORD);
    await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
  }

  const seriousViolations = async () => {
    await page.waitForLoadState('networkidle');
    await page.mouse.move(0, 0); // a hovered button is no resting state
    // Let a drawer or dialog finish opening first: axeViolations polls for that through a string
    // waitForFunction, which the app's Content-Security-Policy (no unsafe-eval) reports as a page error.
    await page.evaluate('Promise.allSettled(document.getAnimations().map((animation) => animation.finished))');
    return (await axeViolations(page)).map(
      (violation) => `${violation.impact} ${violation.id} ${violation.targets.slice(0, 4).join(' | ')}`,
    );
  };

  it('should show the rules, preview one over expired data, run it now and show its receipt and history', async () => {
    const officer = await bearerFor(app, org.users.privacy_officer.email);
    const rules = (await app.http().get('/api/v1/retention/rules').set('authorization', officer).expect(200)).body
      .items as Array<{ key: string; title: string; sentence: string; setting: string }>;
    await open(org.users.privacy_officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    expect(await page.title()).toBe('Retention · Steward CRM');
    // Each rule with the sentence its period produces and the setting behind it.
    for (const rule of rules) {
      const card = page.getByRole('region', { name: rule.title });
      await card.getByText(rule.sentence, { exact: true }).waitFor();
      await card.getByText(rule.setting, { exact: true }).waitFor();
    }
    expect(await seriousViolations()).toEqual([]);

    // The dry run: seven expired, none held, five sample ids.
    await page.getByRole('button', { name: `Preview ${COOKIE_RULE}` }).click();
    const drawer = page.getByRole('dialog', { name: `Dry run: ${COOKIE_RULE}` });
    await drawer.getByText('Eligible now').waitFor();
    expect(await drawer.getByText('7 rows', { exact: true }).count()).toBe(1);
    expect(await drawer.getByText('0 rows', { exact: true }).count()).toBe(1);
    expect(await drawer.getByRole('list', { name: 'Sample ids' }).getByRole('listitem').count()).toBe(5);
    // Today's choice (and any the sign-in logged) expires later: listed with a date, not purged now.
    const expiries = drawer.getByRole('list', { name: 'Next expiries' }).locator('time');
    expect(await expiries.count()).toBeGreaterThanOrEqual(1);
    expect(new Date((await expiries.first().getAttribute('datetime')) as string).getTime()).toBeGreaterThan(Date.now());
    expect(await seriousViolations()).toEqual([]);
    expect(await expiredProofs()).toBe(7); // a dry run deletes nothing

    // Run now: the question states the count and that it cannot be undone; the run is followed to its end.
    await drawer.getByRole('button', { name: 'Run now' }).click();
    const dialog = page.getByRole('dialog', { name: `Run ${COOKIE_RULE} now?` });
    await dialog
      .getByText(/^7 rows of your organization past the period .* will be deleted now\. This cannot be undone\./)
      .waitFor();
    await dialog.getByRole('button', { name: 'Delete now' }).click();
    const progress = page.getByRole('dialog', { name: `Run: ${COOKIE_RULE}` });
    await progress.getByText('The run is complete').waitFor({ timeout: 20_000 });
    await progress.getByText('7 rows deleted.').waitFor();
    const receipt = progress.getByRole('table', { name: 'Run receipt' });
    await receipt.getByRole('row', { name: 'Deleted 7 rows' }).waitFor();
    await receipt.getByRole('row', { name: 'Trigger On demand' }).waitFor();
    expect(await expiredProofs()).toBe(0);
    const download = page.waitForEvent('download');
    await progress.getByRole('button', { name: 'Download receipt (JSON)' }).click();
    const file = JSON.parse(await readFile((await (await download).path()) as string, 'utf8'));
    expect(file).toMatchObject({
      rule: 'cookie-choices',
      trigger: 'manual',
      status: 'completed',
      purged: { 'consent.cookie-choices': 7 },
    });
    await progress.getByRole('button', { name: 'Close' }).click();
    await progress.waitFor({ state: 'detached' });

    // The history: both runs, newest first; the on-demand one with its counts per category.
    await page.getByRole('tab', { name: 'Purge history' }).click();
    const history = page.getByRole('table', { name: 'Purge history' });
    const manual = history.getByRole('row', {
      name: new RegExp(`${COOKIE_RULE.replace(/[()]/g, '\\$&')} On demand Completed 7 0`),
    });
    await manual.waitFor();
    await history
      .getByRole('row', { name: /Scheduled Completed/ })
      .first()
      .waitFor();
    await manual.getByRole('button', { name: 'Details' }).click();
    await history
      .getByRole('table', { name: 'Deleted per category' })
      .getByRole('row', { name: 'consent.cookie-choices 7' })
      .waitFor();
    expect(await seriousViolations()).toEqual([]);
    // Filtered by rule, only its runs show.
    await page.getByRole('combobox', { name: 'Rule' }).click();
    await page.getByRole('option', { name: COOKIE_RULE }).click();
    await history
      .getByRole('row', { name: /Scheduled Completed/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await history.getByRole('row', { name: /Scheduled/ }).count()).toBe(0);
    await manual.waitFor();
  });

  it('should say so when the rule is running already', async () => {
    // A run of the rule in progress elsewhere (started, not yet worked).
    const running = await app.app
      .get(RetentionRunner)
      .start({ rule: 'schedule-history', organizationId: org.organizationId, trigger: 'manual' });
    expect(running).not.toBeNull();
    const title = (
      await app
        .http()
        .get('/api/v1/retention/rules')
        .set('authorization', await bearerFor(app, org.users.owner.email))
        .expect(200)
    ).body.items.find((rule: { key: string }) => rule.key === 'schedule-history').title as string;
    await open(org.users.privacy_officer.email);
    await page.goto(`${base}/admin/retention`);
    await page.getByRole('button', { name: `Run now: ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Run ${title} now?` });
    await dialog.getByText(/will be deleted now|would delete nothing/).waitFor();
    await dialog.getByRole('button', { name: 'Delete now' }).click();
    await dialog.getByRole('alert').getByText('This rule is running already').waitFor();
    expect(await dialog.getByRole('button', { name: 'Delete now' }).isDisabled()).toBe(true);
    // Worked to its end, so no run is left in progress.
    await app.app.get(RetentionRunner).continue(running?.id as string);
  });

  it('should let the organization choose its own period within bounds, and go back to the platform’s', async () => {
    await open(org.users.privacy_officer.email);
    await page.goto(`${base}/admin/retention`);
    const card = page.getByRole('region', { name: 'Calendar entries that belong to no job' });
    await card.getByRole('button', { name: /^Change period/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Period for/ });
    const input = dialog.getByRole('textbox', { name: 'Period in days' });
    await input.fill('5');
    await dialog.getByRole('button', { name: 'Save period' }).click();
    await dialog
      .getByText(/between 30 and 3650 days/)
      .first()
      .waitFor();
    await input.fill('90');
    await dialog.getByRole('button', { name: 'Save period' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText(/kept 90 days after they ended/).waitFor();
    await card.getByText(/your organization’s own period/).waitFor();
    await card.getByRole('button', { name: /^Change period/ }).click();
    await page
      .getByRole('dialog', { name: /^Period for/ })
      .getByRole('button', { name: 'Use the platform’s period' })
      .click();
    await card.getByText(/kept 730 days after they ended/).waitFor();
  });

  it('should set a legal hold on a contact, list it and release it with a reason', async () => {
    await open(org.users.privacy_officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Legal holds' }).click();
    await page.getByRole('heading', { name: 'Legal holds', level: 1 }).waitFor();
    expect(await page.title()).toBe('Legal holds · Steward CRM');
    await page.getByText('No hold is in force.').waitFor();

    // The API's field errors show on the field they name.
    await page.getByRole('button', { name: 'Set a legal hold' }).click();
    let form = page.getByRole('dialog', { name: 'Set a legal hold' });
    await form.getByText('Name the matter, not people', { exact: false }).waitFor();
    await form.getByRole('textbox', { name: 'ID' }).fill('not-an-id');
    await form.getByRole('textbox', { name: 'Reason' }).fill('Litigation hold, matter 2026-114');
    await form.getByRole('button', { name: 'Set the hold' }).click();
    await form.getByText('ID must be the id of the subject or record.').waitFor();
    expect(await form.getByRole('textbox', { name: 'ID' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    // From the contact's page, the form comes prefilled with the contact.
    await page.goto(`${base}/contacts/${contactId}`);
    await page.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    await page.getByRole('button', { name: 'Legal hold' }).click();
    form = page.getByRole('dialog', { name: 'Set a legal hold' });
    expect(await form.getByRole('textbox', { name: 'ID' }).inputValue()).toBe(contactId);
    await form.getByRole('textbox', { name: 'Reason' }).fill('Litigation hold, matter 2026-114');
    await form.getByRole('button', { name: 'Set the hold' }).click();
    await form.waitFor({ state: 'detached' });

    await page.goto(`${base}/admin/legal-holds`);
    const table = page.getByRole('table', { name: 'Legal holds' });
    const row = table.getByRole('row', { name: /Litigation hold, matter 2026-114/ });
    await row.getByText('In force').waitFor();
    await row.getByText('Data subject').waitFor();
    expect(await row.getByRole('link', { name: `Contact ${contactId}` }).getAttribute('href')).toBe(
      `/contacts/${contactId}`,
    );
    expect(await seriousViolations()).toEqual([]);

    await row.getByRole('button', { name: 'Release' }).click();
    const release = page.getByRole('dialog', { name: 'Release the legal hold?' });
    await release.getByRole('button', { name: 'Release the hold' }).click();
    await release.getByText('Say why the hold is no longer needed.').waitFor();
    await release.getByRole('textbox', { name: 'Reason' }).fill('Matter 2026-114 settled');
    await release.getByRole('button', { name: 'Release the hold' }).click();
    await release.waitFor({ state: 'detached' });
    await page.getByText('No hold is in force.').waitFor();
    await page.getByRole('radiogroup', { name: 'Show holds' }).getByText('Released', { exact: true }).click();
    const released = table.getByRole('row', { name: /Litigation hold, matter 2026-114/ });
    await released.getByText('Matter 2026-114 settled').waitFor();
    expect(await released.getByRole('button', { name: 'Release' }).count()).toBe(0);
    const holds = await app.db.query<{ released_at: Date | null }>(
      'SELECT released_at FROM legal_holds WHERE target_id = $1',
      [contactId],
    );
    expect(holds).toHaveLength(1);
    expect(holds[0].released_at).not.toBeNull();
  });

  it('should fit a phone screen', async () => {
    await open(org.users.privacy_officer.email, NARROW_PHONE);
    await page.goto(`${base}/admin/retention`);
    await page.getByRole('region', { name: COOKIE_RULE }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('tab', { name: 'Purge history' }).click();
    await page.getByRole('table', { name: 'Purge history' }).getByRole('row').nth(1).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${base}/admin/legal-holds`);
    await page.getByRole('radiogroup', { name: 'Show holds' }).getByText('All', { exact: true }).click();
    await page.getByRole('table', { name: 'Legal holds' }).getByRole('row').nth(1).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('should offer neither page to a viewer', async () => {
    await open(org.users.viewer.email);
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'Retention' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Legal holds' }).count()).toBe(0);
    await page.goto(`${base}/admin/retention`);
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  });
});
