import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  describeInBrowser,
  launchBrowser,
  type TestApp,
  type TestOrganization,
} from '#testing';

/**
 * Swagger UI at /docs as an integrator meets it, in Chromium under the app's own
 * Content-Security-Policy: Authorize explains each credential, an operation names the
 * permission it needs, and "Try it out" with an API key reads the contacts.
 */
describeInBrowser('Swagger UI at /docs, in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let secret: string;

  beforeAll(async () => {
    app = await createTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    org = await createOrganization(app);
    const owner = await bearerFor(app, org.users.owner.email);
    const key = await app
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', owner)
      .send({ name: 'Swagger UI', scopes: ['clients:read'] })
      .expect(201);
    secret = key.body.secret;
    const branch = await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' });
    await app
      .http()
      .post('/api/v1/contacts')
      .set('authorization', owner)
      .send({ fullName: 'Nadia Brennan', branchId: branch.body.id })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The page, and every console error and CSP violation it reports. */
  async function openDocs(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/docs`);
    await page.getByRole('heading', { name: /Steward CRM API/ }).waitFor();
    return { page, errors };
  }

  it('should explain in Authorize how to get a token and an API key', async () => {
    const { page, errors } = await openDocs();
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.waitFor();
    const text = await dialog.innerText();
    const schemes = [...text.matchAll(/^([\w-]+)\s+\((apiKey|http, Bearer)\)$/gm)].map((match) => match[1]);
    expect(schemes.sort()).toEqual(['api-key', 'api-key-bearer', 'bearer', 'refresh-cookie']);
    expect(text).toContain('POST /api/v1/auth/sign-in');
    expect(text).toContain('POST /api/v1/auth/sign-in/mfa');
    expect(text).toContain('Authorization: Bearer stw_');
    expect(text).toContain('API keys');
    expect(text).toContain('X-API-Key');
    expect(errors).toEqual([]);
  });

  it('should show the permission an operation needs, and answer 200 when tried with an API key', async () => {
    const { page, errors } = await openDocs();
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const apiKey = page.locator('.modal-ux .auth-container').filter({ hasText: 'api-key (apiKey)' });
    await apiKey.locator('input').fill(secret);
    await apiKey.locator('button[type=submit]').click();
    await apiKey.getByText('Authorized').waitFor();
    await page.locator('.modal-ux .btn-done').first().click();

    // Tags start folded: find the contacts with the filter box, then open the tag.
    await page.locator('.operation-filter-input').fill('contacts');
    await page.locator('.opblock-tag[data-tag="contacts"]').click();
    const operation = page.locator('.opblock').filter({
      has: page.locator('.opblock-summary-path[data-path="/api/v1/contacts"]'),
      hasText: 'GET',
    });
    await operation.locator('.opblock-summary').first().click();
    await expect(operation.locator('.opblock-description-wrapper').innerText()).resolves.toContain(
      'Requires permission clients:read',
    );
    // tryItOutEnabled: the form is open at once.
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    // No filter is filled in for the explorer: the whole list comes back.
    expect(await operation.locator('.request-url pre').innerText()).toBe(`${base}/api/v1/contacts`);
    const body = JSON.parse(await operation.locator('.live-responses-table .microlight').first().innerText());
    expect(body.items.map((contact: { fullName: string }) => contact.fullName)).toEqual(['Nadia Brennan']);
    expect(errors).toEqual([]);
  });
});
