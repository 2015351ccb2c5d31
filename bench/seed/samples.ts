import type { ClientsAndContacts } from './phases/clients-contacts.js';
import type { Organization, SeedContext } from './tenant.js';
import { COMPANY_WORDS, FIRST_NAMES, SURNAMES } from './vocabulary.js';

/**
 * Values for the list scenarios, chosen from what was seeded and counted by the database
 * the way the product filters: a surname matching a few hundred contacts (0.3 %, between 20
 * and 500), a tag on about 5 % of contacts, and a branch of middling size.
 */
export async function chooseSamples(ctx: SeedContext, org: Organization, people: ClientsAndContacts, contacts: number) {
  const target = Math.min(500, Math.max(20, Math.round(contacts * 0.003)));
  // A surname that is no first name, company word or beginning of another surname, so a
  // search for it finds exactly the people bearing it.
  const ambiguous = (surname: string) =>
    FIRST_NAMES.includes(surname) ||
    COMPANY_WORDS.includes(surname) ||
    SURNAMES.some((other) => other !== surname && other.toLowerCase().startsWith(surname.toLowerCase()));
  const [searchWord] = [...people.surnames]
    .filter(([surname]) => !ambiguous(surname))
    .sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target) || a[0].localeCompare(b[0]))[0];
  const tokens = ctx.crypto.records.queryTokens(org.id, searchWord);
  const [tag] = [...people.tags].sort(
    (a, b) => Math.abs(a[1] - contacts * 0.05) - Math.abs(b[1] - contacts * 0.05) || a[0].localeCompare(b[0]),
  )[0];
  const branch = org.branches[Math.min(4, org.branches.length - 1)];
  const count = async (where: string, value: unknown) =>
    Number(
      (
        await ctx.db.query(`SELECT count(*) AS n FROM contacts WHERE organization_id = $1 AND ${where}`, [
          org.id,
          value,
        ])
      ).rows[0].n,
    );
  return {
    searchWord,
    searchMatches: await count('search_tokens @> $2::varchar[]', tokens),
    tag,
    tagMatches: await count('tags @> ARRAY[$2]::varchar[]', tag),
    branchId: branch.id,
    branchName: branch.name,
    branchMatches: await count('branch_id = $2', branch.id),
  };
}
