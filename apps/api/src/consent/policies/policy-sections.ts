/** The blocks of facts a policy renders from live sources, each exactly once. */
export const FACT_BLOCKS = [
  'collected',
  'purposes',
  'retention',
  'processors',
  'cookies',
  'minimum-age',
  'residency',
  'rights',
  'contact',
] as const;
export type FactBlock = (typeof FACT_BLOCKS)[number];

/**
 * One section of a policy: a title and prose written by people, around an optional block
 * of facts the system renders. `prose` comes before the facts, `closing` after them.
 */
export interface PolicySection {
  key: string;
  title: string;
  prose: string;
  facts: FactBlock | null;
  closing: string;
}

/** Fact blocks a document lacks: a policy may not leave out what the system enforces. */
export function missingFactBlocks(sections: readonly PolicySection[]): FactBlock[] {
  const present = new Set(sections.map((section) => section.facts));
  return FACT_BLOCKS.filter((block) => !present.has(block));
}

/** Fact blocks a document states more than once. */
export function repeatedFactBlocks(sections: readonly PolicySection[]): FactBlock[] {
  const seen = new Set<FactBlock>();
  const repeated = new Set<FactBlock>();
  for (const { facts } of sections) {
    if (!facts) continue;
    if (seen.has(facts)) repeated.add(facts);
    seen.add(facts);
  }
  return [...repeated];
}
