import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  type MailCatcher,
  startMailCatcher,
  TEST_PASSWORD,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { IdentityService } from '../identity/identity.service.js';

/**
 * The operator's billing integration sets subscriptions (its scoped keys only); owners see
 * theirs, terminate it (by typing the name), are emailed the purge date, and restore it.
 */
describe('subscriptions', () => {
  let app: TestApp;
  let mail: MailCatcher;
  const clock = new TestClock(new Date());
  let operatorOwner: string;
  let operatorKey: string;
  let customer: TestOrganization;
  let owner: string;
  let admin: string;
  let customerKey: string;

  const put = (organizationId: string, key: string | null, body: object) => {
    const request = app.http().put(`/api/v1/operator/organizations/${organizationId}/subscription`);
    return (key ? request.set('x-api-key', key) : request).send(body);
  };
  const view = (auth: string) => app.http().get('/api/v1/organization/subscription').set('authorization', auth);
  const trail = (organizationId: string) =>
    app.db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_entries WHERE organization_id = $1 AND action LIKE 'subscription.%' ORDER BY seq`,
      [organizationId],
    );
  const createKey = (auth: string, scopes: string[]) =>
    app.http().post('/api/v1/api-keys').set('authorization', auth).send({ name: 'Billing', scopes });

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, OPERATOR_ORGANIZATION: 'steward-operator' } });
    await app.app.get(IdentityService).createOrganization('Steward Operator', {
      profile: {
        email: 'billing@operator.test',
        fullName: 'Bill Operator',
        phone: null,
        jobTitle: null,
        company: null,
      },
      password: TEST_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    operatorOwner = await bearerFor(app, 'billing@operator.test');
    operatorKey = (await createKey(operatorOwner, ['subscriptions:manage']).expect(201)).body.secret;
    customer = await createOrganization(app, ['owner', 'admin']);
    owner = await bearerFor(app, customer.users.owner.email);
    admin = await bearerFor(app, customer.users.admin.email);
    customerKey = (await createKey(owner, ['organization:read', 'subscription:read']).expect(201)).body.secret;
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should let only the operator organization give and use the subscriptions:manage scope', async () => {
    // Another organization cannot give its key the scope, whatever its role.
    expectProblem(await createKey(owner, ['subscriptions:manage']), 403, 'forbidden');
    // Its keys, people, and the operator's own key without the scope are refused.
    const endsAt = new Date(clock.nowMs() + 30 * DAY_MS).toISOString();
    expectProblem(await put(customer.organizationId, customerKey, { state: 'active', endsAt }), 403, 'forbidden');
    const narrow = (await createKey(operatorOwner, ['organization:read']).expect(201)).body.secret;
    expectProblem(await put(customer.organizationId, narrow, { state: 'active', endsAt }), 403, 'forbidden');
    expectProblem(
      await app
        .http()
        .put(`/api/v1/operator/organizations/${customer.organizationId}/subscription`)
        .set('authorization', operatorOwner)
        .send({ state: 'active', endsAt }),
      403,
      'forbidden',
    );
    expectProblem(await put(customer.organizationId, null, { state: 'active', endsAt }), 401, 'unauthenticated');
    expect((await view(owner).expect(200)).body.state).toBe('trial');

    const set = await put(customer.organizationId, operatorKey, { state: 'active', endsAt }).expect(200);
    expect(set.body).toMatchObject({ organizationId: customer.organizationId, state: 'active', endsAt, purgeAt: null });
    expect((await view(owner).expect(200)).body).toMatchObject({ state: 'active', daysLeft: 30, purgeAt: null });
    // The change is in the affected organization's trail.
    expect((await trail(customer.organizationId)).at(-1)).toMatchObject({
      action: 'subscription.changed',
      details: { from: 'trial', to: 'active', endsAt },
    });
  });

  it('should refuse nonsense with a problem, never a 500', async () => {
    const past = new Date(clock.nowMs() - DAY_MS).toISOString();
    const future = new Date(clock.nowMs() + DAY_MS).toISOString();
    expectProblem(
      await put(customer.organizationId, operatorKey, { state: 'active', endsAt: past }),
      400,
      'validation-failed',
    );
    expectProblem(await put(customer.organizationId, operatorKey, { state: 'trial' }), 400, 'validation-failed');
    expectProblem(
      await put(customer.organizationId, operatorKey, { state: 'ended', endsAt: future }),
      400,
      'validation-failed',
    );
    expectProblem(await put(customer.organizationId, operatorKey, { state: 'terminated' }), 400, 'validation-failed');
    expectProblem(await put(customer.organizationId, operatorKey, { state: 'cancelled' }), 400, 'validation-failed');
    expectProblem(
      await put(customer.organizationId, operatorKey, { state: 'active', endsAt: 'soon' }),
      400,
      'validation-failed',
    );
    expectProblem(await put('8d4c2f0e-1f7a-4d7e-9a51-3c0f4f1b2a10', operatorKey, { state: 'ended' }), 404, 'not-found');
    expectProblem(await put('not-a-uuid', operatorKey, { state: 'ended' }), 400, 'bad-request');
    expect((await view(owner).expect(200)).body.state).toBe('active');
  });

  it('should show the owner, not the agent, the subscription; only an owner terminates', async () => {
    expect((await view(admin).expect(200)).body.canTerminate).toBe(true);
    const agentOrg = await createOrganization(app, ['owner', 'agent']);
    expectProblem(await view(await bearerFor(app, agentOrg.users.agent.email)), 403, 'forbidden');
    expectProblem(
      await app
        .http()
        .post('/api/v1/organization/subscription/terminate')
        .set('authorization', admin)
        .send({ confirmName: 'anything' }),
      403,
      'forbidden',
    );
    expectProblem(
      await app.http().post('/api/v1/organization/subscription/terminate').set('x-api-key', customerKey).send({}),
      403,
      'forbidden',
    );
  });

  it('should terminate on the typed name, email the purge date, and restore the earlier state', async () => {
    const { organizationName } = (await view(owner).expect(200)).body;
    const terminate = (confirmName: unknown) =>
      app.http().post('/api/v1/organization/subscription/terminate').set('authorization', owner).send({ confirmName });
    const wrong = await terminate('Some other name');
    expectProblem(wrong, 400, 'validation-failed');
    expect(wrong.body.errors[0].field).toBe('confirmName');
    expectProblem(await terminate(null), 400, 'validation-failed');

    const done = await terminate(` ${organizationName.toUpperCase()} `).expect(200);
    const purgeAt = new Date(clock.nowMs() + 30 * DAY_MS);
    expect(done.body).toMatchObject({
      state: 'terminated',
      purgeAt: purgeAt.toISOString(),
      daysUntilPurge: 30,
      canTerminate: false,
      canRestore: true,
    });
    expectProblem(await terminate(organizationName), 409, 'conflict');
    // Owners and admins are told the date.
    for (const to of [customer.users.owner.email, customer.users.admin.email]) {
      const message = await mail.waitForAbout(to, 'has been terminated');
      expect(message.text).toContain(
        purgeAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      );
    }
    // Still signed in and able to work (to export) while the countdown runs.
    await app.http().get('/api/v1/clients').set('authorization', owner).expect(200);
    // Billing cannot override the owner's termination.
    expectProblem(
      await put(customer.organizationId, operatorKey, {
        state: 'active',
        endsAt: new Date(clock.nowMs() + DAY_MS).toISOString(),
      }),
      409,
      'conflict',
    );

    clock.advance(10 * DAY_MS);
    owner = await bearerFor(app, customer.users.owner.email); // the earlier access token has expired
    expect((await view(owner).expect(200)).body.daysUntilPurge).toBe(20);
    const restored = await app
      .http()
      .post('/api/v1/organization/subscription/restore')
      .set('authorization', owner)
      .expect(200);
    expect(restored.body).toMatchObject({ state: 'active', purgeAt: null, endedAt: null, canRestore: false });
    await mail.waitForAbout(customer.users.owner.email, 'has been restored');
    expectProblem(
      await app.http().post('/api/v1/organization/subscription/restore').set('authorization', owner),
      409,
      'conflict',
    );
    expect((await trail(customer.organizationId)).map((entry) => entry.action).slice(-2)).toEqual([
      'subscription.terminated',
      'subscription.restored',
    ]);
  });

  it('should start the countdown when billing ends the subscription, and let billing renew it', async () => {
    const ended = await put(customer.organizationId, operatorKey, { state: 'ended' }).expect(200);
    expect(ended.body).toMatchObject({ state: 'ended', purgeAt: new Date(clock.nowMs() + 30 * DAY_MS).toISOString() });
    expect((await view(owner).expect(200)).body).toMatchObject({
      state: 'ended',
      canRestore: false,
      canTerminate: false,
    });
    // An ended subscription is renewed in billing, not restored by the owner.
    expectProblem(
      await app.http().post('/api/v1/organization/subscription/restore').set('authorization', owner),
      409,
      'conflict',
    );
    const endsAt = new Date(clock.nowMs() + 365 * DAY_MS).toISOString();
    await put(customer.organizationId, operatorKey, { state: 'active', endsAt }).expect(200);
    expect((await view(owner).expect(200)).body).toMatchObject({ state: 'active', purgeAt: null, daysLeft: 365 });
    await put(customer.organizationId, operatorKey, { state: 'past_due', endsAt: null }).expect(200);
    expect((await view(owner).expect(200)).body).toMatchObject({ state: 'past_due', endsAt: null, daysLeft: null });
  });
});
