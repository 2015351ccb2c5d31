import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = (language: string): Catalogue =>
  JSON.parse(readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), 'utf8'));

function flatten(tree: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') leaves.set(`${prefix}${key}`, value);
    else for (const [leaf, words] of flatten(value, `${prefix}${key}.`)) leaves.set(leaf, words);
  }
  return leaves;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English words the German catalogue says differently, as patterns: a whole text of an
 * element (or an aria-label, title or placeholder) that reads like one of them is English
 * left on a German page. Placeholders match anything; Trans tags vanish when rendered.
 */
function englishOnly(): Array<{ key: string; pattern: RegExp; phrase: string | null }> {
  const german = flatten(catalogue('de'));
  // Words German uses too ("Details", "Name") are not English left behind.
  const germanWords = new Set(german.values());
  return [...flatten(catalogue('en'))]
    .filter(([key, words]) => german.get(key) !== words && !germanWords.has(words) && words.trim().length > 1)
    .map(([key, words]) => {
      const text = words.trim().replace(/<\/?\w+\s*\/?>/g, '');
      const source = escapeRegExp(text).replace(/\\\{\\\{[^}]*\\\}\\\}/g, '.+?');
      // Phrases of several words without placeholders are looked for inside longer texts too.
      const phrase = !/\{\{/.test(text) && /\s/.test(text) && text.length >= 12 ? text : null;
      return { key, pattern: new RegExp(`^${source}$`), phrase };
    });
}

/** Every text a person meets on the page: leaf elements' text, labels, titles, placeholders. */
const visibleTexts = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(`(() => {
    const texts = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE'].includes(element.tagName)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && value.trim()) texts.push(value.trim());
      }
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('')
        .trim();
      if (own) texts.push(own);
      if (element.children.length === 0 && element.textContent.trim()) texts.push(element.textContent.trim());
    }
    texts.push(document.body.innerText);
    return texts;
  })()`);

async function englishLeftOn(page: Page): Promise<string[]> {
  const texts = await visibleTexts(page);
  const whole = texts.at(-1) ?? '';
  const found = new Set<string>();
  for (const { key, pattern, phrase } of englishOnly()) {
    const hit =
      texts.slice(0, -1).find((text) => pattern.test(text)) ?? (phrase && whole.includes(phrase) ? phrase : null);
    if (hit) found.add(`${key}: "${hit}"`);
  }
  return [...found];
}

/** A call logged at a known instant: 20:00 UTC, which is 09:00 the next morning in Auckland (UTC+13). */
const CALL_AT = '2026-03-05T20:00:00.000Z';

describeInBrowser('language and time zone preferences, in Chromium', () => {
  let harness: BrowserHarness;
  let browser: Browser;
  let base: string;
  let org: TestOrganization;
  let contactId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    ({ browser, base } = harness);
    const { app } = harness;
    org = await createOrganization(app, ['owner', 'manager']);
    const owner = await bearerFor(app, org.users.owner.email);
    const post = (path: string, body: object) =>
      app.http().post(`/api/v1/${path}`).set('authorization', owner).send(body).expect(201);
    const branch = (await post('branches', { name: 'Leeds' })).body.id;
    const client = (await post('clients', { kind: 'company', name: 'Riverside Plumbing Ltd', branchId: branch })).body;
    contactId = (await post('contacts', { fullName: 'Rita Rivers', jobTitle: 'Office manager', clientId: client.id }))
      .body.id;
    await post('communications', {
      clientId: client.id,
      contactId,
      kind: 'call',
      direction: 'outbound',
      subject: 'Boiler service booked',
      occurredAt: CALL_AT,
    });
  });
  afterAll(() => harness?.close());

  /** The browser's own zone and language are Los Angeles and US English: far from the profile's. */
  async function newPage(locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    return { page, errors };
  }

  it('should open in the browser’s language before sign-in, and switch with the picker', async () => {
    const german = await newPage('de-DE');
    await german.page.goto(`${base}/sign-in`);
    await german.page.getByRole('heading', { name: 'Bei Steward CRM anmelden' }).waitFor();
    expect(await german.page.evaluate<string>('document.documentElement.lang')).toBe('de');
    expect(await german.page.title()).toBe('Anmelden · Steward CRM');
    // A sentence with a link in it keeps its link.
    await german.page.getByRole('link', { name: 'Konto erstellen' }).waitFor();
    await german.page.context().close();

    const { page, errors } = await newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Steward CRM' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).click();
    // Incomplete languages say so.
    await page.getByRole('option', { name: 'Français (partly in English)' }).waitFor();
    await page.getByRole('option', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Bei Steward CRM anmelden' }).waitFor();
    // The manager has no language in their profile: the choice made here stays after signing in.
    await page.getByRole('textbox', { name: 'E-Mail' }).fill(org.users.manager.email);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Willkommen zurück, Test manager' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should refuse sign-up and password-reset forms in German, with the browser’s language', async () => {
    const { page, errors } = await newPage('de-DE');
    await page.goto(`${base}/sign-up`);
    await page.getByRole('heading', { name: 'Ihre Organisation erstellen' }).waitFor();
    // Checked in the browser before anything is sent, each rule in German.
    const signUp = page.getByRole('form', { name: 'Ihre Organisation erstellen' });
    await signUp.getByRole('textbox', { name: 'Passwort' }).fill('kurz');
    await signUp.getByRole('button', { name: 'Konto erstellen' }).click();
    await signUp.getByText('Geben Sie den Namen Ihrer Organisation ein, etwa den Ihres Unternehmens.').waitFor();
    await signUp.getByText('Geben Sie Ihren vollständigen Namen ein.').waitFor();
    await signUp.getByText('Geben Sie Ihre E-Mail-Adresse ein, etwa name@example.com.').waitFor();
    await signUp.getByText('Verwenden Sie mindestens 12 Zeichen.', { exact: false }).waitFor();
    await signUp
      .getByText('Geben Sie Ihr Geburtsdatum an oder kreuzen Sie stattdessen das Kästchen darunter an.')
      .waitFor();
    expect(await englishLeftOn(page)).toEqual([]);

    await page.goto(`${base}/forgot-password`);
    const forgot = page.getByRole('form', { name: 'Passwort zurücksetzen' });
    await forgot.getByRole('textbox', { name: 'E-Mail' }).fill('keine-adresse');
    await forgot.getByRole('button', { name: 'Link senden' }).click();
    await forgot
      .getByText('Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden, etwa name@example.com.')
      .waitFor();
    expect(await englishLeftOn(page)).toEqual([]);

    await page.goto(`${base}/reset-password?token=unused`);
    const reset = page.getByRole('form', { name: 'Neues Passwort wählen' });
    await reset.getByRole('textbox', { name: 'Neues Passwort' }).fill('kurz');
    await reset.getByRole('button', { name: 'Neues Passwort festlegen' }).click();
    await reset.getByText('Verwenden Sie mindestens 12 Zeichen.', { exact: false }).waitFor();
    expect(await englishLeftOn(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should show the shell, home and a contact in German and in the profile’s zone, and switch back', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${base}/sign-in`);
    await submitSignInForm(page, org.users.owner.email, TEST_PASSWORD);
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();

    // In English and the browser's zone first: the call shows at Los Angeles' 12:00 on 5 March.
    await page.goto(`${base}/contacts/${contactId}`);
    const timeline = page.getByRole('list', { name: 'Communication timeline' });
    await timeline.getByText('Boiler service booked').waitFor();
    expect(await timeline.locator(`time[datetime="${CALL_AT}"]`).textContent()).toMatch(/^Mar 5, 2026, 12:00\sPM$/);

    // The owner chooses German and Auckland on the profile page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Pacific/Auck');
    await page.getByRole('option', { name: 'Pacific/Auckland' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    // Saved: the page (and the whole app) now speaks German.
    await page.getByRole('status').getByText('Ihr Profil ist gespeichert.').waitFor();
    await page.getByRole('heading', { name: 'Ihr Profil' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
    expect(await page.title()).toBe('Profil · Steward CRM');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Startseite' }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    // The profile says which languages are complete.
    await page.getByText('Englisch und Deutsch sind vollständig.', { exact: false }).waitFor();

    // Home, in German, after a reload too (the preference comes with the session).
    await page.reload();
    await nav.getByRole('link', { name: 'Startseite' }).click();
    await page.getByRole('heading', { name: 'Willkommen zurück, Olive Owner' }).waitFor();
    await page.getByRole('region', { name: 'Offene Aufträge nach Status' }).waitFor();
    await page.getByRole('list', { name: 'Letzte Aktivitäten' }).getByText('Boiler service booked').waitFor();
    await page
      .getByRole('region', { name: 'Heutige Termine' })
      .getByText('Heute ist nichts für Sie eingeplant.')
      .waitFor();
    await page.getByRole('region', { name: 'Überfällige Rechnungen' }).getByText('Nichts überfällig.').waitFor();
    expect(await englishLeftOn(page)).toEqual([]);

    // The contact page: German words, the call at 09:00 on 6 March, Auckland's time, in German format.
    await nav.getByRole('link', { name: 'Kontakte' }).click();
    await page.getByRole('heading', { name: 'Kontakte' }).waitFor();
    await page.getByRole('columnheader', { name: 'Letzte Aktivität' }).waitFor();
    // The new-contact dialog too.
    await page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Kontakt' });
    await dialog.getByRole('textbox', { name: 'Vollständiger Name' }).waitFor();
    await dialog.getByRole('button', { name: 'Kontakt anlegen' }).click();
    await dialog.getByText('Geben Sie den Namen an.').waitFor();
    expect(await englishLeftOn(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Rita Rivers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rita Rivers' }).waitFor();
    await page.getByRole('link', { name: 'Riverside Plumbing Ltd' }).waitFor();
    await page.getByRole('tab', { name: 'Verlauf' }).waitFor();
    const verlauf = page.getByRole('list', { name: 'Kommunikationsverlauf' });
    await verlauf.getByText('Boiler service booked').waitFor();
    expect(await verlauf.locator(`time[datetime="${CALL_AT}"]`).textContent()).toBe('06.03.2026, 09:00');
    await verlauf.getByText(/· von Olive Owner/).waitFor();
    await page.getByRole('heading', { name: 'Anruf, E-Mail, Besprechung oder Notiz erfassen' }).waitFor();
    await page.getByRole('table', { name: 'Kontaktangaben' }).getByText('Angelegt').waitFor();
    expect(await englishLeftOn(page)).toEqual([]);

    // Back to English: the words change, the zone stays Auckland's.
    await nav.getByRole('link', { name: 'Profil' }).click();
    await page.getByRole('combobox', { name: 'Sprache' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByRole('status').getByText('Your profile is saved.').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Welcome back, Olive Owner' }).waitFor();
    // The check above can fail: on the English page it finds English.
    expect((await englishLeftOn(page)).length).toBeGreaterThan(10);
    await page.goto(`${base}/contacts/${contactId}`);
    const english = page.getByRole('list', { name: 'Communication timeline' });
    await english.getByText('Boiler service booked').waitFor();
    expect(await english.locator(`time[datetime="${CALL_AT}"]`).textContent()).toMatch(/^Mar 6, 2026, 9:00\sAM$/);
    expect(errors).toEqual([]);
  });
});
