import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import {
  axeViolations,
  type BrowserHarness,
  createOrganization,
  describeInBrowser,
  startBrowserHarness,
  submitSignInForm,
  TEST_PASSWORD,
  type TestOrganization,
} from '#testing';

describeInBrowser('Webhooks in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;
  let receiver: Server;
  let url: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failures = 1;
  /** Each attempt (CI runs a failed browser test once more) adds its own endpoint. */
  let endpointName = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = failures-- > 0 ? 500 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    harness = await startBrowserHarness({
      env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', JOBS_POLL_INTERVAL_MS: '500' },
    });
    org = await createOrganization(harness.app, ['owner']);
  });
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  /** Refreshes the delivery log until `target` shows (the worker delivers in the background). */
  async function refreshUntil(target: Locator): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await target.count()) === 0 && Date.now() < deadline) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(300);
    }
    await target.first().waitFor();
  }

  /** The status filter above the log (Mantine hides its radios under their labels). */
  const showOnly = (status: string) => page.locator(`label[for$="-${status}"]`).click();

  const editEnabled = async (enabled: boolean) => {
    await page.getByRole('row', { name: endpointName }).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit endpoint' });
    const toggle = dialog.getByRole('switch', { name: 'Enabled' });
    if ((await toggle.isChecked()) !== enabled) await toggle.click({ force: true });
    await dialog.getByRole('button', { name: 'Save endpoint' }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('should add an endpoint, show its secret once, send test events, show the log and retry by hand', async () => {
    received.length = 0;
    failures = 1;
    endpointName = `Warehouse sync ${Date.now()}`;
    await page?.context().close();
    page = await harness.browser.newPage();
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
    await dialog.getByRole('textbox', { name: 'Description' }).fill(endpointName);
    await dialog.getByRole('checkbox', { name: /subject\.erased/ }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.waitFor({ state: 'detached' });
    const secret = (await page.getByLabel('New signing secret', { exact: true }).textContent())?.trim() as string;
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('row', { name: endpointName });
    await row.getByText('subject.erased').waitFor();

    // The receiver fails the first attempt: the log shows the delivery retrying and the answer it got.
    await row.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByRole('table', { name: 'Delivery log' });
    await refreshUntil(log.getByText('receiver answered 500'));
    await log.getByText('Retrying').waitFor();
    expect(received).toHaveLength(1);
    const verified = new Webhook(secret).verify(received[0].body, received[0].headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'webhook.test' });

    // A disabled endpoint receives nothing: its test event fails at once.
    await editEnabled(false);
    await row.getByText('Disabled').waitFor();
    await row.getByRole('button', { name: 'Send test event' }).click();
    await refreshUntil(log.getByText('endpoint disabled'));
    await showOnly('failed');
    await log.getByText('Failed', { exact: true }).waitFor();
    expect(await log.getByRole('row').count()).toBe(2); // the header and the failed delivery

    // Enabled again, the failed delivery is retried by hand and arrives, signed.
    await editEnabled(true);
    await log.getByRole('button', { name: 'Retry' }).click();
    await showOnly('succeeded');
    await refreshUntil(log.getByText('Delivered', { exact: true }));
    expect(received).toHaveLength(2);
    expect(new Webhook(secret).verify(received[1].body, received[1].headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });

    await page.reload();
    await page.getByRole('table', { name: 'Webhook endpoints' }).getByText(endpointName).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    // With the delivery log open, nothing serious for axe (WCAG 2.1 A and AA).
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByRole('table', { name: 'Delivery log' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.mouse.move(0, 0); // a hovered button is no resting state
    expect(
      (await axeViolations(page)).map(
        (violation) => `${violation.impact} ${violation.id} ${violation.targets.slice(0, 4).join(' | ')}`,
      ),
    ).toEqual([]);
  });
});
