import type { Page } from 'playwright-core';
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

describeInBrowser('Subscription page in Chromium', () => {
  let harness: BrowserHarness;
  let org: TestOrganization;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    org = await createOrganization(harness.app, ['owner', 'agent']);
    page = await harness.browser.newPage();
  });
  afterAll(() => harness?.close());

  const nameOf = async () =>
    (
      await harness.app.db.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [org.organizationId])
    )[0].name;

  const serious = async () => {
    // Measured with the pointer away from the navigation (a hovered active link paints darker).
    await page.mouse.move(2, 2);
    return (await axeViolations(page)).map(
      (violation) => `${violation.impact} ${violation.id} ${violation.targets.slice(0, 4).join(' | ')}`,
    );
  };

  it('should show the state, terminate after typing the name, count down in red, and restore', async () => {
    await page.goto(`${harness.base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Subscription', exact: true }).click();
    await page.getByRole('heading', { name: 'Subscription', exact: true }).waitFor();
    await page.getByLabel('State: Trial').waitFor();
    expect(await page.getByText('The contract was terminated').count()).toBe(0);
    expect(await serious()).toEqual([]);

    await page.getByRole('button', { name: 'Terminate the contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate the contract?' });
    await dialog.getByText(/then deleted for good/).waitFor();
    expect(await serious()).toEqual([]);
    await dialog.getByLabel('Organization name').fill('Not our name');
    await dialog.getByRole('button', { name: 'Terminate', exact: true }).click();
    await dialog.getByText(/must be the organization's name/i).waitFor();
    await dialog.getByLabel('Organization name').fill(await nameOf());
    await dialog.getByRole('button', { name: 'Terminate', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByLabel('State: Terminated').waitFor();
    const countdown = page.getByLabel('Days until the data is deleted');
    expect(await countdown.textContent()).toBe('30 days');
    // In red: the page's computed colour has a red channel well above the others.
    const color = await countdown.evaluate(
      (element) =>
        (globalThis as unknown as { getComputedStyle(node: unknown): { color: string } }).getComputedStyle(element)
          .color,
    );
    const [red, green, blue] = (color.match(/\d+/g) ?? []).map(Number);
    expect(red).toBeGreaterThan(Math.max(green, blue) + 80);
    // The banner shows on every page, with the date.
    await page.getByText('The contract was terminated').waitFor();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText('The contract was terminated').waitFor();
    await page
      .getByText(/will be deleted on \S.*\d{4}\. /)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Subscription', exact: true }).click();
    expect(await serious()).toEqual([]);

    await page.getByRole('button', { name: 'Restore the organization' }).click();
    await page.getByLabel('State: Trial').waitFor();
    await page.getByText('The contract was terminated').waitFor({ state: 'detached' });
  });

  it('should show the banner to everyone, and the page to owners and admins only', async () => {
    await page.goto(`${harness.base}/admin/subscription`);
    await page.getByRole('button', { name: 'Terminate the contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate the contract?' });
    await dialog.getByLabel('Organization name').fill(await nameOf());
    await dialog.getByRole('button', { name: 'Terminate', exact: true }).click();
    await page.getByLabel('State: Terminated').waitFor();

    const agent = await harness.browser.newPage();
    await agent.goto(`${harness.base}/sign-in`);
    await submitSignInForm(agent, org.users.agent.email, TEST_PASSWORD);
    await agent.getByText('The contract was terminated').waitFor();
    await agent.getByText('Ask an owner for the date').waitFor();
    expect(await agent.getByRole('link', { name: 'Subscription', exact: true }).count()).toBe(0);
    await agent.close();
  });
});
