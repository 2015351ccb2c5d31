import { readFileSync, writeFileSync } from 'node:fs';
import { authHeaders, type Credentials } from './api.js';
import type { StaticRequest } from './load.js';
import type { ServerProcess } from './processes.js';
import { contactBody, type Samples, type Scenario } from './scenarios.js';
import type { BenchDatabase } from './tenant.js';

export interface CapturedServer {
  server: ServerProcess;
  /** The file its capture-sql preload appends to. */
  sqlLog: string;
}

export interface ParityOutcome {
  scenario: string;
  /** Same statements, in the same order, with the same parameters (ids masked for writes). */
  sameSql: boolean;
  /** Same JSON (reads), or the same shape of JSON (writes: other ids, times, numbers). */
  sameJson: boolean;
  /** Statements per request on the product, as the comparison saw them. */
  statements: number;
  difference?: string;
}

interface Statement {
  text: string;
  params: unknown[];
}

interface Exchange {
  status: number;
  json: unknown;
  statements: Statement[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

async function exchange(
  target: CapturedServer,
  requests: StaticRequest[],
  headers: Record<string, string>,
  requestIds: string,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  for (const [index, request] of requests.entries()) {
    writeFileSync(target.sqlLog, '');
    // Both servers honour a well-formed X-Request-Id, which the audit trail records: the same
    // id on both sides keeps their statements comparable.
    const requestId = `${requestIds}-${index}`;
    const response = await fetch(`${target.server.origin}${request.path}`, {
      method: request.method,
      headers: { ...headers, 'content-type': 'application/json', 'x-request-id': requestId },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const statements = readFileSync(target.sqlLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Statement)
      .filter((statement) => !BACKGROUND(statement.text));
    exchanges.push({ status: response.status, json: text ? JSON.parse(text) : null, statements });
  }
  return exchanges;
}

/** The JSON's top-level fields, for answers about different records. */
const shape = (value: unknown): unknown => (value && typeof value === 'object' ? Object.keys(value).sort() : value);

const KEY_LOOKUP = /FROM "subject_keys"|INTO "subject_keys"/;
/**
 * pg-boss's own polling and bookkeeping (fetching, completing, maintaining jobs), which the
 * API's workers send on their own schedule whatever the request: not the request's work. A job
 * a request queues (an INSERT into pgboss) is kept.
 */
const BACKGROUND = (text: string) => text.includes('pgboss.') && !/INSERT\s+INTO\s+pgboss\./i.test(text);

function describe(
  statements: Statement[],
  credentials: Credentials,
  maskIds: boolean,
  withoutKeyLookups: boolean,
): string[] {
  return statements
    .filter((statement) => !BACKGROUND(statement.text))
    .filter((statement) => !(withoutKeyLookups && KEY_LOOKUP.test(statement.text)))
    .map((statement) => {
      let line = `${statement.text} -- ${JSON.stringify(statement.params)}`;
      // Each server has its own API key.
      for (const own of [credentials.apiKey.slice(0, 14), credentials.apiKeyId]) {
        if (own) line = line.replaceAll(own, '<api-key>');
      }
      return maskIds ? line.replace(UUID, '<uuid>') : line;
    });
}

function firstDifference(product: string[], baseline: string[]): string | undefined {
  for (let index = 0; index < Math.max(product.length, baseline.length); index++) {
    if (product[index] !== baseline[index]) {
      return `statement ${index + 1}:\n  product:  ${product[index]?.slice(0, 400) ?? '(none)'}\n  baseline: ${baseline[index]?.slice(0, 400) ?? '(none)'}`;
    }
  }
  return undefined;
}

/**
 * Sends each scenario's requests to both servers, twice: once cold (key lookups may differ:
 * the product signed the owner in and so knows their key; those are left out of that pass)
 * and once warm, as under load, compared statement for statement. Both servers receive the
 * same requests in the same order, so their key caches hold the same keys.
 */
export async function checkParity(
  product: CapturedServer,
  baseline: CapturedServer,
  scenarios: Scenario[],
  samples: Samples,
  /** Each server its own API key: the first use of a key each minute is written, by whichever server sees it. */
  credentials: { product: Credentials; baseline: Credentials },
  db: BenchDatabase,
): Promise<ParityOutcome[]> {
  const outcomes: ParityOutcome[] = [];
  const usedJobs = new Set<string>();
  for (const scenario of scenarios) {
    const write = scenario.kind === 'write';
    let difference: string | undefined;
    let sameJson = true;
    let statements = 0;
    for (const pass of ['cold', 'warm'] as const) {
      let productRequests: StaticRequest[];
      let baselineRequests: StaticRequest[];
      if (scenario.generator === 'create-contact') {
        const body = contactBody(`parity-${pass}`, 0, samples.branchIds);
        productRequests = baselineRequests = [{ method: 'POST', path: '/api/v1/contacts', body }];
      } else if (scenario.generator === 'job-status') {
        const [forProduct, forBaseline] = await db.jobPair(usedJobs);
        usedJobs.add(forProduct).add(forBaseline);
        const versions = new Map(db.jobs().map((job) => [job.id, job.version]));
        const move = (id: string): StaticRequest[] => [
          {
            method: 'POST',
            path: `/api/v1/jobs/${id}/status`,
            body: { status: 'scheduled', version: versions.get(id) },
          },
        ];
        productRequests = move(forProduct);
        baselineRequests = move(forBaseline);
      } else {
        productRequests = baselineRequests = scenario.requests?.(samples) ?? [];
      }
      const requestIds = `parity-${Date.now().toString(36)}`;
      const fromProduct = await exchange(
        product,
        productRequests,
        authHeaders(scenario.auth, credentials.product),
        requestIds,
      );
      const fromBaseline = await exchange(
        baseline,
        baselineRequests,
        authHeaders(scenario.auth, credentials.baseline),
        requestIds,
      );
      for (let index = 0; index < fromProduct.length; index++) {
        const [ours, theirs] = [fromProduct[index], fromBaseline[index]];
        const productSql = describe(ours.statements, credentials.product, write, pass === 'cold');
        const baselineSql = describe(theirs.statements, credentials.baseline, write, pass === 'cold');
        if (pass === 'warm') statements += ours.statements.length;
        difference ??= firstDifference(productSql, baselineSql);
        if (ours.status !== theirs.status) difference ??= `status ${ours.status} (product) vs ${theirs.status}`;
        // Error answers: the product's problem+json is richer than the baseline's; the status must match.
        const json = (value: unknown) => JSON.stringify(write ? shape(value) : value);
        if (ours.status < 400 && json(ours.json) !== json(theirs.json)) sameJson = false;
      }
    }
    outcomes.push({
      scenario: scenario.id,
      sameSql: difference === undefined,
      sameJson,
      statements,
      ...(difference ? { difference } : {}),
    });
  }
  await db.resetJobs([...usedJobs]);
  return outcomes;
}

/** The plaintext twin against the product on a twinned scenario. */
export interface TwinOutcome {
  scenario: string;
  /** Statements per iteration (warm), the product's and the twin's. */
  productStatements: number;
  twinStatements: number;
  /** Reads: the same JSON byte for byte (the twin's plaintext is what the product decrypts); writes: the same shape. */
  sameJson: boolean;
  /** The twin's statements, in order (texts only). */
  twinSql: string[];
  difference?: string;
}

/**
 * Sends each twinned scenario's requests to the product and to the plaintext twin, twice (the
 * second pass, with warm key caches, is the one counted), and compares their answers.
 */
export async function checkTwin(
  product: CapturedServer,
  twin: CapturedServer,
  scenarios: Scenario[],
  samples: Samples,
  credentials: { product: Credentials; twin: Credentials },
): Promise<TwinOutcome[]> {
  const outcomes: TwinOutcome[] = [];
  // Reads first: a create adds a contact to the product's list that the twin's list does not have.
  const ordered = [...scenarios].sort((a, b) => Number(a.kind === 'write') - Number(b.kind === 'write'));
  for (const scenario of ordered) {
    const write = scenario.kind === 'write';
    let outcome: TwinOutcome | undefined;
    for (const pass of ['cold', 'warm'] as const) {
      const requests: StaticRequest[] =
        scenario.generator === 'create-contact'
          ? [{ method: 'POST', path: '/api/v1/contacts', body: contactBody(`twin-${pass}`, 0, samples.branchIds) }]
          : (scenario.requests?.(samples) ?? []);
      const requestIds = `twin-${Date.now().toString(36)}`;
      const ours = await exchange(product, requests, authHeaders(scenario.auth, credentials.product), requestIds);
      const theirs = await exchange(twin, requests, authHeaders(scenario.auth, credentials.twin), requestIds);
      const json = (value: unknown) => JSON.stringify(write ? shape(value) : value);
      const differences = ours.flatMap((answer, index) => {
        const other = theirs[index];
        if (answer.status !== other.status) return [`status ${answer.status} (product) vs ${other.status} (twin)`];
        if (json(answer.json) !== json(other.json)) {
          return [
            `JSON differs:\n  product: ${json(answer.json).slice(0, 300)}\n  twin:    ${json(other.json).slice(0, 300)}`,
          ];
        }
        return [];
      });
      outcome = {
        scenario: scenario.id,
        productStatements: ours.reduce((sum, answer) => sum + answer.statements.length, 0),
        twinStatements: theirs.reduce((sum, answer) => sum + answer.statements.length, 0),
        sameJson: differences.length === 0,
        twinSql: theirs.flatMap((answer) => answer.statements.map((statement) => statement.text)),
        ...(differences.length ? { difference: `${scenario.id}: ${differences[0]}` } : {}),
      };
    }
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
