import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('clients', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let leeds: string;
  let bristol: string;

  const http = () => app.http();
  const create = (auth: string, body: object) => http().post('/api/v1/clients').set('authorization', auth).send(body);
  const riverside = () => ({
    kind: 'company',
    name: 'Riverside Plumbing Ltd',
    email: 'accounts@riverside-plumbing.example',
    phone: '+44 113 496 0123',
    address: { line1: '12 Wharf Street', city: 'Leeds', postcode: 'LS2 7EQ', country: 'GB' },
    company: { legalName: 'Riverside Plumbing Limited', vatNumber: 'GB123456789' },
    notes: 'Prefers calls before 10am',
    tags: ['maintenance-plan'],
    branchId: leeds,
  });

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'manager', 'agent', 'viewer', 'privacy_officer']);
    owner = await bearerFor(app, org.users.owner.email);
    const branch = async (name: string) =>
      (await http().post('/api/v1/branches').set('authorization', owner).send({ name }).expect(201)).body.id;
    leeds = await branch('Leeds');
    bristol = await branch('Bristol');
    for (const role of ['manager', 'agent']) {
      const { version } = (await http().get(`/api/v1/users/${org.users[role].id}`).set('authorization', owner)).body;
      await http()
        .patch(`/api/v1/users/${org.users[role].id}`)
        .set('authorization', owner)
        .send({ version, branchIds: [leeds] })
        .expect(200);
    }
  });
  afterAll(() => app.close());

  it('should create, read, update and delete a client, with its activity log', async () => {
    const created = await create(owner, riverside()).expect(201);
    expect(created.body).toMatchObject({ ...riverside(), ownerId: org.users.owner.id, restricted: false, version: 1 });
    const id = created.body.id;

    const updated = await http()
      .patch(`/api/v1/clients/${id}`)
      .set('authorization', owner)
      .send({ version: 1, phone: null, notes: 'Calls after 2pm', tags: ['maintenance-plan', 'vip'] })
      .expect(200);
    expect(updated.body).toMatchObject({
      phone: null,
      notes: 'Calls after 2pm',
      tags: ['maintenance-plan', 'vip'],
      version: 2,
    });
    expect(updated.body.email).toBe('accounts@riverside-plumbing.example');

    const activity = await http().get(`/api/v1/clients/${id}/activity`).set('authorization', owner).expect(200);
    expect(activity.body.items.map((item: { action: string; fields: string[] }) => [item.action, item.fields])).toEqual(
      [
        ['updated', ['notes', 'phone', 'tags']],
        ['created', []],
      ],
    );
    expect(activity.body.items[0]).toMatchObject({
      actorKind: 'user',
      actorId: org.users.owner.id,
      actorName: 'Olive Owner',
    });
    expect(JSON.stringify(activity.body)).not.toContain('2pm');

    await http().delete(`/api/v1/clients/${id}`).set('authorization', owner).expect(204);
    expectProblem(await http().get(`/api/v1/clients/${id}`).set('authorization', owner), 404, 'not-found');
  });

  it('should take many writes at once without losing one (embedded PGlite included)', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => create(owner, { ...riverside(), name: `Parallel ${index}` })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(201));
  });

  it('should keep every personal field encrypted in the table', async () => {
    const { body } = await create(owner, riverside()).expect(201);
    const [row] = await app.db.query<Record<string, unknown>>('SELECT * FROM clients WHERE id = $1', [body.id]);
    // Sealed columns come back as bytes, so the text search below looks at the real ciphertext.
    expect(Buffer.isBuffer(row.name_enc)).toBe(true);
    const raw = JSON.stringify(
      Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : value)),
    );
    for (const plain of ['Riverside', 'riverside-plumbing', '496 0123', 'Wharf', 'LS2', 'GB123456789', 'before 10am']) {
      expect(raw).not.toContain(plain);
    }
  });

  it('should refuse a stale version instead of overwriting', async () => {
    const { body } = await create(owner, riverside()).expect(201);
    await http()
      .patch(`/api/v1/clients/${body.id}`)
      .set('authorization', owner)
      .send({ version: 1, name: 'First' })
      .expect(200);
    const second = await http()
      .patch(`/api/v1/clients/${body.id}`)
      .set('authorization', owner)
      .send({ version: 1, name: 'Second' });
    expectProblem(second, 409, 'conflict');
    expect((await http().get(`/api/v1/clients/${body.id}`).set('authorization', owner)).body.name).toBe('First');
  });

  it('should answer bad input with field messages', async () => {
    const bad = await create(owner, {
      ...riverside(),
      kind: 'robot',
      email: 'nope',
      tags: ['Not A Tag'],
      address: { country: 'England' },
    });
    expectProblem(bad, 400, 'validation-failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'address.country',
      'email',
      'kind',
      'tags',
    ]);
    expectProblem(
      await create(owner, { ...riverside(), branchId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'validation-failed',
    );
    expectProblem(
      await create(owner, { ...riverside(), ownerId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'validation-failed',
    );
    expectProblem(await http().get('/api/v1/clients/not-a-uuid').set('authorization', owner), 400, 'bad-request');
  });

  it('should find clients by words, word beginnings, email and phone digits, page by page', async () => {
    const searcher = await createOrganization(app, ['owner']);
    const auth = await bearerFor(app, searcher.users.owner.email);
    const branch = (await http().post('/api/v1/branches').set('authorization', auth).send({ name: 'HQ' }).expect(201))
      .body.id;
    const names = ['Ångström Heating', 'Harbour Electrical', 'Hartley & Sons', 'Pine Joinery', 'Oakwood Roofing'];
    for (const [index, name] of names.entries()) {
      await create(auth, {
        kind: 'company',
        name,
        phone: `+44 20 7946 00${10 + index}`,
        email: `office${index}@${name.split(' ')[0].toLowerCase()}.example`,
        branchId: branch,
      }).expect(201);
    }
    const search = async (q: string) =>
      (
        await http()
          .get(`/api/v1/clients?q=${encodeURIComponent(q)}`)
          .set('authorization', auth)
          .expect(200)
      ).body.items.map((item: { name: string }) => item.name);
    expect(await search('angstrom')).toEqual(['Ångström Heating']);
    expect((await search('har')).sort()).toEqual(['Harbour Electrical', 'Hartley & Sons']);
    expect(await search('HARTLEY sons')).toEqual(['Hartley & Sons']);
    expect(await search('office3@pine.example')).toEqual(['Pine Joinery']);
    expect(await search('7946 0014')).toEqual(['Oakwood Roofing']);
    expect(await search('plumbing')).toEqual([]);
    expectProblem(await http().get('/api/v1/clients?q=a').set('authorization', auth), 400, 'validation-failed');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { name: string }[]; nextCursor: string | null } } = await http()
        .get(`/api/v1/clients?limit=2&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', auth)
        .expect(200);
      seen.push(...response.body.items.map((item: { name: string }) => item.name));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    const newest = await http().get('/api/v1/clients?limit=1').set('authorization', auth).expect(200);
    expect(newest.body.items[0].name).toBe('Oakwood Roofing');
    expectProblem(
      await http().get(`/api/v1/clients?sort=updatedAt&cursor=${newest.body.nextCursor}`).set('authorization', auth),
      400,
      'validation-failed',
    );
  });

  it('should scope managers and agents to their branches, and agents to their own clients', async () => {
    const bristolClient = (await create(owner, { ...riverside(), name: 'Bristol Only', branchId: bristol }).expect(201))
      .body;
    const leedsClient = (await create(owner, { ...riverside(), name: 'Leeds Owned By Owner' }).expect(201)).body;
    const manager = await bearerFor(app, org.users.manager.email);
    const agent = await bearerFor(app, org.users.agent.email);

    const managerList = await http().get('/api/v1/clients?limit=100').set('authorization', manager).expect(200);
    expect(managerList.body.items.every((item: { branchId: string }) => item.branchId === leeds)).toBe(true);
    expectProblem(
      await http().get(`/api/v1/clients/${bristolClient.id}`).set('authorization', manager),
      404,
      'not-found',
    );
    expectProblem(await create(manager, { ...riverside(), branchId: bristol }), 403, 'forbidden');

    const mine = (await create(agent, { ...riverside(), name: 'Agent Own' }).expect(201)).body;
    expect(mine.ownerId).toBe(org.users.agent.id);
    await http()
      .patch(`/api/v1/clients/${mine.id}`)
      .set('authorization', agent)
      .send({ version: 1, notes: 'ok' })
      .expect(200);
    expectProblem(
      await http()
        .patch(`/api/v1/clients/${leedsClient.id}`)
        .set('authorization', agent)
        .send({ version: 1, notes: 'x' }),
      403,
      'forbidden',
    );
    await http()
      .patch(`/api/v1/clients/${leedsClient.id}`)
      .set('authorization', manager)
      .send({ version: 1, notes: 'fine' })
      .expect(200);

    const viewer = await bearerFor(app, org.users.viewer.email);
    await http().get(`/api/v1/clients/${bristolClient.id}`).set('authorization', viewer).expect(200);
    expectProblem(await create(viewer, riverside()), 403, 'forbidden');
  });

  it('should let API keys with the scope read and write clients', async () => {
    const key = (
      await http()
        .post('/api/v1/api-keys')
        .set('authorization', owner)
        .send({ name: 'Website form', scopes: ['clients:read', 'clients:write'] })
        .expect(201)
    ).body.secret;
    const created = await http().post('/api/v1/clients').set('x-api-key', key).send(riverside()).expect(201);
    expect(created.body.ownerId).toBeNull();
    const activity = await http().get(`/api/v1/clients/${created.body.id}/activity`).set('x-api-key', key).expect(200);
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'api_key', actorName: null });
  });
});
