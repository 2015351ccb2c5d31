import type { Address, CompanyDetails } from '../../../apps/api/src/crm/crm.types.js';
import { BatchInsert } from '../batch-insert.js';
import { PlainValues } from '../plain.js';
import { type Prng, Weighted } from '../prng.js';
import {
  activityEntry,
  activityLog,
  DAY,
  EPOCH,
  HOUR,
  type Organization,
  RECORD_COLUMNS,
  type SeedContext,
  type SeededClient,
  type SeededContacts,
  YEAR,
} from '../tenant.js';
import {
  CLIENT_TAGS,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  JOB_TITLES,
  LEGAL_SUFFIXES,
  SENTENCES,
  STREETS,
  SURNAMES,
  TAGS,
  TOWNS,
} from '../vocabulary.js';

/** Branch sizes differ, as in a real company: the filter sample has a branch of middling size. */
export const BRANCH_WEIGHTS = [22, 16, 13, 11, 9, 8, 7, 6, 5, 3];

const COMPANY_SHARE = 0.65;
/** Contacts with no client: people the organization deals with directly. */
const INDEPENDENT_SHARE = 0.1;

export interface ClientsAndContacts {
  clients: SeededClient[];
  contacts: SeededContacts;
  /** Surname → contacts bearing it (the search sample is chosen from these). */
  surnames: Map<string, number>;
  tags: Map<string, number>;
}

interface ClientDetails {
  name: string;
  email: string | null;
  phone: string | null;
  address: Address | null;
  company: CompanyDetails | null;
  notes: string | null;
}

interface ContactDetails {
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  address: Address | null;
  notes: string | null;
}

/**
 * Phase 2: clients (one per four contacts; companies with a long tail of contacts, and
 * individuals who are their own contact) and contacts, inserted in creation order like a
 * tenant that grew over three years. Sealed and indexed for search by the product's RecordCipher.
 */
export async function seedClientsAndContacts(
  ctx: SeedContext,
  org: Organization,
  contactCount: number,
): Promise<ClientsAndContacts> {
  const prng = ctx.prng('clients-contacts');
  const words = new Words(prng, org);
  const clientCount = Math.max(1, Math.round(contactCount / 4));
  const start = EPOCH - 3 * YEAR;
  const span = 3 * YEAR - 7 * DAY;
  const activity = activityLog(ctx.db);

  const clientRows = new BatchInsert(ctx.db, 'clients', {
    ...RECORD_COLUMNS,
    kind: 'client_kind',
    name_enc: 'bytea',
    email_enc: 'bytea',
    email_index: 'varchar',
    phone_enc: 'bytea',
    address_enc: 'bytea',
    company_enc: 'bytea',
    notes_enc: 'bytea',
    tags: 'varchar[]',
    owner_id: 'uuid',
    search_tokens: 'varchar[]',
  });
  const clients: SeededClient[] = [];
  const companies: number[] = [];
  const individuals: number[] = [];
  for (let index = 0; index < clientCount; index++) {
    const id = prng.uuid();
    const createdAt = start + ((index + prng.float()) * span) / clientCount;
    const branch = words.branch();
    const ownerId = prng.pick(org.workers[branch]).id;
    const company = prng.chance(COMPANY_SHARE);
    const details = company ? words.company(branch) : words.individual(branch);
    (company ? companies : individuals).push(index);
    clients.push({
      id,
      branch,
      ownerId,
      createdAt,
      billTo: { name: details.name, email: details.email, address: details.address },
    });
    const at = new Date(createdAt);
    await clientRows.push({
      id,
      organization_id: org.id,
      branch_id: org.branches[branch].id,
      created_at: at,
      updated_at: at,
      version: 1,
      kind: company ? 'company' : 'individual',
      tags: words.tags(words.clientTags, [0.45, 0.4, 0.15]),
      owner_id: ownerId,
      ...(await sealClient(ctx, org.id, id, details)),
    });
    await activity.push(activityEntry(prng, org.id, 'client', id, ownerId, at));
  }
  await clientRows.close();

  const plan = planContacts(prng, clients, companies, individuals, contactCount);
  const contacts: SeededContacts = {
    ids: [],
    client: new Int32Array(plan.order.length),
    branch: new Uint8Array(plan.order.length),
    createdAt: new Float64Array(plan.order.length),
  };
  const surnames = new Map<string, number>();
  const tags = new Map<string, number>();
  const contactRows = new BatchInsert(ctx.db, 'contacts', {
    ...RECORD_COLUMNS,
    client_id: 'uuid',
    full_name_enc: 'bytea',
    email_enc: 'bytea',
    email_index: 'varchar',
    phone_enc: 'bytea',
    job_title_enc: 'bytea',
    address_enc: 'bytea',
    notes_enc: 'bytea',
    tags: 'varchar[]',
    owner_id: 'uuid',
    search_tokens: 'varchar[]',
  });
  // The same values in clear, for the plaintext twin (bench/seed/plain.ts).
  const plain = new PlainValues(ctx.db);
  for (const [position, planned] of plan.order.entries()) {
    const id = prng.uuid();
    const clientIndex = plan.client[planned];
    const client = clientIndex >= 0 ? clients[clientIndex] : null;
    const branch = client ? client.branch : words.branch();
    const ownerId = client && prng.chance(0.7) ? client.ownerId : prng.pick(org.workers[branch]).id;
    const { details, surname } = words.contact(branch, client, plan.individual[planned] === 1);
    const contactTags = words.tags(words.contactTags, [0.5, 0.3, 0.15, 0.05]);
    surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
    for (const tag of contactTags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    contacts.ids.push(id);
    contacts.client[position] = clientIndex;
    contacts.branch[position] = branch;
    contacts.createdAt[position] = plan.createdAt[planned];
    const at = new Date(plan.createdAt[planned]);
    await contactRows.push({
      id,
      organization_id: org.id,
      branch_id: org.branches[branch].id,
      created_at: at,
      updated_at: at,
      version: 1,
      client_id: client?.id ?? null,
      tags: contactTags,
      owner_id: ownerId,
      ...(await sealContact(ctx, org.id, id, details)),
    });
    await plain.push(id, details);
    await activity.push(activityEntry(prng, org.id, 'contact', id, ownerId, at));
  }
  await ctx.crypto.flushKeys(ctx.db);
  await contactRows.close();
  await plain.close();
  await activity.close();
  return { clients, contacts, surnames, tags };
}

/** As `ClientsService.seal` (apps/api/src/crm/clients/clients.service.ts): same fields, same search words. */
async function sealClient(ctx: SeedContext, organizationId: string, id: string, details: ClientDetails) {
  const cipher = ctx.crypto.records;
  const subject = cipher.subject('client', id);
  return {
    name_enc: await cipher.seal(subject, 'clients.name', details.name),
    email_enc: await cipher.seal(subject, 'clients.email', details.email),
    email_index: cipher.emailIndex(details.email),
    phone_enc: await cipher.seal(subject, 'clients.phone', details.phone),
    address_enc: await cipher.sealJson(subject, 'clients.address', details.address),
    company_enc: await cipher.sealJson(subject, 'clients.company', details.company),
    notes_enc: await cipher.seal(subject, 'clients.notes', details.notes),
    search_tokens: cipher.searchTokens(
      organizationId,
      [details.name, details.email, details.company?.legalName, details.address?.city, details.address?.postcode],
      [details.phone],
    ),
  };
}

/** As `ContactsService.seal` (apps/api/src/crm/clients/contacts.service.ts). */
async function sealContact(ctx: SeedContext, organizationId: string, id: string, details: ContactDetails) {
  const cipher = ctx.crypto.records;
  const subject = cipher.subject('contact', id);
  return {
    full_name_enc: await cipher.seal(subject, 'contacts.fullName', details.fullName),
    email_enc: await cipher.seal(subject, 'contacts.email', details.email),
    email_index: cipher.emailIndex(details.email),
    phone_enc: await cipher.seal(subject, 'contacts.phone', details.phone),
    job_title_enc: await cipher.seal(subject, 'contacts.jobTitle', details.jobTitle),
    address_enc: await cipher.sealJson(subject, 'contacts.address', details.address),
    notes_enc: await cipher.seal(subject, 'contacts.notes', details.notes),
    search_tokens: cipher.searchTokens(
      organizationId,
      [details.fullName, details.email, details.jobTitle, details.address?.city, details.address?.postcode],
      [details.phone],
    ),
  };
}

/**
 * Who each contact works for and when they were added, sorted by that time (rows go in
 * in creation order). Individuals are their own single contact; companies get one each
 * plus a long tail; a tenth belong to no client.
 */
function planContacts(
  prng: Prng,
  clients: SeededClient[],
  companies: number[],
  individuals: number[],
  contactCount: number,
) {
  const independent = Math.round(contactCount * INDEPENDENT_SHARE);
  const extra = Math.max(0, contactCount - individuals.length - independent - companies.length);
  const total = individuals.length + independent + companies.length + extra;
  const client = new Int32Array(total);
  const individual = new Uint8Array(total);
  const createdAt = new Float64Array(total);
  let next = 0;
  const add = (clientIndex: number, at: number, isIndividual = false) => {
    client[next] = clientIndex;
    individual[next] = isIndividual ? 1 : 0;
    createdAt[next++] = Math.min(at, EPOCH - HOUR);
  };
  const joined = (clientIndex: number) => {
    const since = clients[clientIndex].createdAt;
    return since + prng.float() * Math.min(YEAR, EPOCH - since);
  };
  for (const index of individuals) add(index, clients[index].createdAt + prng.float() * HOUR, true);
  for (const index of companies) add(index, clients[index].createdAt + prng.float() * DAY);
  // Shuffled, so the biggest companies are not simply the oldest.
  const shuffled = [...companies];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  for (let i = 0; i < extra; i++) {
    const index = shuffled[prng.skewed(shuffled.length, 2.5)];
    add(index, joined(index));
  }
  for (let i = 0; i < independent; i++) add(-1, EPOCH - 3 * YEAR + prng.float() * 3 * YEAR);
  const order = Array.from(createdAt.keys()).sort((a, b) => createdAt[a] - createdAt[b]);
  return { order, client, individual, createdAt };
}

/** Plausible, clearly fictional details: names, `.example` emails, Ofcom drama-range phones. */
class Words {
  private readonly branchPick: Weighted<number>;
  private readonly surnamePick = new Weighted(SURNAMES.map((surname, rank) => [surname, 1 / (rank + 3)] as const));
  readonly clientTags = new Weighted(CLIENT_TAGS);
  readonly contactTags = new Weighted(TAGS);

  constructor(
    private readonly prng: Prng,
    private readonly org: Organization,
  ) {
    this.branchPick = new Weighted(org.branches.map((_, index) => [index, BRANCH_WEIGHTS[index] ?? 3] as const));
  }

  branch(): number {
    return this.branchPick.draw(this.prng);
  }

  company(branch: number): ClientDetails {
    const { prng } = this;
    const word = prng.pick(COMPANY_WORDS);
    const [kind, industry] = prng.pick(COMPANY_KINDS);
    const name = `${word} ${kind}`;
    const domain = `${slug(name)}.example`;
    return {
      name,
      email: `${prng.pick(['info', 'office', 'accounts', 'hello'])}@${domain}`,
      phone: this.landline(branch),
      address: this.address(branch),
      company: {
        legalName: `${name} ${prng.pick(LEGAL_SUFFIXES)}`,
        registrationNumber: String(prng.int(10_000_000, 99_999_999)),
        vatNumber: `GB${prng.int(100_000_000, 999_999_999)}`,
        website: `https://www.${domain}`,
        industry,
      },
      notes: prng.chance(0.3) ? prng.pick(SENTENCES) : null,
    };
  }

  individual(branch: number): ClientDetails {
    const { prng } = this;
    const first = prng.pick(FIRST_NAMES);
    const last = this.surnamePick.draw(prng);
    return {
      name: `${first} ${last}`,
      email: this.personalEmail(first, last),
      phone: this.mobile(),
      address: this.address(branch),
      company: null,
      notes: prng.chance(0.3) ? prng.pick(SENTENCES) : null,
    };
  }

  /** An individual client's contact is the client; others are staff of a company or people of their own. */
  contact(
    branch: number,
    client: SeededClient | null,
    isIndividual: boolean,
  ): { details: ContactDetails; surname: string } {
    const { prng } = this;
    if (client && isIndividual) {
      const { name, email, address } = client.billTo;
      return {
        details: { fullName: name, email, phone: this.mobile(), jobTitle: null, address, notes: null },
        surname: name.slice(name.indexOf(' ') + 1),
      };
    }
    const first = prng.pick(FIRST_NAMES);
    const last = this.surnamePick.draw(prng);
    const domain = client?.billTo.email?.split('@')[1];
    return {
      details: {
        fullName: `${first} ${last}`,
        email: domain ? `${slug(first)}.${slug(last)}@${domain}` : this.personalEmail(first, last),
        phone: prng.chance(0.85) ? (client && prng.chance(0.5) ? this.landline(branch) : this.mobile()) : null,
        jobTitle: client ? (prng.chance(0.8) ? prng.pick(JOB_TITLES) : null) : prng.chance(0.2) ? 'Homeowner' : null,
        address: client
          ? prng.chance(0.25)
            ? client.billTo.address
            : null
          : prng.chance(0.85)
            ? this.address(branch)
            : null,
        notes: prng.chance(0.12) ? prng.pick(SENTENCES) : null,
      },
      surname: last,
    };
  }

  /** Distinct tags: none, one, two… with the given probabilities. */
  tags(pick: Weighted<string>, counts: number[]): string[] {
    let count = 0;
    for (let roll = this.prng.float(); count < counts.length - 1 && roll >= counts[count]; count++) {
      roll -= counts[count];
    }
    const tags = new Set<string>();
    while (tags.size < count) tags.add(pick.draw(this.prng));
    return [...tags];
  }

  private address(branch: number): Address {
    const { prng } = this;
    const { name, postcode } = this.org.branches[branch];
    const letters = 'ABDEFGHJLNPQRSTUWXYZ';
    return {
      line1: `${prng.int(1, 240)} ${prng.pick(STREETS)}`,
      city: prng.pick(TOWNS[name]),
      postcode: `${postcode}${prng.int(1, 28)} ${prng.int(1, 9)}${prng.pick([...letters])}${prng.pick([...letters])}`,
      country: 'GB',
    };
  }

  private personalEmail(first: string, last: string): string {
    const { prng } = this;
    return `${slug(first)}.${slug(last)}${prng.int(1, 99)}@${prng.pick(['mail', 'post', 'inbox'])}.example`;
  }

  private mobile(): string {
    return `07700 900${String(this.prng.int(0, 999)).padStart(3, '0')}`;
  }

  private landline(branch: number): string {
    return `${this.org.branches[branch].area} 0${String(this.prng.int(0, 999)).padStart(3, '0')}`;
  }
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
