import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  eraseSubject,
  expectProblem,
  placeInBranches,
  type TestApp,
  type TestOrganization,
} from '#testing';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('jobs', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let manager: string;
  let agent: string;
  let viewer: string;
  let leeds: string;
  let bristol: string;
  let leedsClient: string;
  let bristolClient: string;

  const http = () => app.http();
  const create = (auth: string, body: object) => http().post('/api/v1/jobs').set('authorization', auth).send(body);
  const get = (auth: string, id: string) => http().get(`/api/v1/jobs/${id}`).set('authorization', auth);
  const patch = (auth: string, id: string, body: object) =>
    http().patch(`/api/v1/jobs/${id}`).set('authorization', auth).send(body);
  const move = (auth: string, id: string, version: number, status: string) =>
    http().post(`/api/v1/jobs/${id}/status`).set('authorization', auth).send({ version, status });
  const list = async (auth: string, query: string) =>
    (await http().get(`/api/v1/jobs?${query}`).set('authorization', auth).expect(200)).body;
  const boiler = () => ({
    clientId: leedsClient,
    title: 'Replace boiler pressure valve',
    siteAddress: { line1: '4 Canal Wharf', city: 'Leeds', postcode: 'LS11 5PS', country: 'GB' },
    description: 'Gate code 4471, dog in the garden',
    priority: 'high',
    assignedUserIds: [org.users.agent.id],
    dueOn: '2030-05-31',
  });

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'manager', 'agent', 'viewer']);
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
    manager = await bearerFor(app, org.users.manager.email);
    agent = await bearerFor(app, org.users.agent.email);
    viewer = await bearerFor(app, org.users.viewer.email);
    const client = async (name: string, branchId: string) =>
      (
        await http()
          .post('/api/v1/clients')
          .set('authorization', owner)
          .send({ kind: 'individual', name, branchId })
          .expect(201)
      ).body.id;
    leedsClient = await client('Harriet Leeds', leeds);
    bristolClient = await client('Bram Bristol', bristol);
  });
  afterAll(() => app.close());

  it('should create, read, update and delete a job, numbered in sequence, with its activity log', async () => {
    const first = await create(owner, boiler()).expect(201);
    expect(first.body).toEqual({
      ...boiler(),
      id: expect.any(String),
      number: expect.any(Number),
      status: 'new',
      completedAt: null,
      branchId: leeds,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    const second = await create(owner, { clientId: leedsClient, title: 'Annual service' }).expect(201);
    expect(second.body).toMatchObject({
      number: first.body.number + 1,
      priority: 'normal',
      assignedUserIds: [],
      siteAddress: null,
      description: null,
      dueOn: null,
    });
    const id = first.body.id;
    expect((await get(owner, id).expect(200)).body).toEqual(first.body);

    const updated = await patch(owner, id, {
      version: 1,
      title: 'Replace valve and flush system',
      description: null,
      dueOn: '2030-06-15',
      assignedUserIds: [org.users.agent.id, org.users.manager.id],
    }).expect(200);
    expect(updated.body).toMatchObject({
      title: 'Replace valve and flush system',
      description: null,
      dueOn: '2030-06-15',
      assignedUserIds: [org.users.agent.id, org.users.manager.id],
      siteAddress: boiler().siteAddress,
      priority: 'high',
      version: 2,
    });

    const activity = await http().get(`/api/v1/jobs/${id}/activity`).set('authorization', owner).expect(200);
    expect(activity.body.items.map((item: { action: string; fields: string[] }) => [item.action, item.fields])).toEqual(
      [
        ['updated', ['assignedUserIds', 'description', 'dueOn', 'title']],
        ['created', []],
      ],
    );
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'user', actorId: org.users.owner.id });
    expect(JSON.stringify(activity.body)).not.toContain('flush');

    await http().delete(`/api/v1/jobs/${id}`).set('authorization', owner).expect(204);
    expectProblem(await get(owner, id), 404, 'not-found');
    const [deleted] = await app.db.query<{ fields: string[] }>(
      "SELECT fields FROM crm_activity WHERE record_id = $1 AND action = 'deleted'",
      [id],
    );
    expect(deleted).toBeDefined();
  });

  it('should keep title, site address and description encrypted in the table', async () => {
    const { body } = await create(owner, boiler()).expect(201);
    const [row] = await app.db.query<Record<string, unknown>>('SELECT * FROM jobs WHERE id = $1', [body.id]);
    expect(row.title_enc).toBeInstanceOf(Uint8Array);
    expect(row.site_address_enc).toBeInstanceOf(Uint8Array);
    expect(row.description_enc).toBeInstanceOf(Uint8Array);
    const raw = JSON.stringify(
      Object.values(row).map((value) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value)),
    );
    for (const plain of ['boiler', 'pressure valve', 'Canal Wharf', 'LS11', 'Gate code', '4471']) {
      expect(raw).not.toContain(plain);
    }
  });

  describe('status workflow', () => {
    it('should walk new → scheduled → in_progress → completed → invoiced, setting completedAt', async () => {
      const { id } = (await create(owner, boiler()).expect(201)).body;
      let version = 1;
      for (const status of ['scheduled', 'in_progress', 'completed', 'invoiced']) {
        const moved = await move(owner, id, version, status).expect(200);
        expect(moved.body).toMatchObject({ status, version: version + 1 });
        expect(moved.body.completedAt === null).toBe(status === 'scheduled' || status === 'in_progress');
        version = moved.body.version;
      }
      const activity = await http().get(`/api/v1/jobs/${id}/activity`).set('authorization', owner).expect(200);
      expect(activity.body.items.map((item: { fields: string[] }) => item.fields)).toEqual([
        ['status'],
        ['completedAt', 'status'],
        ['status'],
        ['status'],
        [],
      ]);
    });

    it('should cancel open jobs but refuse illegal moves with 409 naming the allowed next states', async () => {
      const { id } = (await create(owner, boiler()).expect(201)).body;
      const skipping = await move(owner, id, 1, 'completed');
      expectProblem(skipping, 409, 'conflict');
      expect(skipping.body.allowed).toEqual(['scheduled', 'cancelled']);
      expect(skipping.body.detail).toContain('scheduled or cancelled');
      expectProblem(await move(owner, id, 1, 'new'), 409, 'conflict');
      expect((await get(owner, id)).body).toMatchObject({ status: 'new', version: 1 });

      await move(owner, id, 1, 'scheduled').expect(200);
      await move(owner, id, 2, 'in_progress').expect(200);
      const back = await move(owner, id, 3, 'scheduled');
      expectProblem(back, 409, 'conflict');
      expect(back.body.allowed).toEqual(['completed', 'cancelled']);
      await move(owner, id, 3, 'cancelled').expect(200);
      const dead = await move(owner, id, 4, 'new');
      expectProblem(dead, 409, 'conflict');
      expect(dead.body.allowed).toEqual([]);
      expect(dead.body.detail).toContain('cannot change status');

      const done = (await create(owner, boiler()).expect(201)).body.id;
      await move(owner, done, 1, 'scheduled').expect(200);
      await move(owner, done, 2, 'in_progress').expect(200);
      await move(owner, done, 3, 'completed').expect(200);
      const cancelDone = await move(owner, done, 4, 'cancelled');
      expectProblem(cancelDone, 409, 'conflict');
      expect(cancelDone.body.allowed).toEqual(['invoiced']);

      expectProblem(await move(owner, done, 1, 'invoiced'), 409, 'conflict');
      expectProblem(await move(owner, done, 4, 'finished'), 400, 'validation-failed');
    });

    it('should delete only new or cancelled jobs', async () => {
      const { id } = (await create(owner, boiler()).expect(201)).body;
      await move(owner, id, 1, 'scheduled').expect(200);
      const refused = await http().delete(`/api/v1/jobs/${id}`).set('authorization', owner);
      expectProblem(refused, 409, 'conflict');
      expect(refused.body.detail).toContain('scheduled');
      await move(owner, id, 2, 'cancelled').expect(200);
      await http().delete(`/api/v1/jobs/${id}`).set('authorization', owner).expect(204);
    });
  });

  it('should refuse a stale version instead of overwriting', async () => {
    const { id } = (await create(owner, boiler()).expect(201)).body;
    await patch(owner, id, { version: 1, title: 'First' }).expect(200);
    expectProblem(await patch(owner, id, { version: 1, title: 'Second' }), 409, 'conflict');
    expectProblem(await move(owner, id, 1, 'scheduled'), 409, 'conflict');
    expect((await get(owner, id)).body).toMatchObject({ title: 'First', status: 'new', version: 2 });
  });

  it('should answer bad input with field messages, and 404 for unknown jobs', async () => {
    const bad = await create(owner, {
      clientId: 'nope',
      title: '',
      priority: 'whenever',
      dueOn: '31/05/2030',
      assignedUserIds: ['x'],
      siteAddress: { country: 'England' },
      colour: 'red',
    });
    expectProblem(bad, 400, 'validation-failed');
    expect([...new Set(bad.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual([
      'assignedUserIds',
      'clientId',
      'colour',
      'dueOn',
      'priority',
      'siteAddress.country',
      'title',
    ]);
    expectProblem(await create(owner, { ...boiler(), dueOn: '2030-02-30' }), 400, 'validation-failed');
    const blank = await create(owner, { ...boiler(), title: '   ' });
    expectProblem(blank, 400, 'validation-failed');
    expect(blank.body.errors).toEqual([{ field: 'title', message: 'title must not be blank' }]);
    const noClient = await create(owner, { ...boiler(), clientId: UNKNOWN });
    expectProblem(noClient, 400, 'validation-failed');
    expect(noClient.body.errors[0].field).toBe('clientId');
    const noStaff = await create(owner, { ...boiler(), assignedUserIds: [UNKNOWN] });
    expectProblem(noStaff, 400, 'validation-failed');
    expect(noStaff.body.errors[0].field).toBe('assignedUserIds');
    expectProblem(await create(owner, { ...boiler(), branchId: UNKNOWN }), 400, 'validation-failed');
    expectProblem(await patch(owner, UNKNOWN, { version: 1, title: 'x' }), 404, 'not-found');
    expectProblem(await patch(owner, UNKNOWN, { title: 'x' }), 400, 'validation-failed');
    expectProblem(await get(owner, UNKNOWN), 404, 'not-found');
    expectProblem(await move(owner, UNKNOWN, 1, 'scheduled'), 404, 'not-found');
    expectProblem(await http().delete(`/api/v1/jobs/${UNKNOWN}`).set('authorization', owner), 404, 'not-found');
    expectProblem(await http().get(`/api/v1/jobs/${UNKNOWN}/activity`).set('authorization', owner), 404, 'not-found');
    expectProblem(await get(owner, 'not-a-uuid'), 400, 'bad-request');
    const badFilter = await http().get('/api/v1/jobs?status=new,done&assigneeId=you').set('authorization', owner);
    expectProblem(badFilter, 400, 'validation-failed');
    expect(badFilter.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'assigneeId',
      'status',
    ]);
  });

  it('should filter by statuses, priority, client, assignee (me) and branch, page by page', async () => {
    const filtered = await createOrganization(app, ['owner', 'agent']);
    const auth = await bearerFor(app, filtered.users.owner.email);
    const hq = (await http().post('/api/v1/branches').set('authorization', auth).send({ name: 'HQ' }).expect(201)).body
      .id;
    const annex = (await http().post('/api/v1/branches').set('authorization', auth).send({ name: 'Annex' }).expect(201))
      .body.id;
    const client = async (branchId: string) =>
      (
        await http()
          .post('/api/v1/clients')
          .set('authorization', auth)
          .send({ kind: 'company', name: 'Filter Co', branchId })
          .expect(201)
      ).body.id;
    const [hqClient, annexClient] = [await client(hq), await client(annex)];
    // Work goes only to people who can see it: the agent works at HQ.
    await placeInBranches(app, auth, filtered.users.agent.id, [hq]);
    const make = async (title: string, extra: object = {}) =>
      (await create(auth, { clientId: hqClient, title, ...extra }).expect(201)).body;
    const a = await make('A', { priority: 'urgent', assignedUserIds: [filtered.users.owner.id] });
    const b = await make('B', { assignedUserIds: [filtered.users.agent.id] });
    const c = await make('C', { clientId: annexClient });
    const d = await make('D', { priority: 'low' });
    await move(auth, b.id, 1, 'scheduled').expect(200);
    await move(auth, c.id, 1, 'cancelled').expect(200);

    const titles = async (query: string) =>
      (await list(auth, query)).items.map((item: { title: string }) => item.title).sort();
    expect(await titles('status=new')).toEqual(['A', 'D']);
    expect(await titles('status=new,scheduled')).toEqual(['A', 'B', 'D']);
    expect(await titles('status=scheduled&status=cancelled')).toEqual(['B', 'C']);
    expect(await titles('priority=urgent,low')).toEqual(['A', 'D']);
    expect(await titles(`clientId=${annexClient}`)).toEqual(['C']);
    expect(await titles(`branchId=${annex}`)).toEqual(['C']);
    expect(await titles('assigneeId=me')).toEqual(['A']);
    expect(await titles(`assigneeId=${filtered.users.agent.id}`)).toEqual(['B']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = await list(
        auth,
        `limit=3&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A', 'B', 'C', 'D']);
    expect((await list(auth, 'limit=1')).items[0].title).toBe('D');

    const board = await http().get('/api/v1/jobs/board').set('authorization', auth).expect(200);
    expect(board.body.counts).toEqual({
      new: 2,
      scheduled: 1,
      in_progress: 0,
      completed: 0,
      invoiced: 0,
      cancelled: 1,
    });
    expect(
      board.body.columns.map((column: { status: string; items: { title: string }[] }) => [
        column.status,
        column.items.map((item) => item.title),
      ]),
    ).toEqual([
      ['new', ['D', 'A']],
      ['scheduled', ['B']],
      ['in_progress', []],
    ]);
    const annexBoard = await http().get(`/api/v1/jobs/board?branchId=${annex}`).set('authorization', auth).expect(200);
    expect(annexBoard.body.counts).toMatchObject({ new: 0, cancelled: 1 });
    expect(d).toBeDefined();
    expect(a.number).toBe(1);
  });

  it('should scope managers and agents to their branches, and let agents change only jobs assigned to them', async () => {
    const bristolJob = (await create(owner, { clientId: bristolClient, title: 'Bristol roof' }).expect(201)).body;
    const leedsJob = (await create(owner, { clientId: leedsClient, title: 'Leeds, not assigned' }).expect(201)).body;

    const managerList = await list(manager, 'limit=100');
    expect(managerList.items.length).toBeGreaterThan(0);
    expect(managerList.items.every((item: { branchId: string }) => item.branchId === leeds)).toBe(true);
    expectProblem(await get(manager, bristolJob.id), 404, 'not-found');
    expectProblem(await move(manager, bristolJob.id, 1, 'scheduled'), 404, 'not-found');
    const otherBranchClient = await create(manager, { clientId: bristolClient, title: 'x' });
    expectProblem(otherBranchClient, 400, 'validation-failed');
    expect(otherBranchClient.body.errors[0].field).toBe('clientId');
    expectProblem(await create(manager, { clientId: leedsClient, title: 'x', branchId: bristol }), 403, 'forbidden');
    const board = await http().get('/api/v1/jobs/board').set('authorization', manager).expect(200);
    expect(
      board.body.columns.flatMap((column: { items: { branchId: string }[] }) =>
        column.items.map((job) => job.branchId),
      ),
    ).not.toContain(bristol);
    await patch(manager, leedsJob.id, { version: 1, priority: 'urgent' }).expect(200);

    const mine = (await create(agent, { clientId: leedsClient, title: 'Agent job' }).expect(201)).body;
    expect(mine.assignedUserIds).toEqual([org.users.agent.id]);
    expectProblem(
      await create(agent, { clientId: leedsClient, title: 'For someone else', assignedUserIds: [org.users.owner.id] }),
      403,
      'forbidden',
    );
    await patch(agent, mine.id, { version: 1, description: 'On my way' }).expect(200);
    await move(agent, mine.id, 2, 'scheduled').expect(200);
    expectProblem(await patch(agent, mine.id, { version: 3, assignedUserIds: [org.users.owner.id] }), 403, 'forbidden');
    expectProblem(await patch(agent, leedsJob.id, { version: 2, priority: 'low' }), 403, 'forbidden');
    expectProblem(await move(agent, leedsJob.id, 2, 'cancelled'), 403, 'forbidden');
    expectProblem(await http().delete(`/api/v1/jobs/${leedsJob.id}`).set('authorization', agent), 403, 'forbidden');
    await get(agent, leedsJob.id).expect(200);
    const assigned = (await list(agent, 'assigneeId=me&limit=100')).items;
    expect(assigned.map((job: { id: string }) => job.id)).toContain(mine.id);
    expect(assigned.map((job: { id: string }) => job.id)).not.toContain(leedsJob.id);
    expect(
      assigned.every((job: { assignedUserIds: string[] }) => job.assignedUserIds.includes(org.users.agent.id)),
    ).toBe(true);

    await get(viewer, bristolJob.id).expect(200);
    expectProblem(await create(viewer, boiler()), 403, 'forbidden');
    expectProblem(await patch(viewer, bristolJob.id, { version: 1, title: 'x' }), 403, 'forbidden');
  });

  it('should let API keys with the scope read and write jobs, and refuse those without', async () => {
    const key = async (scopes: string[]) =>
      (
        await http()
          .post('/api/v1/api-keys')
          .set('authorization', owner)
          .send({ name: `Jobs ${scopes.join(' ')}`, scopes })
          .expect(201)
      ).body.secret;
    const writer = await key(['jobs:read', 'jobs:write']);
    const created = await http().post('/api/v1/jobs').set('x-api-key', writer).send(boiler()).expect(201);
    await http()
      .post(`/api/v1/jobs/${created.body.id}/status`)
      .set('x-api-key', writer)
      .send({ version: 1, status: 'scheduled' })
      .expect(200);
    const activity = await http().get(`/api/v1/jobs/${created.body.id}/activity`).set('x-api-key', writer).expect(200);
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'api_key', actorName: null });
    expectProblem(await http().get('/api/v1/jobs?assigneeId=me').set('x-api-key', writer), 400, 'validation-failed');

    const reader = await key(['clients:read']);
    expectProblem(await http().get('/api/v1/jobs').set('x-api-key', reader), 403, 'forbidden');
    expectProblem(await http().post('/api/v1/jobs').set('x-api-key', reader).send(boiler()), 403, 'forbidden');
  });

  describe('personal-data provider crm.jobs', () => {
    it('should refuse writes for a restricted client, export, and erase its jobs', async () => {
      const personal = (
        await http()
          .post('/api/v1/clients')
          .set('authorization', owner)
          .send({ kind: 'individual', name: 'Petra Private', branchId: leeds })
          .expect(201)
      ).body.id;
      const job = (await create(owner, { ...boiler(), clientId: personal }).expect(201)).body;
      const registry = app.app.get(PersonalDataRegistry);
      const subject = { kind: 'client' as const, id: personal, organizationId: org.organizationId };

      await registry.restrictAll(subject, true);
      expectProblem(await create(owner, { ...boiler(), clientId: personal }), 409, 'conflict');
      expectProblem(await patch(owner, job.id, { version: 1, title: 'x' }), 409, 'conflict');
      expectProblem(await move(owner, job.id, 1, 'cancelled'), 409, 'conflict');
      expectProblem(await http().delete(`/api/v1/jobs/${job.id}`).set('authorization', owner), 409, 'conflict');
      await get(owner, job.id).expect(200);
      await registry.restrictAll(subject, false);
      await patch(owner, job.id, { version: 1, title: 'Replace boiler pressure valve' }).expect(200);

      const provider = registry.list().find((entry) => entry.category === 'crm.jobs');
      expect(provider?.describe().subjectKinds).toEqual(['client']);
      expect(await provider?.locate(subject)).toBe(1);
      expect(await provider?.locate({ ...subject, organizationId: UNKNOWN })).toBe(0);
      const records = [];
      for await (const record of provider?.export(subject) ?? []) records.push(record);
      expect(records).toEqual([
        expect.objectContaining({
          number: job.number,
          title: 'Replace boiler pressure valve',
          siteAddress: boiler().siteAddress,
          status: 'new',
        }),
      ]);
      expect(records[0]).not.toHaveProperty('assignedUserIds');

      const receipts = await eraseSubject(app, subject);
      expect(receipts.find((receipt) => receipt.category === 'crm.jobs')).toMatchObject({
        mode: 'delete',
        affected: 1,
      });
      expect(await app.db.query('SELECT 1 FROM jobs WHERE client_id = $1', [personal])).toHaveLength(0);
    });
  });
});
