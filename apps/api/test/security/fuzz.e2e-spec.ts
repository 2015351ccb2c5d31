import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { bearerFor, TEST_PASSWORD } from '#testing';
import { FUZZ_CASE_HEADER } from '../../../../libs/testing/src/canaries.js';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { IdentityService } from '../../src/identity/identity.service.js';
import { NASTY_STRINGS, nastyValue, validValue } from './support/arbitraries.js';
import { fieldPaths, type Operation, operations, withField } from './support/openapi.js';
import { type RawRequest, send } from './support/requests.js';
import { cookieSessionOf, createWorld, fillRoute, type World } from './support/world.js';

/**
 * Property-based fuzzing of the whole HTTP surface, driven by the OpenAPI document's
 * schemas and beyond them. Each property draws its cases with fast-check from one seed
 * (FUZZ_SEED, by default the day's date), sends them to one app seeded once, and checks
 * every answer: never a 5xx, every 4xx an application/problem+json with a `type`, a
 * Permissions-Policy header, plus what the property itself promises (405 for a wrong
 * method, 415 for a wrong content type, 431 for oversized headers, 404 problem for
 * unknown /api paths, no 2xx with prototype keys). The process must still answer health.
 *
 * Cases are run to the end rather than stopped at the first failure, so that one run
 * names every kind of defect; each kind is reported with a case that shows it, the seed
 * and the case's index (replay: FUZZ_SEED=<seed> npm test -- apps/api/test/security/fuzz).
 */
const CI = ['true', '1'].includes(String(process.env.CI));
const TOTAL = Number(process.env.FUZZ_RUNS ?? (CI ? 10_000 : 2_000));
const SEED = Number(process.env.FUZZ_SEED ?? Number(new Date().toISOString().slice(0, 10).replaceAll('-', '')));
const CONCURRENCY = 6;

if (CI && TOTAL < 10_000) throw new Error(`FUZZ_RUNS must be at least 10,000 in CI (is ${TOTAL})`);

type Principal = 'anonymous' | 'bearer' | 'cookie' | 'api key';
const PRINCIPALS: Principal[] = ['anonymous', 'bearer', 'cookie', 'api key'];

interface Case extends RawRequest {
  principal: Principal;
  /** What the case sends that may break things: "nul", "JSON nested thousands deep". */
  input: string;
  /** The operation it aims at: "POST /api/v1/clients". */
  target: string;
  /** Where the input sits: "name", "query q". */
  where?: string;
  /** Extra expectation of the property, on top of the common ones. */
  expect?: (response: Response) => string | undefined;
}

interface PropertyFigures {
  name: string;
  runs: number;
  statuses: Record<string, number>;
  failure?: string;
}

describe('fuzzing the HTTP surface', () => {
  let world: World;
  const ops = operations();
  /** Operations that would end the fuzzing session itself (revoke-all, or revoking it by its id). */
  const withoutSessionEnders = ops.filter((op) => !op.path.startsWith('/api/v1/auth/sessions/'));
  const figures: PropertyFigures[] = [];
  let principals: Record<Principal, Record<string, string>>;
  const sessions: Array<Record<Principal, Record<string, string>>> = [];
  let ids: Record<string, string[]>;

  /**
   * Fresh sessions of fresh admins (who may do all an owner may) for each property: a
   * fuzzed password change or MFA call counts as a failed sign-in, and enough of them lock
   * the account, so no property may depend on the previous one's account. All are signed
   * in before any case runs: fuzzed sign-ins soon lock out the test's IP address.
   */
  async function signIn(): Promise<Record<Principal, Record<string, string>>> {
    const { ours, app } = world;
    const identity = app.app.get(IdentityService);
    const fresh = async () => {
      const email = `fuzz.${randomUUID().slice(0, 8)}@example.test`;
      await identity.createUser(ours.organizationId, {
        profile: { email, fullName: 'Fuzz Admin', phone: null, jobTitle: null, company: null },
        role: 'admin',
        password: TEST_PASSWORD,
        emailVerified: true,
        ageConfirmed: true,
      });
      return email;
    };
    const cookie = await cookieSessionOf(app, await fresh());
    return {
      anonymous: {},
      bearer: { authorization: await bearerFor(app, await fresh()) },
      cookie: { cookie: cookie.cookie, 'x-csrf-token': cookie.csrf },
      'api key': { 'x-api-key': ours.fullKey },
    };
  }

  beforeAll(async () => {
    world = await createWorld();
    for (let property = 0; property < 6; property++) sessions.push(await signIn());
    const { ours } = world;
    ids = {
      branchId: [ours.branchId],
      branchIds: [ours.branchId, ours.otherBranchId],
      clientId: [ours.ids.client],
      contactId: [ours.ids.contact],
      contactIds: [ours.ids.contact],
      jobId: [ours.ids.job],
      assigneeId: [ours.users.agent.id, ours.users.owner.id],
      assignedUserIds: [ours.users.agent.id],
      ownerId: [ours.users.agent.id],
      invoiceId: [ours.ids.invoice],
      listId: [ours.ids.list],
    };
  }, 120_000);

  afterAll(async () => {
    const statuses: Record<string, number> = {};
    for (const property of figures) {
      for (const [status, n] of Object.entries(property.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    }
    writeResult('fuzz', {
      database: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
      seed: SEED,
      cases: figures.reduce((sum, property) => sum + property.runs, 0),
      failedProperties: figures.filter((property) => property.failure).length,
      properties: figures,
      statuses,
    });
    await world?.app.close();
  });

  /** Runs a property's cases and answers the distinct violations, each with an example. */
  async function runProperty(name: string, share: number, arbitrary: fc.Arbitrary<Case>): Promise<string[]> {
    const runs = Math.max(1, Math.round(TOTAL * share));
    principals = sessions.shift() ?? (await signIn());
    const cases = fc.sample(arbitrary, { seed: SEED, numRuns: runs });
    const statuses: Record<string, number> = {};
    const violations = new Map<string, { count: number; targets: Set<string>; example: string }>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) {
          const index = next++;
          const item = cases[index];
          let problems: Array<string | undefined>;
          try {
            const response = await send(world.app, {
              ...item,
              headers: { ...principals[item.principal], ...item.headers, [FUZZ_CASE_HEADER]: String(index) },
            });
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            problems = [...commonViolations(response, item), item.expect?.(response)];
          } catch (error) {
            statuses['no answer'] = (statuses['no answer'] ?? 0) + 1;
            problems = [`no answer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`];
          }
          for (const problem of problems) {
            if (!problem) continue;
            // One kind per problem and input: the routes it hit are counted, one case is shown.
            const kind = problem === 'no Permissions-Policy header' ? problem : `${problem} for ${item.input}`;
            const seen = violations.get(kind) ?? { count: 0, targets: new Set<string>(), example: '' };
            seen.count++;
            seen.targets.add(item.target);
            seen.example ||= `case ${index} of seed ${SEED}: ${item.target}${item.where ? ` (${item.where})` : ''} as ${item.principal}`;
            violations.set(kind, seen);
          }
        }
      }),
    );
    const found = [...violations]
      .map(([kind, { count, targets, example }]) => `${kind}: ${count}× on ${targets.size} routes, e.g. ${example}`)
      .sort();
    figures.push({
      name,
      runs,
      statuses,
      failure: found.length ? `${found.length} kinds, e.g. ${found[0].slice(0, 160).replaceAll('|', '/')}` : undefined,
    });
    return found;
  }

  const commonViolations = (response: Response, item: Case): Array<string | undefined> => [
    // Readiness answers 503 when a dependency is not ready: that is its documented answer.
    response.status >= 500 && !(item.target === 'GET /api/v1/health/ready' && response.status === 503)
      ? `answered ${response.status}`
      : undefined,
    response.status >= 400 && response.status < 500 && !isProblem(response)
      ? `${response.status} without a problem+json body`
      : undefined,
    response.headers['permissions-policy'] ? undefined : 'no Permissions-Policy header',
  ];

  const principal = fc.constantFrom(...PRINCIPALS);
  const signedIn = fc.constantFrom<Principal>('bearer', 'api key', 'cookie');
  /** The route with our real records in its parameters, or the values given. */
  const pathOf = (op: Operation, params: Record<string, string> = {}) => {
    const filled = fillRoute(op.route, world.ours).split('/');
    return op.route
      .split('/')
      .map((segment, index) => (segment.startsWith(':') ? (params[segment.slice(1)] ?? filled[index]) : segment))
      .join('/');
  };

  it('should answer bodies built from the schemas, one field broken at a time, without a 5xx', async () => {
    const bodyOps = withoutSessionEnders.filter((op) => op.body?.contentType === 'application/json');
    const arbitrary = fc
      .constantFrom(...bodyOps)
      .chain((op) =>
        fc.record({
          op: fc.constant(op),
          principal,
          base: validValue((op.body as NonNullable<Operation['body']>).schema, ids),
          pick: fc.nat(),
          nasty: nastyValue,
          shape: fc.constantFrom('one field', 'one field', 'one field', 'as sent', 'whole body'),
        }),
      )
      .map(({ op, principal, base, pick, nasty: [label, value], shape }): Case => {
        const paths = fieldPaths(base);
        const path = paths.length ? paths[pick % paths.length] : [];
        const body =
          shape === 'as sent' ? base : shape === 'whole body' || !paths.length ? value : withField(base, path, value);
        return {
          method: op.method,
          path: pathOf(op),
          principal,
          body: JSON.stringify(safe(body)),
          target: `${op.method} ${op.route}`,
          input:
            shape === 'as sent'
              ? 'a schema-shaped body'
              : `${label} in ${shape === 'whole body' ? 'the body' : 'a field'}`,
          where: shape === 'one field' ? path.join('.') : undefined,
          // Text that is not well-formed (NUL, a lone surrogate) is refused, never stored
          // altered (the driver would turn a lone surrogate into U+FFFD) nor failed on.
          expect: (response) =>
            shape !== 'as sent' && /^(nul|lone-surrogate)/.test(label) && response.status < 400
              ? `accepted ${label.replace(/ inside text/, '')} text with ${response.status}`
              : undefined,
        };
      });
    expect(await runProperty('bodies from the schemas', 0.4, arbitrary)).toEqual([]);
  }, 900_000);

  it('should answer path and query parameters of any value without a 5xx', async () => {
    const withParams = withoutSessionEnders.filter((op) => op.parameters.some((p) => p.in !== 'header'));
    const arbitrary = fc
      .record({
        op: fc.constantFrom(...withParams),
        principal,
        pick: fc.nat(),
        nasty: nastyValue,
      })
      .map(({ op, principal, pick, nasty: [label, value] }): Case => {
        const params = op.parameters.filter((p) => p.in !== 'header');
        const param = params[pick % params.length];
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        const encoded = percentEncoded(text.slice(0, 4000));
        const path =
          param.in === 'path' ? pathOf(op, { [param.name]: encoded }) : `${pathOf(op)}?${param.name}=${encoded}`;
        return {
          method: op.method,
          path,
          principal,
          target: `${op.method} ${op.route}`,
          input: `${label} in a ${param.in} parameter`,
          where: param.name,
        };
      });
    expect(await runProperty('path and query parameters', 0.2, arbitrary)).toEqual([]);
  }, 900_000);

  it('should refuse raw bodies: deep nesting, broken JSON, prototype keys, wrong content types', async () => {
    const bodyOps = withoutSessionEnders.filter((op) => op.body);
    const raw = fc.oneof(
      fc.integer({ min: 1000, max: 8000 }).map((depth) => ({
        label: 'JSON nested thousands deep',
        text: `{"email":${'['.repeat(depth)}1${']'.repeat(depth)},"name":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
        type: 'application/json',
        wrongType: false,
      })),
      fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"a":1}}',
          'nul\u0000',
          '\ud800',
          '"\\ud800"',
          'null',
          '[]',
          '"text"',
          '1e999',
        )
        .map((text) => ({ label: 'broken or bare JSON', text, type: 'application/json', wrongType: false })),
      fc
        .tuple(
          fc.constantFrom('text/plain', 'application/xml', 'application/octet-stream'),
          fc.constantFrom('{"name":"x"}', '<a>1</a>', 'name=x'),
        )
        .map(([type, text]) => ({ label: `content type ${type}`, text, type, wrongType: true })),
    );
    const arbitrary = fc.record({ op: fc.constantFrom(...bodyOps), principal, raw }).map(
      ({ op, principal, raw }): Case => ({
        method: op.method,
        path: pathOf(op),
        principal,
        body: raw.text,
        contentType: raw.type,
        target: `${op.method} ${op.route}`,
        input: raw.label,
        // A body the route cannot read is refused as such, whoever sends it.
        // (Checked for callers the route lets in: for others a 401 or 403 may come first.)
        expect: (response) =>
          raw.wrongType &&
          op.body?.contentType === 'application/json' &&
          (principal === 'bearer' || op.security.length === 0) &&
          response.status !== 415
            ? `answered ${response.status}, not 415`
            : undefined,
      }),
    );
    expect(await runProperty('raw bodies and content types', 0.15, arbitrary)).toEqual([]);
  }, 900_000);

  it('should refuse prototype keys like any unknown field', async () => {
    const bodyOps = withoutSessionEnders.filter((op) => op.body?.contentType === 'application/json');
    const arbitrary = fc
      .constantFrom(...bodyOps)
      .chain((op) =>
        fc.record({
          op: fc.constant(op),
          principal: signedIn,
          base: validValue((op.body as NonNullable<Operation['body']>).schema, ids),
          key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
          inner: fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '1'),
        }),
      )
      .map(({ op, principal, base, key, inner }): Case => {
        const text = JSON.stringify(safe(base));
        const body =
          text.startsWith('{') && text !== '{}' ? `{"${key}":${inner},${text.slice(1)}` : `{"${key}":${inner}}`;
        return {
          method: op.method,
          path: pathOf(op),
          principal,
          body,
          target: `${op.method} ${op.route}`,
          input: `a ${key} key`,
          expect: (response) => (response.status < 300 ? `accepted a ${key} key with ${response.status}` : undefined),
        };
      });
    const found = await runProperty('prototype keys', 0.1, arbitrary);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(found).toEqual([]);
  }, 900_000);

  it('should answer a wrong method with 405 and an unknown /api path with a 404 problem', async () => {
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
    const templates = ops.map((op) => ({
      method: op.method,
      pattern: new RegExp(`^${op.route.replace(/:\w+/g, '[^/]+')}$`),
    }));
    const routed = (method: string, path: string) =>
      templates.some((template) => template.method === method && template.pattern.test(path));
    const wrongMethod = fc
      .record({ op: fc.constantFrom(...ops), method: fc.constantFrom(...methods), principal })
      .filter(({ op, method }) => !routed(method, pathOf(op)))
      .map(
        ({ op, method, principal }): Case => ({
          method,
          path: pathOf(op),
          principal,
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
          target: `${op.method} ${op.route}`,
          input: `method ${method}`,
          expect: (response) => (response.status !== 405 ? `answered ${response.status}, not 405` : undefined),
        }),
      );
    const unknownPath = fc
      .record({
        prefix: fc.constantFrom('/api/v2/', '/api/', '/api/v1/', '/api/v1/clients/x/', '/api/internal/'),
        rest: fc.stringMatching(/^[a-z0-9-]{1,12}(\/[a-z0-9-]{1,12}){0,2}$/),
        method: fc.constantFrom(...methods),
        accept: fc.constantFrom('text/html', 'application/json', '*/*', ''),
        principal,
      })
      .filter(({ prefix, rest, method }) => !routed(method, `${prefix}zz-${rest}`))
      .map(
        ({ prefix, rest, method, accept, principal }): Case => ({
          method,
          path: `${prefix}zz-${rest}`,
          principal,
          headers: accept ? { accept } : {},
          target: `${method} ${prefix}…`,
          input: `an unknown path${accept ? ` accepting ${accept}` : ''}`,
          expect: (response) =>
            response.status !== 404 && response.status !== 405
              ? `answered ${response.status} ${String(response.headers['content-type']).split(';')[0]}, not a 404 problem`
              : undefined,
        }),
      );
    const arbitrary = fc.oneof(wrongMethod, unknownPath);
    expect(await runProperty('methods and unknown paths', 0.1, arbitrary)).toEqual([]);
  }, 900_000);

  it('should answer oversized and odd headers with a problem', async () => {
    const arbitrary = fc
      .record({
        op: fc.constantFrom(...withoutSessionEnders.filter((op) => op.method === 'GET')),
        principal,
        size: fc.integer({ min: 17_000, max: 90_000 }),
        odd: fc.constantFrom('oversized', 'oversized', 'bearer junk', 'api key junk', 'cookie junk', 'csrf junk'),
        junk: fc.constantFrom(
          ...NASTY_STRINGS.map(([, value]) => value).filter((v) => /^[\x20-\x7e]*$/.test(v) && v.length < 1000),
        ),
      })
      .map(({ op, principal, size, odd, junk }): Case => {
        const headers: Record<string, string> =
          odd === 'oversized'
            ? { 'x-padding': 'a'.repeat(size) }
            : odd === 'bearer junk'
              ? { authorization: `Bearer ${junk}` }
              : odd === 'api key junk'
                ? { 'x-api-key': `${junk}` }
                : odd === 'cookie junk'
                  ? { cookie: `steward_refresh=${encodeURIComponent(junk)}; steward_csrf=${encodeURIComponent(junk)}` }
                  : { 'x-csrf-token': junk };
        return {
          method: op.method,
          path: pathOf(op),
          principal: odd === 'oversized' ? principal : 'anonymous',
          headers,
          target: `${op.method} ${op.route}`,
          input: `${odd} headers`,
          expect: (response) =>
            odd === 'oversized' && response.status !== 431 ? `answered ${response.status}, not 431` : undefined,
        };
      });
    expect(await runProperty('headers', 0.05, arbitrary)).toEqual([]);
  }, 900_000);

  it('should be alive after all of it', async () => {
    const health = await world.app.http().get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(figures.reduce((sum, property) => sum + property.runs, 0)).toBeGreaterThanOrEqual(CI ? 10_000 : 1);
  });
});

const isProblem = (response: Response) =>
  /^application\/problem\+json/.test(String(response.headers['content-type'])) &&
  typeof response.body?.type === 'string';

/** Keeps the session usable: a fuzzed organization update may not switch MFA on for everyone. */
function safe(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'mfaRequired' in body) {
    return { ...body, mfaRequired: false };
  }
  return body;
}

/** Percent-encodes UTF-8 bytes; a lone surrogate becomes the bytes of one (ED A0 80), as an attacker would send. */
function percentEncoded(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) out += '%ED%A0%80';
    else if (/[A-Za-z0-9._~-]/.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
