import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { TEST_PASSWORD } from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { describeRoutes, type RouteRule } from '../../src/identity/access-matrix.js';
import { API_KEY_SCOPES } from '../../src/identity/permissions.js';
import { ROLES, type Role } from '../../src/identity/roles.js';
import { fieldPaths, type Operation, operations, sampleOf, variantsOf, withField } from './support/openapi.js';
import { send } from './support/requests.js';
import { type Caller, createWorld, fillRoute, namesRecords, referencesOf, type World } from './support/world.js';

/**
 * The authorization matrix, generated from the committed OpenAPI document: every operation
 * × every role and every kind of bad credential, each cell's expected outcome derived from
 * the code's permission matrix (access-matrix.ts, permissions.ts); then every operation
 * called by another organization with our ids. tenant-isolation.e2e-spec.ts proves the
 * same for hand-made records one route at a time; this sweep covers every cell at once.
 */
type Expected = 'allowed' | 'forbidden' | 'unauthenticated';

const CALLERS: Caller[] = [
  ...ROLES,
  'no credentials',
  'expired token',
  'tampered token',
  'revoked token',
  'api key with the scope',
  'api key without the scope',
];
/** Operations that end the caller's session: called last, with a fresh session each. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/sessions/revoke-all']);
const keyOf = (op: Operation) => `${op.method} ${op.route}`;

describe('authorization matrix from the OpenAPI document', () => {
  let world: World;
  let rules: Map<string, RouteRule>;
  const ops = operations().sort((a, b) => Number(SESSION_ENDING.has(keyOf(a))) - Number(SESSION_ENDING.has(keyOf(b))));
  const figures = {
    database: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
    routes: ops.length,
    roles: [...ROLES],
    callers: CALLERS,
    cells: 0,
    requests: 0,
    mismatches: 0,
    byCaller: [] as Array<{ caller: string; cells: number; outcomes: Record<string, number> }>,
    crossTenant: { requests: 0, successes: 0, leaks: 0, tables: 0, changedTables: 0 },
  };

  beforeAll(async () => {
    world = await createWorld();
    rules = new Map(describeRoutes(world.app.app).map((rule) => [`${rule.method} ${rule.path}`, rule]));
  }, 120_000);
  afterAll(async () => {
    writeResult('authorization-matrix', figures);
    await world?.app.close();
  });

  it('should have a rule for every operation of the document, and an operation for every route', () => {
    const documented = ops.map(keyOf).sort();
    expect(documented.filter((key) => !rules.has(key))).toEqual([]);
    expect([...rules.keys()].filter((key) => !documented.includes(key))).toEqual([]);
    expect(documented.filter((key) => rules.get(key)?.rule === 'NONE')).toEqual([]);
    // Every path parameter can be filled from the seeded records (else fillRoute throws).
    for (const op of ops) fillRoute(op.route, world.ours);
  });

  /** The outcome a cell must have, from the route's rule, the document's security and the key's scopes. */
  function expectation(op: Operation, caller: Caller): Expected {
    const rule = rules.get(keyOf(op)) as RouteRule;
    if (rule.rule === 'public') return 'allowed';
    if ((ROLES as readonly string[]).includes(caller)) {
      return rule.roles.includes(caller as Role) ? 'allowed' : 'forbidden';
    }
    if (caller === 'api key with the scope' || caller === 'api key without the scope') {
      const scopes: readonly string[] =
        caller === 'api key with the scope' ? API_KEY_SCOPES : world.ours.narrowKey.scopes;
      return op.security.includes('api-key') && rule.permissions.some((permission) => scopes.includes(permission))
        ? 'allowed'
        : 'forbidden';
    }
    return 'unauthenticated';
  }

  const classify = (response: Response): string => {
    if (response.status === 401) return 'unauthenticated';
    if (response.status === 403 && response.body?.code === 'forbidden') return 'forbidden';
    if (response.status >= 500) return 'server error';
    return 'allowed';
  };

  async function credentialsOf(caller: Caller, op: Operation): Promise<Record<string, string>> {
    const { ours, badTokens } = world;
    if ((ROLES as readonly string[]).includes(caller)) {
      // A session-ending call gets a session of its own, so the next cells keep theirs.
      const bearer = SESSION_ENDING.has(keyOf(op))
        ? await signInAgain(ours.users[caller as Role].email)
        : ours.bearer[caller as Role];
      return { authorization: bearer };
    }
    switch (caller) {
      case 'expired token':
        return { authorization: badTokens.expired };
      case 'tampered token':
        return { authorization: badTokens.tampered };
      case 'revoked token':
        return { authorization: badTokens.revoked };
      case 'api key with the scope':
        return { 'x-api-key': ours.fullKey };
      case 'api key without the scope':
        return { 'x-api-key': ours.narrowKey.secret };
      default:
        return {};
    }
  }

  const signInAgain = async (email: string) => {
    const response = await world.app.http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD });
    return `Bearer ${response.body.accessToken}`;
  };

  it('should answer every role and credential as the permission matrix says', async () => {
    const mismatches: string[] = [];
    const byCaller = new Map<string, Record<string, number>>();
    const cells = ops.flatMap((op) => CALLERS.map((caller) => ({ op, caller })));
    const run = async ({ op, caller }: { op: Operation; caller: Caller }) => {
      // Reads name our real records; writes name ids that do not exist, so no cell changes data.
      const path = op.method === 'GET' ? fillRoute(op.route, world.ours) : op.route.replace(/:\w+/g, randomUUID());
      const response = await send(world.app, {
        method: op.method,
        path,
        headers: await credentialsOf(caller, op),
        body: op.body ? (op.body.contentType === 'text/csv' ? '' : '{}') : undefined,
        contentType: op.body?.contentType,
      });
      const expected = expectation(op, caller);
      const got = classify(response);
      const outcomes = byCaller.get(caller) ?? {};
      const label = `${expected} → ${response.status}`;
      outcomes[label] = (outcomes[label] ?? 0) + 1;
      byCaller.set(caller, outcomes);
      if (got !== expected) {
        mismatches.push(
          `${caller}: ${keyOf(op)} expected ${expected}, got ${response.status} ${response.body?.code ?? ''}`,
        );
      }
    };
    const ordinary = cells.filter(({ op }) => !SESSION_ENDING.has(keyOf(op)));
    await inBatches(ordinary, 8, run);
    for (const cell of cells.filter(({ op }) => SESSION_ENDING.has(keyOf(op)))) await run(cell);
    figures.cells = cells.length;
    figures.requests += cells.length;
    figures.mismatches = mismatches.length;
    figures.byCaller = CALLERS.map((caller) => ({
      caller,
      cells: ops.length,
      outcomes: byCaller.get(caller) ?? {},
    }));
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('should never let another organization read or change ours, even naming our ids', async () => {
    const { ours, theirs, app } = world;
    // The role sweep above may have started exports and retention runs of ours: let the worker
    // finish them, or their progress would show as a change in the middle of this sweep.
    await exportsSettled(ours.organizationId);
    const before = await snapshot(ours.organizationId);
    const ourIds = new Set([...Object.values(ours.ids), ...Object.values(ours.users).map((user) => user.id)]);
    ourIds.delete(ours.ids.auditSeq);
    const problems: string[] = [];
    const callers: Array<{ name: string; headers: Record<string, string> }> = [
      { name: 'their owner', headers: { authorization: theirs.bearer.owner } },
      { name: 'their api key', headers: { 'x-api-key': theirs.fullKey } },
    ];
    const cells = ops
      // An organization's public forms (consent, privacy requests) are public by design: anyone,
      // another organization's staff too, may fill them in, naming the organization by its public
      // slug; credentials play no part. Their own tests prove what they reveal and store.
      .filter((op) => !SESSION_ENDING.has(keyOf(op)) && !keyOf(op).includes('/api/v1/public/organizations/'))
      .flatMap((op) => {
        if (op.body?.contentType !== 'application/json') {
          const csv = op.body
            ? `fullName,email,clientId\nSomeone,someone@example.test,${ours.ids.client}\n`
            : undefined;
          return callers.map((caller) => ({ op, caller, variant: 'csv', body: csv }));
        }
        // Each enum variant of the body with their own references, then with one of ours at a time.
        const schema = op.body.schema;
        const bodies = Array.from({ length: variantsOf(schema) }, (_, variant) => {
          const base = sampleOf(schema, referencesOf(theirs), variant);
          const foreign = fieldPaths(base).filter((path) => (path.at(-1) as string) in referencesOf(ours));
          return [
            { variant: `variant ${variant}`, body: base },
            ...foreign.map((path) => ({
              variant: `variant ${variant}, our ${path.join('.')}`,
              body: withField(base, path, referencesOf(ours)[path.at(-1) as string]),
            })),
          ];
        }).flat();
        return callers.flatMap((caller) =>
          bodies.map(({ variant, body }) => ({ op, caller, variant, body: JSON.stringify(body) })),
        );
      });
    await inBatches(cells, 6, async ({ op, caller, variant, body }) => {
      const hasIds = namesRecords(op.route);
      const path = fillRoute(op.route, ours);
      const request = { method: op.method, headers: caller.headers, body, contentType: op.body?.contentType };
      const response = await send(app, { ...request, path });
      figures.crossTenant.requests++;
      const cell = `${caller.name}: ${keyOf(op)} (${variant}) → ${response.status} ${response.body?.code ?? ''}`;
      const named = body ? [...ourIds].some((id) => body.includes(id)) : false;
      // An import that created nothing refused every row.
      const succeeded = response.status >= 200 && response.status < 300 && response.body?.created !== 0;
      if (succeeded && ((hasIds && !op.route.includes(':seq')) || named)) {
        figures.crossTenant.successes++;
        problems.push(`${cell}: succeeded with our ids`);
      }
      // Our id must be answered exactly as an id that exists nowhere. Audit positions (:seq) are
      // per organization, so theirs exist too: for those only the leak check below applies.
      if (hasIds && !op.route.includes(':seq')) {
        const missing = await send(app, { ...request, path: op.route.replace(/:\w+/g, () => randomUUID()) });
        figures.crossTenant.requests++;
        if (missing.status !== response.status || missing.body?.code !== response.body?.code) {
          problems.push(`${cell}: an id that exists nowhere answers ${missing.status} ${missing.body?.code ?? ''}`);
        }
      }
      if (response.status >= 500) problems.push(`${cell}: server error`);
      const text = response.text ?? '';
      const leaked = [...ourIds].filter((id) => text.includes(id) && !(body ?? '').includes(id) && !path.includes(id));
      if (leaked.length) {
        figures.crossTenant.leaks++;
        problems.push(`${cell}: answer names our records`);
      }
    });
    const after = await snapshot(ours.organizationId);
    figures.crossTenant.tables = Object.keys(before).length;
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    figures.crossTenant.changedTables = changed.length;
    expect({ problems, changed }).toEqual({ problems: [], changed: [] });
  }, 300_000);

  /** Waits until no export of the organization is queued or building and no retention run of it is running. */
  async function exportsSettled(organizationId: string): Promise<void> {
    for (let tries = 0; ; tries++) {
      const [{ busy }] = await world.app.db.query<{ busy: number }>(
        `SELECT (SELECT count(*) FROM data_exports
                  WHERE organization_id = $1 AND status IN ('queued', 'building'))::int
              + (SELECT count(*) FROM retention_runs WHERE organization_id = $1 AND status = 'running')::int AS busy`,
        [organizationId],
      );
      if (busy === 0) return;
      if (tries > 600) throw new Error(`${busy} exports of ours stayed queued or building, or retention runs running`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A digest of every row of every table that carries organization_id, for one organization. */
  async function snapshot(organizationId: string): Promise<Record<string, string>> {
    const tables = await world.app.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
    );
    const digests: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await world.app.db.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest
           FROM "${table_name}" t WHERE organization_id = $1`,
        [organizationId],
      );
      digests[table_name] = row.digest;
    }
    return digests;
  }
});

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}
