import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('organization and branches', () => {
  let app: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'admin', 'privacy_officer', 'manager', 'agent', 'viewer']);
    other = await createOrganization(app, ['owner']);
    for (const [role, user] of Object.entries(org.users)) tokens[role] = await bearerFor(app, user.email);
    tokens.otherOwner = await bearerFor(app, other.users.owner.email);
  });
  afterAll(() => app.close());

  const get = (path: string, token: string) => app.http().get(`/api/v1${path}`).set('authorization', token);
  const send = (method: 'post' | 'patch' | 'delete', path: string, token: string, body?: object) =>
    app.http()[method](`/api/v1${path}`).set('authorization', token).send(body);

  it('should show every member their own organization and its defaults', async () => {
    for (const role of ['owner', 'viewer', 'agent']) {
      const response = await get('/organization', tokens[role]).expect(200);
      expect(response.body).toMatchObject({ id: org.organizationId, minUserAge: 18, mfaRequired: false, version: 1 });
    }
    expect((await get('/organization', tokens.otherOwner).expect(200)).body.id).toBe(other.organizationId);
  });

  it('should let owners and admins change settings, and refuse everyone else with 403', async () => {
    const current = (await get('/organization', tokens.owner)).body;
    for (const role of ['privacy_officer', 'manager', 'agent', 'viewer']) {
      expectProblem(
        await send('patch', '/organization', tokens[role], { version: current.version, mfaRequired: true }),
        403,
        'forbidden',
      );
    }
    const updated = await send('patch', '/organization', tokens.admin, {
      version: current.version,
      minUserAge: 16,
    }).expect(200);
    expect(updated.body).toMatchObject({ minUserAge: 16, version: current.version + 1 });
  });

  it('should refuse a stale version with 409 instead of overwriting', async () => {
    const current = (await get('/organization', tokens.owner)).body;
    await send('patch', '/organization', tokens.owner, { version: current.version, dataRegion: 'in-south' }).expect(
      200,
    );
    const stale = await send('patch', '/organization', tokens.admin, {
      version: current.version,
      dataRegion: 'eu-west',
    });
    expectProblem(stale, 409, 'conflict');
    expect((await get('/organization', tokens.owner)).body.dataRegion).toBe('in-south');
  });

  it('should keep the minimum age between 13 and 18 and refuse unknown fields', async () => {
    const { version } = (await get('/organization', tokens.owner)).body;
    const young = await send('patch', '/organization', tokens.owner, { version, minUserAge: 12 });
    expectProblem(young, 400, 'validation-failed');
    expect(young.body.errors).toEqual([{ field: 'minUserAge', message: 'minUserAge must be between 13 and 18' }]);
    expectProblem(
      await send('patch', '/organization', tokens.owner, { version, subscriptionState: 'active' }),
      400,
      'validation-failed',
    );
  });

  it('should manage branches with unique names', async () => {
    const leeds = await send('post', '/branches', tokens.owner, { name: 'Leeds' }).expect(201);
    expect(leeds.body).toMatchObject({ name: 'Leeds', version: 1 });
    expectProblem(await send('post', '/branches', tokens.admin, { name: ' Leeds ' }), 409, 'conflict');
    expectProblem(await send('post', '/branches', tokens.manager, { name: 'York' }), 403, 'forbidden');
    expectProblem(await send('post', '/branches', tokens.owner, { name: '' }), 400, 'validation-failed');

    const renamed = await send('patch', `/branches/${leeds.body.id}`, tokens.owner, {
      name: 'Leeds Central',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Leeds Central', version: 2 });
    expectProblem(
      await send('patch', `/branches/${leeds.body.id}`, tokens.owner, { name: 'Again', version: 1 }),
      409,
      'conflict',
    );

    const list = await get('/branches', tokens.viewer).expect(200);
    expect(list.body.items.map((branch: { name: string }) => branch.name)).toEqual(['Leeds Central']);
    const one = await get(`/branches/${leeds.body.id}`, tokens.viewer).expect(200);
    expect(one.body).toMatchObject({ id: leeds.body.id, name: 'Leeds Central', version: 2 });
    // The path takes GET, PATCH and DELETE, not POST.
    expectProblem(await send('post', `/branches/${leeds.body.id}`, tokens.owner, {}), 405, 'method-not-allowed');
    expectProblem(await send('delete', '/branches/not-a-uuid', tokens.owner), 400, 'bad-request');
  });

  it("should answer 404 for another organization's branch, and show none of it", async () => {
    const theirs = await send('post', '/branches', tokens.otherOwner, { name: 'Secret Branch' }).expect(201);
    expectProblem(
      await send('patch', `/branches/${theirs.body.id}`, tokens.owner, { name: 'Mine', version: 1 }),
      404,
      'not-found',
    );
    expectProblem(await send('delete', `/branches/${theirs.body.id}`, tokens.owner), 404, 'not-found');
    const mine = await get('/branches', tokens.owner);
    expect(JSON.stringify(mine.body)).not.toContain('Secret Branch');
    expect((await get('/branches', tokens.otherOwner)).body.items).toHaveLength(1);
  });

  it("should delete a branch and take it off its people's branch lists", async () => {
    const bristol = await send('post', '/branches', tokens.owner, { name: 'Bristol' }).expect(201);
    await app.db.query('UPDATE users SET branch_ids = ARRAY[$1::uuid] WHERE id = $2', [
      bristol.body.id,
      org.users.agent.id,
    ]);
    await send('delete', `/branches/${bristol.body.id}`, tokens.admin).expect(204);
    const [agent] = await app.db.query<{ branch_ids: string[] }>('SELECT branch_ids FROM users WHERE id = $1', [
      org.users.agent.id,
    ]);
    expect(agent.branch_ids).toEqual([]);
    expectProblem(await send('delete', `/branches/${bristol.body.id}`, tokens.admin), 404, 'not-found');
  });
});
