import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPLETE_LANGUAGES, LANGUAGES } from '../src/i18n/preferences.js';

const LOCALES = fileURLToPath(new URL('../src/i18n/locales/', import.meta.url));

type Catalogue = { [key: string]: string | Catalogue };

const catalogue = (language: string): Catalogue => JSON.parse(readFileSync(join(LOCALES, `${language}.json`), 'utf8'));

/** `home.visits.title` → its words, for every leaf of a catalogue. */
function flatten(tree: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') leaves.set(`${prefix}${key}`, value);
    else for (const [leaf, words] of flatten(value, `${prefix}${key}.`)) leaves.set(leaf, words);
  }
  return leaves;
}

/** What a translation must keep: its {{placeholders}} (without format) and <tags>. */
const placeholders = (words: string) =>
  [...words.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)\s*\/?>/g)].map((match) => match[1] ?? `<${match[2]}>`).sort();

describe('the translation catalogues', () => {
  const english = flatten(catalogue('en'));

  it('should have a catalogue for every complete language and only for languages a profile may choose', () => {
    const files = readdirSync(LOCALES).map((file) => file.replace(/\.json$/, ''));
    expect(files).toEqual(expect.arrayContaining([...COMPLETE_LANGUAGES]));
    for (const file of files) expect(LANGUAGES).toContain(file);
    expect(english.size).toBeGreaterThan(400);
  });

  for (const language of COMPLETE_LANGUAGES.filter((code) => code !== 'en')) {
    describe(language, () => {
      const translated = flatten(catalogue(language));

      it('should have every key of the English catalogue, and no other', () => {
        const missing = [...english.keys()].filter((key) => !translated.has(key));
        const unknown = [...translated.keys()].filter((key) => !english.has(key));
        expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
      });

      it('should have words for every key, with the same placeholders and tags', () => {
        const empty = [...translated].filter(([, words]) => !words.trim()).map(([key]) => key);
        expect(empty).toEqual([]);
        const differing = [...english]
          .filter(
            ([key, words]) =>
              translated.has(key) && placeholders(words).join() !== placeholders(translated.get(key) ?? '').join(),
          )
          .map(([key]) => key);
        expect(differing).toEqual([]);
      });
    });
  }
});
