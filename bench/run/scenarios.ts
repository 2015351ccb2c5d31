import type { RequestGenerator, StaticRequest } from './load.js';

export type Auth = 'jwt' | 'api-key';

/** The tag on every contact the bench creates, so a run can remove them again. */
export const BENCH_TAG = 'bench-load';

/** What the scenarios need to know about the seeded tenant. */
export interface Samples {
  contactId: string;
  searchWord: string;
  tag: string;
  branchId: string;
  branchIds: string[];
  /** The cursor of a page in the middle of the contact list. */
  deepCursor: string;
  /** Position of that page (for the report). */
  deepPage: number;
}

export interface Scenario {
  id: string;
  title: string;
  kind: 'read' | 'write';
  auth: Auth;
  /** Static requests, cycled by every connection. */
  requests?: (samples: Samples) => StaticRequest[];
  /** Or a body per request (new contacts, the next job of the pool). */
  generator?: 'create-contact' | 'job-status';
  /** Also measured on the plaintext twin (bench/baseline/plain.ts): the cost of privacy. */
  twin?: boolean;
}

/** The goals (issue 19). */
export const GOALS = {
  /**
   * The product's CPU per request over the baseline's, median of the rounds' ratios: at most
   * 1.4× (the throughput ratio follows: about 70 % or more), never over 2× (the floor).
   */
  cpu: { goal: 1.4, floor: 2 },
  /** p99 under an open-model load at a fixed rate, in ms (no floor). */
  openP99Ms: 50,
  /** The open model's rate: this share of the baseline's capacity (its closed-loop req/s) in the same run. */
  openLoadShare: 0.5,
  /** The product's throughput as a share of the plaintext twin's, on the list (no floor). */
  twinShare: { list: 0.6 },
  /** Throughput lost to the audit trail on a write, as a share. */
  auditOverhead: { goal: 0.05, floor: 0.15 },
  rssUnderLoadMb: 200,
  startSeconds: 5,
} as const;

/** The label of the plaintext twin among the targets of a run. */
export const TWIN = 'plaintext twin';

const PAGE = 50;

const base: Array<Omit<Scenario, 'id' | 'auth'> & { key: string }> = [
  {
    key: 'contacts-first-page',
    title: 'List contacts: first page of 50',
    kind: 'read',
    requests: () => [{ method: 'GET', path: `/api/v1/contacts?limit=${PAGE}` }],
  },
  {
    key: 'contacts-deep-page',
    title: 'List contacts: a deep page by cursor',
    kind: 'read',
    requests: (samples) => [
      { method: 'GET', path: `/api/v1/contacts?limit=${PAGE}&cursor=${encodeURIComponent(samples.deepCursor)}` },
    ],
  },
  {
    key: 'contacts-search',
    title: 'List contacts: search',
    kind: 'read',
    requests: (samples) => [
      { method: 'GET', path: `/api/v1/contacts?limit=${PAGE}&q=${encodeURIComponent(samples.searchWord)}` },
    ],
  },
  {
    key: 'contacts-filter',
    title: 'List contacts: filter by tag and branch',
    kind: 'read',
    requests: (samples) => [
      {
        method: 'GET',
        path: `/api/v1/contacts?limit=${PAGE}&tag=${encodeURIComponent(samples.tag)}&branchId=${samples.branchId}`,
      },
    ],
  },
  {
    key: 'contact-with-timeline',
    title: 'One contact with its timeline',
    kind: 'read',
    requests: (samples) => [
      { method: 'GET', path: `/api/v1/contacts/${samples.contactId}` },
      { method: 'GET', path: `/api/v1/communications?contactId=${samples.contactId}&limit=${PAGE}` },
    ],
  },
  { key: 'create-contact', title: 'Create a contact', kind: 'write', generator: 'create-contact' },
  { key: 'job-status', title: "Update a job's status", kind: 'write', generator: 'job-status' },
];

/** Scenarios with a plaintext twin (JWT only: the twin's subject is the data, not the credentials). */
const TWINNED = ['contacts-first-page:jwt', 'create-contact:jwt'];

export const SCENARIOS: Scenario[] = base.flatMap(({ key, ...scenario }) =>
  (['jwt', 'api-key'] as const).map((auth) => {
    const id = `${key}:${auth}`;
    return { ...scenario, id, auth, ...(TWINNED.includes(id) ? { twin: true } : {}) };
  }),
);

/** The write measured with and without the audit trail (JWT). */
export const AUDIT_SCENARIO = SCENARIOS.find((scenario) => scenario.id === 'create-contact:jwt') as Scenario;

export function generatorOf(
  scenario: Scenario,
  samples: Samples,
  run: string,
  jobs: Array<{ id: string; version: number }>,
): RequestGenerator | undefined {
  if (scenario.generator === 'create-contact') return { kind: 'create-contact', branchIds: samples.branchIds, run };
  if (scenario.generator === 'job-status') return { kind: 'job-status', jobs, to: 'scheduled' };
  return undefined;
}

/** The request body of the n-th new contact: unique names and emails, realistic sizes. */
export function contactBody(run: string, n: number, branchIds: string[]) {
  return {
    fullName: `Bench Contact ${run} ${n}`,
    email: `bench.${run}.${n}@example.test`,
    phone: `+44 113 496 ${String(n % 10_000).padStart(4, '0')}`,
    jobTitle: 'Facilities manager',
    address: { line1: `${(n % 200) + 1} Mill Lane`, city: 'Leeds', postcode: 'LS1 4AP', country: 'GB' },
    tags: [BENCH_TAG],
    branchId: branchIds[n % branchIds.length],
  };
}
