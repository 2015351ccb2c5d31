import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { IdentityService } from './identity.service.js';

describe('people admin: list, invite, change access, disable', () => {
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let admin: string;
  let leeds: string;
  let bristol: string;

  const http = () => app.http();
  const user = async (auth: string, id: string) =>
    (await http().get(`/api/v1/users/${id}`).set('authorization', auth).expect(200)).body;
  /** PATCH with the version just read (the answer, not a supertest chain: its request already ran). */
  const patchUser = async (auth: string, id: string, body: object) => {
    const { version } = await user(owner, id);
    return await http()
      .patch(`/api/v1/users/${id}`)
      .set('authorization', auth)
      .send({ version, ...body });
  };
  const changed = async (auth: string, id: string, body: object) => {
    const response = await patchUser(auth, id, body);
    expect(response.status).toBe(200);
    return response;
  };
  const invite = (auth: string, body: object) =>
    http().post('/api/v1/users/invitations').set('authorization', auth).send(body);
  const invitationToken = async (email: string) =>
    linkIn(await mail.waitFor(email), 'https://crm.example.test/accept-invitation?token=').searchParams.get(
      'token',
    ) as string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ env: { SMTP_URL: mail.url, APP_URL: 'https://crm.example.test' } });
    org = await createOrganization(app, ['owner', 'admin', 'privacy_officer', 'manager', 'agent', 'viewer']);
    owner = await bearerFor(app, org.users.owner.email);
    admin = await bearerFor(app, org.users.admin.email);
    const branch = async (name: string) =>
      (await http().post('/api/v1/branches').set('authorization', owner).send({ name }).expect(201)).body.id;
    leeds = await branch('Leeds');
    bristol = await branch('Bristol');
    await changed(owner, org.users.manager.id, { branchIds: [leeds] });
    await changed(owner, org.users.agent.id, { branchIds: [leeds] });
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should list people a page at a time, with search and filters', async () => {
    const page = (query: string) => http().get(`/api/v1/users?${query}`).set('authorization', admin).expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await page(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);

    const searched = await page('q=TEST%20AGE');
    expect(searched.body.items.map((item: { fullName: string }) => item.fullName)).toEqual(['Test agent']);
    const byEmail = await page(`q=${encodeURIComponent(org.users.viewer.email)}`);
    expect(byEmail.body.items).toHaveLength(1);
    expect((await page('role=manager')).body.items).toHaveLength(1);
    expect((await page(`branchId=${leeds}`)).body.items.map((item: { role: string }) => item.role).sort()).toEqual([
      'agent',
      'manager',
    ]);
    const first = (await page('limit=1')).body.items[0];
    expect(first).toMatchObject({ role: 'owner', state: 'active', mfaEnabled: false, emailVerified: true });
    expect(first).not.toHaveProperty('passwordHash');
  });

  it('should answer bad list queries with 400', async () => {
    const bad = (query: string) => http().get(`/api/v1/users?${query}`).set('authorization', admin);
    expectProblem(await bad('limit=0'), 400, 'validation-failed');
    expectProblem(await bad('limit=abc'), 400, 'validation-failed');
    expectProblem(await bad('cursor=not-a-cursor'), 400, 'validation-failed');
    expectProblem(await bad('role=emperor'), 400, 'validation-failed');
    expectProblem(await bad('branchId=leeds'), 400, 'validation-failed');
  });

  it("should show managers only their branches' people, and nobody to agents", async () => {
    const manager = await bearerFor(app, org.users.manager.email);
    const listed = await http().get('/api/v1/users').set('authorization', manager).expect(200);
    expect(listed.body.items.map((item: { role: string }) => item.role).sort()).toEqual(['agent', 'manager']);
    expectProblem(
      await http().get(`/api/v1/users/${org.users.viewer.id}`).set('authorization', manager),
      404,
      'not-found',
    );
    const agent = await bearerFor(app, org.users.agent.email);
    expectProblem(await http().get('/api/v1/users').set('authorization', agent), 403, 'forbidden');
    expectProblem(
      await invite(manager, { email: 'x@example.test', fullName: 'X', role: 'viewer', branchIds: [] }),
      403,
      'forbidden',
    );
  });

  it('should invite a colleague who joins with the link, passes the age gate and signs in', async () => {
    const email = `sam.${Date.now()}@example.test`;
    const invited = await invite(admin, {
      email,
      fullName: 'Sam Carter',
      jobTitle: 'Dispatcher',
      role: 'agent',
      branchIds: [bristol],
    }).expect(201);
    expect(invited.body).toMatchObject({ state: 'invited', role: 'agent', branchIds: [bristol], emailVerified: false });
    expectProblem(
      await http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }),
      401,
      'invalid-credentials',
    );

    const message = await mail.waitFor(email);
    expect(message.subject).toMatch(/invited you to Test Org/);
    expect(message.text).toContain('Test admin invited you');
    const token = await invitationToken(email);

    const preview = await http().post('/api/v1/auth/invitations/preview').send({ token }).expect(200);
    expect(preview.body).toEqual({
      organizationName: expect.stringMatching(/^Test Org/),
      email,
      fullName: 'Sam Carter',
      role: 'agent',
      minimumAge: 18,
    });
    const accept = (body: object) =>
      http()
        .post('/api/v1/auth/invitations/accept')
        .send({ token, ...body });
    expectProblem(await accept({ password: 'password1234', confirmAge: true }), 400, 'validation-failed');
    expectProblem(await accept({ password: TEST_PASSWORD }), 400, 'validation-failed');
    await accept({ password: TEST_PASSWORD, dateOfBirth: '1995-06-01' }).expect(204);
    expectProblem(await accept({ password: TEST_PASSWORD, confirmAge: true }), 404, 'not-found');

    const signedIn = await http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(signedIn.body.user).toMatchObject({ role: 'agent', branchIds: [bristol], jobTitle: 'Dispatcher' });
    expect(await user(admin, invited.body.id)).toMatchObject({ state: 'active', emailVerified: true });
  });

  it("should refuse an invitee under the organization's minimum age and delete the invitation", async () => {
    const organization = await http().get('/api/v1/organization').set('authorization', owner).expect(200);
    await http()
      .patch('/api/v1/organization')
      .set('authorization', owner)
      .send({ version: organization.body.version, minUserAge: 16 })
      .expect(200);
    const email = `young.${Date.now()}@example.test`;
    const invited = await invite(admin, { email, fullName: 'Young Person', role: 'viewer', branchIds: [] }).expect(201);
    const token = await invitationToken(email);
    expect((await http().post('/api/v1/auth/invitations/preview').send({ token })).body.minimumAge).toBe(16);

    const today = new Date();
    const fifteen = `${today.getUTCFullYear() - 15}-01-01`;
    const refused = await http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: TEST_PASSWORD, dateOfBirth: fifteen });
    expectProblem(refused, 403, 'under-minimum-age');
    expect(refused.body.minimumAge).toBe(16);
    expectProblem(await http().get(`/api/v1/users/${invited.body.id}`).set('authorization', admin), 404, 'not-found');
    const left = await app.db.query('SELECT 1 FROM subject_keys WHERE subject_id = $1', [invited.body.id]);
    expect(left).toEqual([]);
    expectProblem(await http().post('/api/v1/auth/invitations/preview').send({ token }), 404, 'not-found');
  });

  it('should resend and withdraw invitations', async () => {
    const email = `maybe.${Date.now()}@example.test`;
    const invited = await invite(admin, { email, fullName: 'Maybe Later', role: 'viewer', branchIds: [] }).expect(201);
    const first = await invitationToken(email);
    mail.messages.length = 0;
    await http().post(`/api/v1/users/${invited.body.id}/invitation`).set('authorization', admin).expect(202);
    const second = await invitationToken(email);
    expectProblem(await http().post('/api/v1/auth/invitations/preview').send({ token: first }), 404, 'not-found');
    await http().delete(`/api/v1/users/${invited.body.id}/invitation`).set('authorization', admin).expect(204);
    expectProblem(await http().post('/api/v1/auth/invitations/preview').send({ token: second }), 404, 'not-found');
    expectProblem(
      await http().delete(`/api/v1/users/${org.users.viewer.id}/invitation`).set('authorization', admin),
      409,
      'conflict',
    );
  });

  it('should refuse inviting an address that has an account, or a branch-scoped role without a branch', async () => {
    expectProblem(
      await invite(admin, { email: org.users.owner.email, fullName: 'Dup', role: 'viewer', branchIds: [] }),
      409,
      'conflict',
    );
    const noBranch = await invite(admin, { email: 'm@example.test', fullName: 'M', role: 'manager', branchIds: [] });
    expectProblem(noBranch, 400, 'validation-failed');
    expect(noBranch.body.errors[0].field).toBe('branchIds');
    const unknownBranch = await invite(admin, {
      email: 'm@example.test',
      fullName: 'M',
      role: 'agent',
      branchIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expectProblem(unknownBranch, 400, 'validation-failed');
    expectProblem(
      await invite(admin, { email: 'o@example.test', fullName: 'O', role: 'owner', branchIds: [] }),
      403,
      'forbidden',
    );
  });

  it('should answer an invitation the same whether or not the address has an account in another organization', async () => {
    const elsewhere = await createOrganization(app, ['owner']);
    const fresh = `fresh.${Date.now()}@example.test`;
    const answers = [];
    for (const email of [elsewhere.users.owner.email, fresh]) {
      const response = await invite(admin, { email, fullName: 'Probe', role: 'viewer', branchIds: [] });
      answers.push({ status: response.status, state: response.body.state, keys: Object.keys(response.body).sort() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 201, state: 'invited' });

    // The address's owner is told, without a link, and the inviter learns nothing.
    const note = await mail.waitFor(elsewhere.users.owner.email);
    expect(note.text).toContain('already has a Steward CRM account');
    expect(note.text).not.toContain('accept-invitation');
    // Their account is untouched and still signs in.
    await http()
      .post('/api/v1/auth/sign-in')
      .send({ email: elsewhere.users.owner.email, password: TEST_PASSWORD })
      .expect(200);

    // Inviting the same address twice in one organization is still this organization's own business.
    expectProblem(
      await invite(admin, { email: fresh, fullName: 'Again', role: 'viewer', branchIds: [] }),
      409,
      'conflict',
    );
  });

  it('should refuse to accept an invitation for an address that meanwhile got an account, and say why', async () => {
    const email = `late.${Date.now()}@example.test`;
    await invite(admin, { email, fullName: 'Late Joiner', role: 'viewer', branchIds: [] }).expect(201);
    const token = await invitationToken(email);
    await createOrganizationWithOwner(email);
    const refused = await http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token, password: TEST_PASSWORD, confirmAge: true });
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toMatch(/already has a Steward CRM account/);
  });

  /** Someone signs up elsewhere with this address (through the service: the test needs no mail round trip). */
  const createOrganizationWithOwner = (email: string) =>
    app.app.get(IdentityService).createOrganization(`Elsewhere ${Date.now()}`, {
      profile: { email, fullName: 'Elsewhere Owner', phone: null, jobTitle: null, company: null },
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });

  it('should apply a role change on the next request, and keep least privilege', async () => {
    const manager = await bearerFor(app, org.users.manager.email);
    await http().get('/api/v1/users').set('authorization', manager).expect(200);
    await changed(admin, org.users.manager.id, { role: 'agent' });
    // Same token, new role: no waiting for it to expire.
    expectProblem(await http().get('/api/v1/users').set('authorization', manager), 403, 'forbidden');
    await changed(admin, org.users.manager.id, { role: 'manager' });

    expectProblem(await patchUser(admin, org.users.admin.id, { role: 'owner' }), 403, 'forbidden');
    expectProblem(await patchUser(admin, org.users.owner.id, { role: 'viewer' }), 403, 'forbidden');
    expectProblem(await patchUser(admin, org.users.viewer.id, { role: 'owner' }), 403, 'forbidden');
    expectProblem(await patchUser(owner, org.users.owner.id, { role: 'admin' }), 403, 'forbidden');
    expectProblem(await patchUser(admin, org.users.viewer.id, { role: 'agent' }), 400, 'validation-failed');

    // The manager has been changed since version 1: an edit based on it is refused.
    const stale = await http()
      .patch(`/api/v1/users/${org.users.manager.id}`)
      .set('authorization', admin)
      .send({ version: 1, role: 'viewer' });
    expectProblem(stale, 409, 'conflict');
    expect((await user(admin, org.users.manager.id)).role).toBe('manager');
  });

  it('should disable an account at once, sessions included, and enable it again', async () => {
    const viewer = await bearerFor(app, org.users.viewer.email);
    const disabled = await http()
      .post(`/api/v1/users/${org.users.viewer.id}/disable`)
      .set('authorization', admin)
      .expect(200);
    expect(disabled.body.state).toBe('disabled');
    expectProblem(await http().get('/api/v1/auth/me').set('authorization', viewer), 401, 'session-expired');
    expectProblem(
      await http().post('/api/v1/auth/sign-in').send({ email: org.users.viewer.email, password: TEST_PASSWORD }),
      401,
      'invalid-credentials',
    );
    expectProblem(
      await http().post(`/api/v1/users/${org.users.viewer.id}/disable`).set('authorization', admin),
      409,
      'conflict',
    );
    expectProblem(
      await http().post(`/api/v1/users/${org.users.admin.id}/disable`).set('authorization', admin),
      403,
      'forbidden',
    );
    await http().post(`/api/v1/users/${org.users.viewer.id}/enable`).set('authorization', admin).expect(200);
    await bearerFor(app, org.users.viewer.email);
  });

  it('should let API keys read people but never administer them', async () => {
    const refused = await http()
      .post('/api/v1/api-keys')
      .set('authorization', owner)
      .send({ name: 'Provisioning', scopes: ['users:write'] });
    expectProblem(refused, 400, 'validation-failed');
    const key = (
      await http()
        .post('/api/v1/api-keys')
        .set('authorization', owner)
        .send({ name: 'Directory', scopes: ['users:read'] })
        .expect(201)
    ).body.secret;
    const listed = await http().get('/api/v1/users?limit=100').set('x-api-key', key).expect(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(6);
    expectProblem(
      await http().post(`/api/v1/users/${org.users.viewer.id}/disable`).set('x-api-key', key),
      403,
      'forbidden',
    );
  });

  it('should describe every role and its permissions', async () => {
    const viewer = await bearerFor(app, org.users.viewer.email);
    const roles = await http().get('/api/v1/roles').set('authorization', viewer).expect(200);
    expect(roles.body.items.map((item: { role: string }) => item.role)).toEqual([
      'owner',
      'admin',
      'privacy_officer',
      'manager',
      'agent',
      'viewer',
    ]);
    const manager = roles.body.items.find((item: { role: string }) => item.role === 'manager');
    expect(manager).toMatchObject({ branchScoped: true });
    expect(manager.permissions).toContain('users:read');
    expect(manager.permissions).not.toContain('users:write');
  });
});
