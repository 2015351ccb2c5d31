#!/usr/bin/env node
// Takes the README's screenshots from a running `npm start` (demo organization seeded):
//   node scripts/screenshots.mjs [http://localhost:3000]
// Uses Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium); writes docs/images/*.png.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
const shot = async (path, name, ready) => {
  await page.goto(`${base}${path}`);
  await ready();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `docs/images/${name}.png` });
  console.log(`docs/images/${name}.png`);
};

await page.goto(`${base}/sign-in`);
await page.getByLabel('Email').fill('owner@harbor-pine.test');
await page.getByRole('textbox', { name: 'Password' }).fill('harbor-pine-demo-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Clients').waitFor();

await shot('/clients', 'clients', () => page.getByRole('table').waitFor());
await page.getByRole('cell', { name: 'Riverside Dental Practice' }).click();
await page.getByText('Compressor tripping').first().waitFor();
await page.waitForLoadState('networkidle');
await page.screenshot({ path: 'docs/images/client-timeline.png' });
console.log('docs/images/client-timeline.png');
await shot('/jobs', 'jobs-board', () => page.getByText('No hot water').first().waitFor());
await shot('/schedule', 'schedule', async () => {
  // Everyone's calendar; the demo visits start on the next working day.
  await page.getByLabel('Person', { exact: true }).first().click();
  await page.getByRole('option', { name: 'Everyone' }).click();
  if ([0, 6].includes(new Date().getDay())) await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByText('Team briefing').first().waitFor();
});
await shot('/invoices', 'invoices', () => page.getByRole('table').waitFor());
await shot('/admin/audit', 'audit', async () => {
  await page.getByRole('table').waitFor();
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await page
    .getByText(/intact/i)
    .first()
    .waitFor();
});
await shot('/', 'home', () => page.getByRole('heading', { name: 'Open jobs by status' }).waitFor());

// On a phone: the home page and a job, as field staff see them.
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
await phone.goto(`${base}/sign-in`);
await phone.screenshot({ path: 'docs/images/phone-sign-in.png' });
console.log('docs/images/phone-sign-in.png');
await phone.getByLabel('Email').fill('owner@harbor-pine.test');
await phone.getByRole('textbox', { name: 'Password' }).fill('harbor-pine-demo-2026');
await phone.getByRole('button', { name: 'Sign in' }).click();
await phone.getByRole('heading', { name: 'Open jobs by status' }).waitFor();
await phone.waitForLoadState('networkidle');
await phone.screenshot({ path: 'docs/images/phone-home.png' });
console.log('docs/images/phone-home.png');
await browser.close();
