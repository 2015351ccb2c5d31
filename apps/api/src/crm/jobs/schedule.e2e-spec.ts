import { type PersonalDataProvider, PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  eraseSubject,
  eraseWithProvider,
  expectProblem,
  placeInBranches,
  runRetentionRule,
  type TestApp,
  type TestOrganization,
} from '#testing';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Each test books in its own day so no test sees another's entries by accident. */
let nextDay = 0;
const day = () => {
  nextDay += 1;
  const date = new Date(Date.UTC(2031, 0, 1) + nextDay * 86_400_000);
  return (hour: number, minute = 0) => new Date(date.getTime() + hour * 3_600_000 + minute * 60_000).toISOString();
};

describe('schedule', () => {
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
  const book = (auth: string, body: object) => http().post('/api/v1/schedule').set('authorization', auth).send(body);
  const get = (auth: string, id: string) => http().get(`/api/v1/schedule/${id}`).set('authorization', auth);
  const patch = (auth: string, id: string, body: object) =>
    http().patch(`/api/v1/schedule/${id}`).set('authorization', auth).send(body);
  const window = (auth: string, query: string) => http().get(`/api/v1/schedule?${query}`).set('authorization', auth);
  const job = async (clientId = leedsClient, assignedUserIds: string[] = []) =>
    (
      await http()
        .post('/api/v1/jobs')
        .set('authorization', owner)
        .send({ clientId, title: 'Fit new radiator', assignedUserIds })
        .expect(201)
    ).body;
  const appointment = (at: ReturnType<typeof day>, extra: object = {}) => ({
    kind: 'appointment',
    clientId: leedsClient,
    assigneeId: org.users.agent.id,
    startsAt: at(9),
    endsAt: at(10),
    title: 'Quote for loft conversion',
    notes: 'Side door; ring twice',
    ...extra,
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

  it('should book, read, change and remove an appointment, with its activity log', async () => {
    const at = day();
    const created = await book(owner, appointment(at)).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      kind: 'appointment',
      jobId: null,
      clientId: leedsClient,
      assigneeId: org.users.agent.id,
      startsAt: at(9),
      endsAt: at(10),
      status: 'planned',
      title: 'Quote for loft conversion',
      notes: 'Side door; ring twice',
      branchId: leeds,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    const id = created.body.id;
    expect((await get(owner, id).expect(200)).body).toEqual(created.body);

    const changed = await patch(owner, id, { version: 1, endsAt: at(11), notes: null, status: 'done' }).expect(200);
    expect(changed.body).toMatchObject({ startsAt: at(9), endsAt: at(11), notes: null, status: 'done', version: 2 });

    const activity = await http().get(`/api/v1/schedule/${id}/activity`).set('authorization', owner).expect(200);
    expect(activity.body.items.map((item: { action: string; fields: string[] }) => [item.action, item.fields])).toEqual(
      [
        ['updated', ['endsAt', 'notes', 'status']],
        ['created', []],
      ],
    );
    expectProblem(await patch(owner, id, { version: 1, title: 'stale' }), 409, 'conflict');

    await http().delete(`/api/v1/schedule/${id}`).set('authorization', owner).expect(204);
    expectProblem(await get(owner, id), 404, 'not-found');
    const rows = await app.db.query("SELECT 1 FROM crm_activity WHERE record_id = $1 AND action = 'deleted'", [id]);
    expect(rows).toHaveLength(1);
  });

  it('should schedule a new job when its first visit is booked, logging both', async () => {
    const at = day();
    const work = await job();
    const visit = await book(owner, {
      kind: 'job_visit',
      jobId: work.id,
      assigneeId: org.users.manager.id,
      startsAt: at(8),
      endsAt: at(12),
      title: 'Radiator fitting',
    }).expect(201);
    expect(visit.body).toMatchObject({ jobId: work.id, clientId: leedsClient, branchId: leeds });
    const moved = (await http().get(`/api/v1/jobs/${work.id}`).set('authorization', owner).expect(200)).body;
    expect(moved).toMatchObject({ status: 'scheduled', version: 2 });
    const jobActivity = await http().get(`/api/v1/jobs/${work.id}/activity`).set('authorization', owner).expect(200);
    expect(jobActivity.body.items.map((item: { fields: string[] }) => item.fields)).toEqual([['status'], []]);

    // A second visit leaves the job where it is.
    await book(owner, {
      kind: 'job_visit',
      jobId: work.id,
      assigneeId: org.users.manager.id,
      startsAt: at(13),
      endsAt: at(14),
      title: 'Radiator check',
    }).expect(201);
    expect((await http().get(`/api/v1/jobs/${work.id}`).set('authorization', owner)).body.version).toBe(2);

    const visits = await window(owner, `from=${at(0)}&to=${at(24)}&jobId=${work.id}`).expect(200);
    expect(visits.body.items.map((item: { title: string }) => item.title)).toEqual([
      'Radiator fitting',
      'Radiator check',
    ]);

    const other = await job(bristolClient);
    expectProblem(
      await book(owner, {
        kind: 'job_visit',
        jobId: work.id,
        clientId: other.clientId,
        assigneeId: org.users.owner.id,
        startsAt: at(15),
        endsAt: at(16),
        title: 'x',
      }),
      400,
      'validation-failed',
    );
    await http()
      .post(`/api/v1/jobs/${other.id}/status`)
      .set('authorization', owner)
      .send({ version: 1, status: 'cancelled' });
    const cancelledJob = await book(owner, {
      kind: 'job_visit',
      jobId: other.id,
      assigneeId: org.users.owner.id,
      startsAt: at(15),
      endsAt: at(16),
      title: 'x',
    });
    expectProblem(cancelledJob, 409, 'conflict');
  });

  describe('double booking', () => {
    it('should refuse an overlapping booking with 409 listing the clash, unless allowDoubleBooking', async () => {
      const at = day();
      const first = (await book(owner, appointment(at)).expect(201)).body;
      const clash = await book(
        owner,
        appointment(at, { startsAt: at(9, 30), endsAt: at(10, 30), clientId: null, branchId: leeds }),
      );
      expectProblem(clash, 409, 'conflict');
      expect(clash.body.conflicts).toEqual([{ id: first.id, startsAt: at(9), endsAt: at(10) }]);
      expect(JSON.stringify(clash.body)).not.toContain('loft');

      // Back to back is not a clash ([start, end) intervals), nor is someone else's calendar.
      await book(owner, appointment(at, { startsAt: at(10), endsAt: at(11) })).expect(201);
      await book(owner, appointment(at, { startsAt: at(8), endsAt: at(9) })).expect(201);
      await book(owner, appointment(at, { assigneeId: org.users.manager.id })).expect(201);

      const forced = await book(
        owner,
        appointment(at, { startsAt: at(9, 30), endsAt: at(10, 30), allowDoubleBooking: true }),
      );
      expect(forced.status).toBe(201);
      const twice = await book(owner, appointment(at, { startsAt: at(9, 45), endsAt: at(9, 50) }));
      expectProblem(twice, 409, 'conflict');
      expect(twice.body.conflicts.map((entry: { id: string }) => entry.id).sort()).toEqual(
        [first.id, forced.body.id].sort(),
      );

      // A cancelled entry frees its slot; reopening it checks again.
      await patch(owner, forced.body.id, { version: 1, status: 'cancelled' }).expect(200);
      await patch(owner, first.id, { version: 1, status: 'cancelled' }).expect(200);
      const free = (await book(owner, appointment(at, { startsAt: at(9), endsAt: at(10) })).expect(201)).body;
      const reopen = await patch(owner, first.id, { version: 2, status: 'planned' });
      expectProblem(reopen, 409, 'conflict');
      expect(reopen.body.conflicts).toEqual([{ id: free.id, startsAt: at(9), endsAt: at(10) }]);
    });

    it('should check moves and reassignments too', async () => {
      const at = day();
      const morning = (await book(owner, appointment(at)).expect(201)).body;
      const noon = (await book(owner, appointment(at, { startsAt: at(12), endsAt: at(13) })).expect(201)).body;
      const onto = await patch(owner, noon.id, { version: 1, startsAt: at(9, 30) });
      expectProblem(onto, 409, 'conflict');
      expect(onto.body.conflicts).toEqual([{ id: morning.id, startsAt: at(9), endsAt: at(10) }]);
      await patch(owner, noon.id, { version: 1, startsAt: at(10), endsAt: at(10, 30) }).expect(200);
      // Renaming an entry that was double-booked on purpose is not a new booking.
      await patch(owner, noon.id, { version: 2, startsAt: at(9, 30), allowDoubleBooking: true }).expect(200);
      await patch(owner, noon.id, { version: 3, title: 'Renamed' }).expect(200);

      const managers = (await book(owner, appointment(at, { assigneeId: org.users.manager.id })).expect(201)).body;
      const reassign = await patch(owner, managers.id, { version: 1, assigneeId: org.users.agent.id });
      expectProblem(reassign, 409, 'conflict');
      expect(reassign.body.conflicts.map((entry: { id: string }) => entry.id).sort()).toEqual(
        [morning.id, noon.id].sort(),
      );
    });

    // Only a real server can race: PGlite is one session whose socket server runs one transaction
    // at a time, and concurrent connections there trip electric-sql/pglite#1046 (interleaved
    // extended-protocol messages, then a stuck queue). The harness picks the server the same way.
    const onRealServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
    (onRealServer ? it : it.skip)(
      'should let only one of two simultaneous bookings of the same slot through',
      async () => {
        // Several races at once: without the per-person lock, real PostgreSQL lets both of a pair in.
        const at = day();
        const pairs = await Promise.all(
          [8, 10, 12, 14, 16].map((hour) =>
            Promise.all([
              book(owner, appointment(at, { startsAt: at(hour), endsAt: at(hour + 1), title: 'First' })),
              book(owner, appointment(at, { startsAt: at(hour), endsAt: at(hour + 1), title: 'Second' })),
            ]),
          ),
        );
        expect(pairs.map((pair) => pair.map((response) => response.status).sort())).toEqual(Array(5).fill([201, 409]));
      },
    );
  });

  it('should list the entries overlapping a window, by start time', async () => {
    const at = day();
    const tomorrow = day();
    const assigneeId = org.users.owner.id;
    const make = async (title: string, startsAt: string, endsAt: string) =>
      (
        await book(owner, {
          kind: 'appointment',
          assigneeId,
          branchId: bristol,
          startsAt,
          endsAt,
          title,
        }).expect(201)
      ).body;
    await make('Night shift', at(22), tomorrow(6));
    await make('Late', tomorrow(17), tomorrow(18));
    await make('Early', tomorrow(7), tomorrow(8));
    await make('After', tomorrow(18), tomorrow(19));

    const titles = async (query: string) =>
      (await window(owner, query).expect(200)).body.items.map((item: { title: string }) => item.title);
    const from = tomorrow(0);
    const to = tomorrow(18);
    expect(await titles(`from=${from}&to=${to}&assigneeId=me`)).toEqual(['Night shift', 'Early', 'Late']);
    expect(await titles(`from=${from}&to=${to}&assigneeId=${assigneeId}&branchId=${leeds}`)).toEqual([]);
    expect(
      await titles(`from=${encodeURIComponent(tomorrow(7, 30).replace('Z', '+00:00'))}&to=${to}&assigneeId=me`),
    ).toEqual(['Early', 'Late']);
    // [start, end) intervals: ending exactly at `from`, or starting exactly at `to`, is outside.
    expect(await titles(`from=${tomorrow(6)}&to=${to}&assigneeId=me`)).toEqual(['Early', 'Late']);
    const body = (await window(owner, `from=${from}&to=${to}`).expect(200)).body;
    expect(body.truncated).toBe(false);

    const fields = async (query: string) =>
      (
        await window(owner, query).then((response) => {
          expectProblem(response, 400, 'validation-failed');
          return response;
        })
      ).body.errors.map((error: { field: string }) => error.field);
    expect(await fields('')).toEqual(expect.arrayContaining(['from', 'to']));
    expect(await fields(`from=${to}&to=${from}`)).toEqual(['to']);
    expect(await fields(`from=2031-01-01T00:00:00Z&to=2031-03-05T00:00:00Z`)).toEqual(['to']);
    expect(await fields(`from=2031-01-01T00:00:00&to=2031-01-02T00:00:00Z`)).toEqual(['from']);
    expect(await fields(`from=${from}&to=${to}&assigneeId=someone`)).toEqual(['assigneeId']);
    await window(owner, 'from=2031-01-01T00:00:00Z&to=2031-03-04T00:00:00Z').expect(200);
  });

  it('should answer bad bookings with field messages, and 404 for unknown entries', async () => {
    const at = day();
    const fieldsOf = async (body: object) => {
      const response = await book(owner, body);
      expectProblem(response, 400, 'validation-failed');
      return [...new Set(response.body.errors.map((error: { field: string }) => error.field))].sort();
    };
    expect(
      await fieldsOf({ kind: 'visit', assigneeId: 'me', startsAt: 'tomorrow', endsAt: at(10), title: '', extra: 1 }),
    ).toEqual(['assigneeId', 'extra', 'kind', 'startsAt', 'title']);
    expect(await fieldsOf({ ...appointment(at), kind: 'job_visit' })).toEqual(['jobId']);
    expect(await fieldsOf(appointment(at, { endsAt: at(9) }))).toEqual(['endsAt']);
    expect(await fieldsOf(appointment(at, { endsAt: at(8) }))).toEqual(['endsAt']);
    expect(await fieldsOf(appointment(at, { startsAt: at(1), endsAt: at(25, 1) }))).toEqual(['endsAt']);
    await book(owner, appointment(at, { startsAt: at(1), endsAt: at(25) })).expect(201);
    expect(await fieldsOf(appointment(at, { clientId: null }))).toEqual(['branchId']);
    expect(await fieldsOf(appointment(at, { clientId: UNKNOWN }))).toEqual(['clientId']);
    expect(await fieldsOf(appointment(at, { assigneeId: UNKNOWN }))).toEqual(['assigneeId']);
    expect(await fieldsOf({ ...appointment(at), kind: 'job_visit', jobId: UNKNOWN })).toEqual(['jobId']);
    expect(await fieldsOf(appointment(at, { branchId: UNKNOWN }))).toEqual(['branchId']);
    expect(await fieldsOf(appointment(at, { title: '  ' }))).toEqual(['title']);

    const entry = (await book(owner, appointment(day())).expect(201)).body;
    const badPatch = await patch(owner, entry.id, { startsAt: null, status: 'maybe', allowDoubleBooking: 'yes' });
    expectProblem(badPatch, 400, 'validation-failed');
    expect([...new Set(badPatch.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual([
      'allowDoubleBooking',
      'startsAt',
      'status',
      'version',
    ]);
    expectProblem(await patch(owner, entry.id, { version: 1, endsAt: entry.startsAt }), 400, 'validation-failed');
    expectProblem(await patch(owner, UNKNOWN, { version: 1, title: 'x' }), 404, 'not-found');
    expectProblem(await get(owner, UNKNOWN), 404, 'not-found');
    expectProblem(await http().delete(`/api/v1/schedule/${UNKNOWN}`).set('authorization', owner), 404, 'not-found');
    expectProblem(
      await http().get(`/api/v1/schedule/${UNKNOWN}/activity`).set('authorization', owner),
      404,
      'not-found',
    );
    expectProblem(await get(owner, 'nope'), 400, 'bad-request');
  });

  it('should keep title and notes encrypted, under the assignee key when there is no client', async () => {
    const at = day();
    const visit = (await book(owner, appointment(at)).expect(201)).body;
    const internal = (
      await book(owner, {
        kind: 'appointment',
        assigneeId: org.users.manager.id,
        branchId: leeds,
        startsAt: at(14),
        endsAt: at(15),
        title: 'Appraisal with Morgan',
        notes: 'Discuss overtime',
      }).expect(201)
    ).body;
    const rows = await app.db.query<Record<string, unknown>>('SELECT * FROM schedule_entries WHERE id = ANY($1)', [
      [visit.id, internal.id],
    ]);
    expect(rows).toHaveLength(2);
    const raw = JSON.stringify(
      rows.map((row) =>
        Object.values(row).map((value) =>
          value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
        ),
      ),
    );
    for (const plain of ['loft', 'ring twice', 'Appraisal', 'Morgan', 'overtime']) expect(raw).not.toContain(plain);
    const keys = await app.db.query<{ subject_id: string }>(
      'SELECT subject_id FROM subject_keys WHERE subject_id = ANY($1)',
      [[`user:${org.users.manager.id}`, `client:${leedsClient}`]],
    );
    expect(keys.map((key) => key.subject_id).sort()).toEqual(
      [`client:${leedsClient}`, `user:${org.users.manager.id}`].sort(),
    );

    // Moving the appointment to another calendar seals it again under the new assignee's key.
    const [before] = await app.db.query<{ title_enc: Uint8Array }>(
      'SELECT title_enc FROM schedule_entries WHERE id = $1',
      [internal.id],
    );
    const moved = await patch(owner, internal.id, { version: 1, assigneeId: org.users.owner.id }).expect(200);
    expect(moved.body).toMatchObject({
      title: 'Appraisal with Morgan',
      notes: 'Discuss overtime',
      assigneeId: org.users.owner.id,
    });
    const [after] = await app.db.query<{ title_enc: Uint8Array }>(
      'SELECT title_enc FROM schedule_entries WHERE id = $1',
      [internal.id],
    );
    expect(Buffer.from(after.title_enc).equals(Buffer.from(before.title_enc))).toBe(false);
    await get(owner, internal.id).expect(200);
  });

  it('should limit managers to their branches and agents to their own calendar', async () => {
    const at = day();
    const bristolEntry = (
      await book(owner, appointment(at, { clientId: bristolClient, assigneeId: org.users.owner.id })).expect(201)
    ).body;
    const ownersLeeds = (
      await book(owner, appointment(at, { assigneeId: org.users.owner.id, startsAt: at(11), endsAt: at(12) })).expect(
        201,
      )
    ).body;

    expectProblem(await get(manager, bristolEntry.id), 404, 'not-found');
    const seen = (await window(manager, `from=${at(0)}&to=${at(24)}`).expect(200)).body.items;
    expect(seen.map((item: { id: string }) => item.id)).toContain(ownersLeeds.id);
    expect(seen.every((item: { branchId: string }) => item.branchId === leeds)).toBe(true);
    expectProblem(
      await book(manager, appointment(at, { clientId: null, branchId: bristol, assigneeId: org.users.manager.id })),
      403,
      'forbidden',
    );
    expectProblem(
      await book(manager, appointment(at, { clientId: bristolClient, assigneeId: org.users.manager.id })),
      400,
      'validation-failed',
    );
    await patch(manager, ownersLeeds.id, { version: 1, notes: 'Managers may' }).expect(200);

    const own = (await book(agent, appointment(at, { startsAt: at(15), endsAt: at(16) })).expect(201)).body;
    expectProblem(await book(agent, appointment(at, { assigneeId: org.users.manager.id })), 403, 'forbidden');
    await patch(agent, own.id, { version: 1, startsAt: at(15, 30), endsAt: at(16, 30) }).expect(200);
    expectProblem(await patch(agent, own.id, { version: 2, assigneeId: org.users.manager.id }), 403, 'forbidden');
    expectProblem(await patch(agent, ownersLeeds.id, { version: 2, title: 'x' }), 403, 'forbidden');
    expectProblem(
      await http().delete(`/api/v1/schedule/${ownersLeeds.id}`).set('authorization', agent),
      403,
      'forbidden',
    );
    await get(agent, ownersLeeds.id).expect(200);
    const mine = (await window(agent, `from=${at(0)}&to=${at(24)}&assigneeId=me`).expect(200)).body.items;
    expect(mine.map((item: { id: string }) => item.id)).toEqual([own.id]);

    // A visit schedules its job: agents book visits only to jobs they are on.
    const notTheirs = await job(leedsClient, [org.users.owner.id]);
    const theirs = await job(leedsClient, [org.users.agent.id]);
    const visit = (jobId: string, hour: number) => ({
      kind: 'job_visit',
      jobId,
      assigneeId: org.users.agent.id,
      startsAt: at(hour),
      endsAt: at(hour + 1),
      title: 'Visit',
    });
    expectProblem(await book(agent, visit(notTheirs.id, 18)), 403, 'forbidden');
    await book(agent, visit(theirs.id, 18)).expect(201);
    await http().delete(`/api/v1/schedule/${own.id}`).set('authorization', agent).expect(204);

    await get(viewer, bristolEntry.id).expect(200);
    expectProblem(await book(viewer, appointment(day())), 403, 'forbidden');
  });

  it('should refuse work for someone who could not see it: a visit or job in another branch than theirs', async () => {
    const at = day();
    // The agent works in Leeds: a Bristol visit would sit in their calendar unseen.
    const refused = await book(owner, appointment(at, { clientId: bristolClient }));
    expectProblem(refused, 400, 'validation-failed');
    expect(refused.body.errors).toEqual([
      { field: 'assigneeId', message: expect.stringContaining("does not work in this record's branch") },
    ]);
    const bristolJob = await http()
      .post('/api/v1/jobs')
      .set('authorization', owner)
      .send({ clientId: bristolClient, title: 'Service boiler', assignedUserIds: [org.users.agent.id] });
    expectProblem(bristolJob, 400, 'validation-failed');
    expect(bristolJob.body.errors[0].field).toBe('assignedUserIds');

    // Handing over an existing job or visit is checked the same way.
    const unassigned = await job(bristolClient, []);
    const { version } = unassigned;
    const reassigned = await http()
      .patch(`/api/v1/jobs/${unassigned.id}`)
      .set('authorization', owner)
      .send({ version, assignedUserIds: [org.users.agent.id] });
    expectProblem(reassigned, 400, 'validation-failed');
    const ownersVisit = (
      await book(owner, appointment(at, { clientId: bristolClient, assigneeId: org.users.owner.id })).expect(201)
    ).body;
    expectProblem(
      await patch(owner, ownersVisit.id, { version: 1, assigneeId: org.users.agent.id }),
      400,
      'validation-failed',
    );
    // Owners and viewers see every branch: work may go to them anywhere, and to the agent in Leeds.
    await book(owner, appointment(at, { startsAt: at(13), endsAt: at(14) })).expect(201);
    const rows = await app.db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM schedule_entries WHERE assignee_id = $1 AND branch_id = $2',
      [org.users.agent.id, bristol],
    );
    expect(rows[0].n).toBe('0');
  });

  it('should let API keys with the scope read and write the schedule, and refuse those without', async () => {
    const key = async (scopes: string[]) =>
      (
        await http()
          .post('/api/v1/api-keys')
          .set('authorization', owner)
          .send({ name: `Schedule ${scopes.join(' ')}`, scopes })
          .expect(201)
      ).body.secret;
    const writer = await key(['schedules:read', 'schedules:write']);
    const at = day();
    const created = await http().post('/api/v1/schedule').set('x-api-key', writer).send(appointment(at)).expect(201);
    const activity = await http()
      .get(`/api/v1/schedule/${created.body.id}/activity`)
      .set('x-api-key', writer)
      .expect(200);
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'api_key', actorName: null });
    await http()
      .get(`/api/v1/schedule?from=${at(0)}&to=${at(24)}`)
      .set('x-api-key', writer)
      .expect(200);
    expectProblem(
      await http()
        .get(`/api/v1/schedule?from=${at(0)}&to=${at(24)}&assigneeId=me`)
        .set('x-api-key', writer),
      400,
      'validation-failed',
    );
    const jobsOnly = await key(['jobs:read']);
    expectProblem(await http().get(`/api/v1/schedule/${created.body.id}`).set('x-api-key', jobsOnly), 403, 'forbidden');
  });

  describe('personal-data provider crm.schedules', () => {
    it("should export, restrict and erase a client's entries", async () => {
      const at = day();
      const client = (
        await http()
          .post('/api/v1/clients')
          .set('authorization', owner)
          .send({ kind: 'individual', name: 'Petra Private', branchId: leeds })
          .expect(201)
      ).body.id;
      const entry = (await book(owner, appointment(at, { clientId: client })).expect(201)).body;
      const registry = app.app.get(PersonalDataRegistry);
      const subject = { kind: 'client' as const, id: client, organizationId: org.organizationId };

      await registry.restrictAll(subject, true);
      expectProblem(
        await book(owner, appointment(at, { clientId: client, startsAt: at(12), endsAt: at(13) })),
        409,
        'conflict',
      );
      expectProblem(await patch(owner, entry.id, { version: 1, notes: 'x' }), 409, 'conflict');
      expectProblem(await http().delete(`/api/v1/schedule/${entry.id}`).set('authorization', owner), 409, 'conflict');
      await registry.restrictAll(subject, false);

      const provider = registry.list().find((item) => item.category === 'crm.schedules');
      expect(await provider?.locate(subject)).toBe(1);
      const records = [];
      for await (const record of provider?.export(subject) ?? []) records.push(record);
      expect(records).toEqual([
        {
          kind: 'appointment',
          status: 'planned',
          startsAt: new Date(at(9)),
          endsAt: new Date(at(10)),
          title: 'Quote for loft conversion',
          notes: 'Side door; ring twice',
        },
      ]);
      const receipts = await eraseSubject(app, subject);
      expect(receipts.find((receipt) => receipt.category === 'crm.schedules')).toMatchObject({
        mode: 'delete',
        affected: 1,
      });
      expect(await app.db.query('SELECT 1 FROM schedule_entries WHERE id = $1', [entry.id])).toHaveLength(0);
    });

    it("should delete a staff member's internal appointments and keep their client visits", async () => {
      const staff = await createOrganization(app, ['owner', 'agent']);
      const auth = await bearerFor(app, staff.users.owner.email);
      const branch = (await http().post('/api/v1/branches').set('authorization', auth).send({ name: 'HQ' }).expect(201))
        .body.id;
      const client = (
        await http()
          .post('/api/v1/clients')
          .set('authorization', auth)
          .send({ kind: 'company', name: 'Visited Ltd', branchId: branch })
          .expect(201)
      ).body.id;
      await placeInBranches(app, auth, staff.users.agent.id, [branch]);
      const at = day();
      const base = { kind: 'appointment', assigneeId: staff.users.agent.id, branchId: branch };
      const internal = (
        await book(auth, {
          ...base,
          startsAt: at(9),
          endsAt: at(10),
          title: 'Training day',
          notes: 'Bring laptop',
        }).expect(201)
      ).body;
      const withClient = (
        await book(auth, {
          ...base,
          clientId: client,
          startsAt: at(11),
          endsAt: at(12),
          title: 'Visit Visited Ltd',
        }).expect(201)
      ).body;
      const provider = app.app
        .get(PersonalDataRegistry)
        .list()
        .find((item) => item.category === 'crm.schedules');
      const subject = { kind: 'user' as const, id: staff.users.agent.id, organizationId: staff.organizationId };
      expect(await provider?.locate(subject)).toBe(2);
      const records = [];
      for await (const record of provider?.export(subject) ?? []) records.push(record);
      expect(records).toEqual([
        expect.objectContaining({ withClient: false, title: 'Training day', notes: 'Bring laptop' }),
        expect.objectContaining({ withClient: true, startsAt: new Date(at(11)) }),
      ]);
      expect(JSON.stringify(records)).not.toContain('Visited');

      expect(await eraseWithProvider(app, provider as PersonalDataProvider, subject)).toMatchObject({
        mode: 'deidentify',
        affected: 2,
      });
      const left = await app.db.query<{ id: string }>('SELECT id FROM schedule_entries WHERE assignee_id = $1', [
        staff.users.agent.id,
      ]);
      expect(left.map((row) => row.id)).toEqual([withClient.id]);
      expect(left.map((row) => row.id)).not.toContain(internal.id);
    });

    it('should purge entries that ended more than two years ago and belong to no job', async () => {
      const at = (year: number) => (hour: number) => new Date(Date.UTC(year, 5, 1, hour)).toISOString();
      const old = at(2020);
      const oldAppointment = (await book(owner, appointment(old)).expect(201)).body;
      const work = await job();
      const oldVisit = (
        await book(owner, {
          kind: 'job_visit',
          jobId: work.id,
          assigneeId: org.users.agent.id,
          startsAt: old(13),
          endsAt: old(14),
          title: 'Old visit',
        }).expect(201)
      ).body;
      const recent = (await book(owner, appointment(at(2030))).expect(201)).body;
      const provider = app.app
        .get(PersonalDataRegistry)
        .list()
        .find((item) => item.category === 'crm.schedules');
      expect(provider?.describe().retention.setting).toBe('retention.scheduleHistoryDays');
      const now = new Date(Date.UTC(2031, 0, 1));
      expect(await runRetentionRule(app, 'schedule-history', now)).toBeGreaterThanOrEqual(1);
      const left = await app.db.query<{ id: string }>('SELECT id FROM schedule_entries WHERE id = ANY($1)', [
        [oldAppointment.id, oldVisit.id, recent.id],
      ]);
      expect(left.map((row) => row.id).sort()).toEqual([oldVisit.id, recent.id].sort());
      expect(await runRetentionRule(app, 'schedule-history', now)).toBe(0);
    });
  });
});
