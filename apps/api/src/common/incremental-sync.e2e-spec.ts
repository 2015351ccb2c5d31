import { expectProblem } from '#testing';
import { openApiDocument, operations } from '../../test/security/support/openapi.js';
import { createWorld, type World } from '../../test/security/support/world.js';
import { LISTS_WITHOUT_UPDATED_SINCE } from './integration.openapi.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** One millisecond after an answer's `updatedAt`: later than that record (the database keeps microseconds). */
const justAfter = (at: string) => new Date(new Date(at).getTime() + 1).toISOString();

type Item = { id: string; updatedAt: string };

/**
 * `updatedSince` for incremental sync: rows changed at or after the instant, oldest change
 * first, paged by the same cursors, on every list of records that carry an update time.
 */
describe('updatedSince', () => {
  let world: World;
  let owner: string;
  const http = () => world.app.http();

  beforeAll(async () => {
    world = await createWorld();
    owner = world.ours.bearer.owner;
    // The owner's own privacy request, so the privacy center's list has something to filter.
    await http().post('/api/v1/me/privacy-requests').set('authorization', owner).send({ type: 'inquiry' }).expect(201);
  }, 180_000);
  afterAll(() => world.app.close());

  const list = async (path: string, query: Record<string, string | number>) =>
    (await http().get(path).query(query).set('authorization', owner).expect(200)).body as {
      items: Item[];
      nextCursor?: string | null;
    };

  it('should page clients changed since an instant, oldest change first, and meet one changed while paging again', async () => {
    const create = async (name: string) =>
      (
        await http()
          .post('/api/v1/clients')
          .set('authorization', owner)
          .send({ kind: 'company', name, branchId: world.ours.branchId })
          .expect(201)
      ).body as Item & { version: number };
    const before = await create('Before Sync Ltd');
    await pause(5);
    const since = justAfter(before.updatedAt);
    const [a, b, c] = [await create('Alpha Ltd'), await create('Bravo Ltd'), await create('Charlie Ltd')];

    const first = await list('/api/v1/clients', { updatedSince: since, limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([a.id, b.id]);
    expect(first.nextCursor).toEqual(expect.any(String));

    // Changed between two pages: it moves behind the cursor, so the next page brings it again.
    await http()
      .patch(`/api/v1/clients/${a.id}`)
      .set('authorization', owner)
      .send({ version: a.version, name: 'Alpha Renamed Ltd' })
      .expect(200);
    const second = await list('/api/v1/clients', { updatedSince: since, limit: 2, cursor: first.nextCursor as string });
    expect(second.items.map((item) => item.id)).toEqual([c.id, a.id]);
    expect(second.nextCursor).toBeNull();
    const times = [...first.items, ...second.items].map((item) => new Date(item.updatedAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));

    // Another order may be asked for; the filter stays.
    const newest = await list('/api/v1/clients', { updatedSince: since, sort: '-createdAt' });
    expect(newest.items.map((item) => item.id)).toEqual([c.id, b.id, a.id]);
    // A cursor of the plain list is not one of the sync's order.
    const plain = await list('/api/v1/clients', { limit: 1 });
    expectProblem(
      await http()
        .get('/api/v1/clients')
        .query({ updatedSince: since, cursor: plain.nextCursor as string })
        .set('authorization', owner),
      400,
      'validation-failed',
    );
  });

  it('should page people and privacy requests changed since an instant with their own cursors', async () => {
    // People: every one of the organization, then only the one changed afterwards.
    const all: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await list('/api/v1/users', {
        updatedSince: '2000-01-01T00:00:00Z',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const everyone = await list('/api/v1/users', { limit: 100 });
    expect(all.map((item) => item.id).sort()).toEqual(everyone.items.map((item) => item.id).sort());
    const times = all.map((item) => new Date(item.updatedAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const latest = all.reduce((max, item) => (item.updatedAt > max ? item.updatedAt : max), all[0].updatedAt);
    await pause(5);
    const viewer = (
      await http().get(`/api/v1/users/${world.ours.users.viewer.id}`).set('authorization', owner).expect(200)
    ).body as { version: number };
    await http()
      .patch(`/api/v1/users/${world.ours.users.viewer.id}`)
      .set('authorization', owner)
      .send({ version: viewer.version, role: 'agent', branchIds: [world.ours.branchId] })
      .expect(200);
    const changed = await list('/api/v1/users', { updatedSince: justAfter(latest) });
    expect(changed.items.map((item) => item.id)).toEqual([world.ours.users.viewer.id]);

    // The desk: three requests logged now, paged one by one in the order they were made.
    const since = new Date(Date.now() - 1000).toISOString();
    const logged: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      const response = await http()
        .post('/api/v1/privacy-requests')
        .set('authorization', owner)
        .send({
          type: 'access',
          channel: 'email',
          email: `sync.${name.toLowerCase()}@example.test`,
          fullName: `Sync ${name}`,
          identityCheck: 'Replied from the address on file',
        })
        .expect(201);
      logged.push(response.body.id);
    }
    const seen: string[] = [];
    cursor = undefined;
    do {
      const page = await list('/api/v1/privacy-requests', {
        updatedSince: since,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.filter((id) => logged.includes(id))).toEqual(logged);
  });

  it('should filter every list that takes updatedSince, and refuse an instant that is not one', async () => {
    const lists = operations().filter(
      (op) => op.method === 'GET' && op.parameters.some((parameter) => parameter.name === 'updatedSince'),
    );
    expect(lists.map((op) => op.operationId)).toEqual(
      expect.arrayContaining([
        'listClients',
        'listContacts',
        'listCommunications',
        'listJobs',
        'listSchedule',
        'listInvoices',
        'listTaxPolicies',
        'listContactLists',
        'listUsers',
        'listBranches',
        'listWebhookEndpoints',
        'listApiKeys',
      ]),
    );
    const future = new Date(Date.now() + 86_400_000).toISOString();
    // The calendar is read by windows; the world's visit is on 31 May 2030.
    const extra = (path: string): Record<string, string> =>
      path === '/api/v1/schedule' ? { from: '2030-05-31T00:00:00Z', to: '2030-06-01T00:00:00Z' } : {};
    const problems: string[] = [];
    for (const op of lists) {
      const read = (updatedSince: string) =>
        http()
          .get(op.path)
          .query({ ...extra(op.path), updatedSince })
          .set('authorization', owner);
      const bad = await read('2026-11-01T08:00:00');
      if (bad.status !== 400 || !bad.body.errors?.some((error: { field: string }) => error.field === 'updatedSince')) {
        problems.push(`${op.operationId}: a time without a zone answered ${bad.status}`);
      }
      const everything = await read('2000-01-01T00:00:00Z');
      const nothing = await read(future);
      if (op.operationId === 'exportContacts') {
        // CSV: a header line, then one line per contact.
        const lines = (text: string) => text.trim().split('\n').length;
        if (lines(everything.text) < 2 || lines(nothing.text) !== 1) problems.push(`${op.operationId}: not filtered`);
        continue;
      }
      const items = (everything.body.items ?? []) as Item[];
      if (everything.status !== 200 || items.length === 0) {
        problems.push(`${op.operationId}: ${everything.status}, ${items.length} items since 2000`);
      }
      if (items.some((item) => typeof item.updatedAt !== 'string')) problems.push(`${op.operationId}: no updatedAt`);
      if (nothing.status !== 200 || nothing.body.items.length !== 0) {
        problems.push(`${op.operationId}: ${nothing.status}, ${nothing.body.items?.length} items changed tomorrow`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should say on every other list what to read it by instead', () => {
    const document = openApiDocument();
    const collections = operations().filter((op) => {
      if (op.method !== 'GET') return false;
      const ok = (
        document.paths[op.path].get.responses as Record<string, { content?: Record<string, { schema: object }> }>
      )['200'];
      const schema = ok?.content?.['application/json']?.schema as { $ref?: string } | undefined;
      const resolved = schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema;
      return (resolved as { properties?: Record<string, { type?: string }> })?.properties?.items?.type === 'array';
    });
    const undecided = collections
      .filter((op) => !op.parameters.some((parameter) => parameter.name === 'updatedSince'))
      .filter((op) => !String(document.paths[op.path].get.description ?? '').includes('No `updatedSince`'))
      .map((op) => op.operationId);
    expect(undecided).toEqual([]);
    // Nothing is listed as lacking it while it has it.
    const both = collections
      .filter((op) => op.parameters.some((parameter) => parameter.name === 'updatedSince'))
      .filter((op) => op.operationId in LISTS_WITHOUT_UPDATED_SINCE);
    expect(both).toEqual([]);
  });

  it('should refuse updatedSince on a list without an update time', async () => {
    expectProblem(
      await http()
        .get('/api/v1/legal-holds')
        .query({ updatedSince: '2026-11-01T08:00:00Z' })
        .set('authorization', owner),
      400,
      'validation-failed',
    );
  });
});
