import { diffArrays } from 'diff';
import type { LawfulBasis } from '#personal-data';
import type { CategoryFact, PolicyFacts, ProcessorFact } from './policy-facts.types.js';
import type { FactBlock, PolicySection } from './policy-sections.js';

const LAWFUL_BASIS: Record<LawfulBasis, string> = {
  contract: 'performance of a contract (GDPR Art. 6(1)(b))',
  'legal-obligation': 'a legal obligation (Art. 6(1)(c))',
  'legitimate-interests': 'legitimate interests (Art. 6(1)(f))',
  consent: 'consent (Art. 6(1)(a)), which can be withdrawn at any time',
  'vital-interests': 'vital interests (Art. 6(1)(d))',
  'public-task': 'a task in the public interest (Art. 6(1)(e))',
};

/** "Full name, email address and phone number". */
const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const withoutStop = (text: string): string => text.replace(/[.\s]+$/, '');

const collected = (category: CategoryFact): string =>
  `${withoutStop(category.description)}: ${listOf(
    category.fields.map((field) => (field.encrypted ? `${field.description} (encrypted)` : field.description)),
  ).toLowerCase()}.`;

const purposes = (category: CategoryFact): string =>
  `${withoutStop(category.description)}: used to ${listOf(category.purposes.map((p) => p.toLowerCase()))}; lawful basis: ${LAWFUL_BASIS[category.lawfulBasis]}.`;

const retention = (category: CategoryFact): string => {
  const hold = category.legalHold
    ? ` The law requires keeping these records for ${category.legalHold.years} years (${withoutStop(category.legalHold.reason)}); on erasure they are de-identified, not deleted.`
    : '';
  return `${withoutStop(category.description)}: ${withoutStop(category.retention.description)}.${hold}`;
};

const processor = (entry: ProcessorFact): string =>
  `${entry.name} (${entry.location}): ${withoutStop(entry.purpose)}. Data: ${listOf(entry.dataCategories).toLowerCase() || 'none named'}. Safeguard: ${withoutStop(entry.safeguard)}${entry.dpaDate ? `; data processing agreement signed ${entry.dpaDate}` : ''}.`;

const SENTENCES: Record<FactBlock, (facts: PolicyFacts) => string[]> = {
  collected: (facts) => facts.categories.map(collected),
  purposes: (facts) => facts.categories.map(purposes),
  retention: (facts) => facts.categories.map(retention),
  processors: (facts) =>
    facts.processors.length === 0 ? ['No third-party processor receives this data.'] : facts.processors.map(processor),
  cookies: (facts) =>
    facts.cookies.map(
      (cookie) =>
        `${cookie.name} (${cookie.required ? 'always on' : 'off until you agree'}): ${withoutStop(cookie.description)}.`,
    ),
  'minimum-age': (facts) =>
    facts.audience === 'users'
      ? [
          `Accounts are for people aged ${facts.minimumAge.age} or over; we do not knowingly let anyone younger register.`,
          `An organization may set its own minimum between ${facts.minimumAge.lowest} and ${facts.minimumAge.highest}; sign-up asks for confirmation of age.`,
        ]
      : [
          `This service is not intended for people under ${facts.minimumAge.age}, and we do not knowingly collect their data.`,
        ],
  residency: (facts) => {
    const abroad = facts.processors.filter((entry) => !entry.location.includes(facts.residency.regionName));
    return [
      `Your data is stored in ${facts.residency.regionName}.`,
      ...abroad.map(
        (entry) => `${entry.name} may process it in ${entry.location}, under ${withoutStop(entry.safeguard)}.`,
      ),
    ];
  },
  rights: (facts) => [
    ...facts.rights.map((right) => `${right.name} (${right.article}): ${withoutStop(right.description)}.`),
    `We answer every request within ${facts.response.days} days; a complex request may take up to ${facts.response.extensionMonths} more months, and we tell you why within the first ${facts.response.days} days.`,
    `Make a request at ${facts.requestFormUrl}.`,
  ],
  contact: ({ contact }) => [
    contact.email
      ? `Controller: ${contact.controllerName}, ${contact.email}.`
      : `Controller: ${contact.controllerName}. Contact details have not been published yet.`,
    ...(contact.dpoName || contact.dpoEmail
      ? [`Data protection officer: ${listOf([contact.dpoName, contact.dpoEmail].filter((v): v is string => !!v))}.`]
      : []),
    ...(contact.postalAddress ? [`Address: ${contact.postalAddress}.`] : []),
    ...(contact.phone ? [`Phone: ${contact.phone}.`] : []),
    `You may lodge a complaint with a supervisory authority: ${contact.authorityName}${contact.authorityUrl ? ` (${contact.authorityUrl})` : ''}.`,
  ],
};

export const factSentences = (block: FactBlock, facts: PolicyFacts): string[] => SENTENCES[block](facts);

export interface RenderedSection {
  key: string;
  title: string;
  prose: string;
  facts: FactBlock | null;
  /** The facts as sentences, in the order shown. */
  statements: string[];
  closing: string;
}

export const renderSections = (sections: readonly PolicySection[], facts: PolicyFacts): RenderedSection[] =>
  sections.map((section) => ({
    ...section,
    statements: section.facts ? factSentences(section.facts, facts) : [],
  }));

export interface SectionChange {
  key: string;
  title: string;
  removed: string[];
  added: string[];
}

/** Lines of a section as a reader sees them: prose paragraphs, statements, closing. */
const linesOf = (section: RenderedSection): string[] => [
  `# ${section.title}`,
  ...paragraphs(section.prose),
  ...section.statements,
  ...paragraphs(section.closing),
];

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/**
 * What changed between two renderings, section by section and line by line: the sentence
 * a changed retention setting rewrites shows up as one line removed and one added.
 */
export function diffSections(before: readonly RenderedSection[], after: readonly RenderedSection[]): SectionChange[] {
  const keys = [...new Set([...before.map((s) => s.key), ...after.map((s) => s.key)])];
  const changes: SectionChange[] = [];
  for (const key of keys) {
    const old = before.find((section) => section.key === key);
    const now = after.find((section) => section.key === key);
    const removed: string[] = [];
    const added: string[] = [];
    for (const part of diffArrays(old ? linesOf(old) : [], now ? linesOf(now) : [])) {
      if (part.removed) removed.push(...part.value);
      else if (part.added) added.push(...part.value);
    }
    if (removed.length > 0 || added.length > 0) {
      changes.push({ key, title: (now ?? old)?.title ?? key, removed, added });
    }
  }
  return changes;
}
