import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';

interface Correction {
  field: string;
  proposed: string | null;
  current: string | null;
  decision: string;
}
interface Detail {
  id: string;
  version: number;
  corrections: Correction[];
  history: Array<{ type: string; details: Record<string, unknown> }>;
}

describe('data-subject requests: rectification', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let org: TestOrganization;
  let officer: string;
  let owner: string;
  let slug: string;
  let branchId: string;

  const http = () => app.http();
  const log = (email: string, corrections: unknown, type = 'rectification') =>
    http().post('/api/v1/privacy-requests').set('authorization', officer).send({
      type,
      channel: 'email',
      email,
      fullName: 'Requester',
      identityCheck: 'Replied from the address on file',
      corrections,
    });
  const act = (request: { id: string }, action: string, body: object) =>
    http().post(`/api/v1/privacy-requests/${request.id}/${action}`).set('authorization', officer).send(body);
  const outbox = (type: string) =>
    app.db.query<{ data: unknown }>('SELECT data FROM webhook_messages WHERE organization_id = $1 AND type = $2', [
      org.organizationId,
      type,
    ]);

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({ clock: new TestClock(new Date()), env: { SMTP_URL: mail.url, JOBS_WORKER: 'false' } });
    org = await createOrganization(app, ['owner', 'privacy_officer', 'agent']);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    owner = await bearerFor(app, org.users.owner.email);
    branchId = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Main' }).expect(201))
      .body.id;
    const [row] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [
      org.organizationId,
    ]);
    slug = row.slug;
    // An integration listens for rectifications (no worker runs: nothing is sent).
    await http()
      .post('/api/v1/webhooks/endpoints')
      .set('authorization', owner)
      .send({ url: 'https://93.184.215.14/hooks', eventTypes: ['subject.rectified'] })
      .expect(201);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should refuse unknown fields, bad values and corrections on other request types with 400', async () => {
    const unknown = await log('x@example.test', [{ field: 'notes', value: 'hello' }]);
    expectProblem(unknown, 400, 'validation-failed');
    expect(JSON.stringify(unknown.body.errors)).toContain(
      'field must be one of fullName, email, phone, jobTitle, company',
    );
    const badEmail = await log('x@example.test', [{ field: 'email', value: 'not-an-address' }]);
    expectProblem(badEmail, 400, 'validation-failed');
    expect(badEmail.body.errors[0].field).toBe('corrections.0.value');
    const twice = await log('x@example.test', [
      { field: 'phone', value: '0113 496 0001' },
      { field: 'phone', value: '0113 496 0002' },
    ]);
    expectProblem(twice, 400, 'validation-failed');
    expectProblem(await log('x@example.test', [{ field: 'phone', value: '0113' }], 'access'), 400, 'validation-failed');
    const publicForm = await http()
      .post(`/api/v1/public/organizations/${slug}/privacy-requests`)
      .send({
        type: 'rectification',
        email: 'p@example.test',
        fullName: 'P',
        corrections: [{ field: 'password', value: 'x' }],
      });
    expectProblem(publicForm, 400, 'validation-failed');
    await http()
      .post(`/api/v1/public/organizations/${slug}/privacy-requests`)
      .send({
        type: 'rectification',
        email: 'p@example.test',
        fullName: 'P',
        corrections: [{ field: 'phone', value: '0113 496 0003' }],
      })
      .expect(202);
  });

  it('should apply a correction to the contact through the CRM, audited by field name, with a webhook; a kept one stays', async () => {
    const contact = (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({
          fullName: 'Rhea Rect',
          email: 'rhea.rect@example.test',
          phone: '0113 000 0000',
          jobTitle: 'Clerk',
          branchId,
        })
        .expect(201)
    ).body;
    const logged = await log('rhea.rect@example.test', [
      { field: 'phone', value: '0113 496 0999' },
      { field: 'jobTitle', value: 'Chief Clerk' },
    ]).expect(201);
    const request = logged.body as Detail;
    // Before a match nothing can be applied, and nothing is current.
    expect(request.corrections).toEqual([
      { field: 'phone', proposed: '0113 496 0999', current: null, decision: 'proposed' },
      { field: 'jobTitle', proposed: 'Chief Clerk', current: null, decision: 'proposed' },
    ]);
    expectProblem(
      await act(request, 'corrections', { version: request.version, field: 'phone', decision: 'apply' }),
      409,
      'conflict',
    );
    const matched = (
      await act(request, 'matches', {
        version: request.version,
        subjects: [{ kind: 'contact', id: contact.id }],
      }).expect(200)
    ).body as Detail;
    expect(matched.corrections.map((c) => [c.field, c.current, c.proposed])).toEqual([
      ['phone', '0113 000 0000', '0113 496 0999'],
      ['jobTitle', 'Clerk', 'Chief Clerk'],
    ]);
    const unproposed = await act(request, 'corrections', {
      version: matched.version,
      field: 'email',
      decision: 'apply',
    });
    expectProblem(unproposed, 400, 'validation-failed');
    expectProblem(
      await act(request, 'corrections', { version: matched.version, field: 'notes', decision: 'apply' }),
      400,
      'validation-failed',
    );

    const applied = (
      await act(request, 'corrections', { version: matched.version, field: 'phone', decision: 'apply' }).expect(200)
    ).body as Detail;
    expect(applied.corrections[0]).toMatchObject({ field: 'phone', decision: 'applied', current: '0113 496 0999' });
    const kept = (
      await act(request, 'corrections', { version: applied.version, field: 'jobTitle', decision: 'keep' }).expect(200)
    ).body as Detail;
    expect(kept.corrections[1]).toMatchObject({ field: 'jobTitle', decision: 'kept', current: 'Clerk' });
    expectProblem(
      await act(request, 'corrections', { version: kept.version, field: 'phone', decision: 'apply' }),
      409,
      'conflict',
    );

    // The contact changed through the CRM: its own activity log names the field.
    const now = (await http().get(`/api/v1/contacts/${contact.id}`).set('authorization', owner).expect(200)).body;
    expect(now).toMatchObject({ phone: '0113 496 0999', jobTitle: 'Clerk' });
    const activity = (
      await http().get(`/api/v1/contacts/${contact.id}/activity`).set('authorization', owner).expect(200)
    ).body.items as Array<{ action: string; fields: string[] }>;
    expect(activity).toContainEqual(expect.objectContaining({ action: 'updated', fields: ['phone'] }));
    // The desk's history and audit: field names, never values.
    expect(kept.history.map((event) => event.type)).toEqual([
      'created',
      'match_confirmed',
      'correction_applied',
      'correction_kept',
    ]);
    expect(kept.history[2].details).toEqual({ field: 'phone', subjects: [{ kind: 'contact', id: contact.id }] });
    const audit = await app.db.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE target_id = $1 AND action LIKE 'privacy.request.correction%' ORDER BY action",
      [request.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'privacy.request.correction_applied',
      'privacy.request.correction_kept',
    ]);
    const [traces] = await app.db.query<{ found: number }>(
      `SELECT (SELECT count(*) FROM privacy_request_events WHERE details::text LIKE $1)
            + (SELECT count(*) FROM audit_entries WHERE details::text LIKE $1)
            + (SELECT count(*) FROM webhook_messages WHERE data::text LIKE $1) AS found`,
      ['%496 0999%'],
    );
    expect(Number(traces.found)).toBe(0);
    // Integrations learn which field of whom: ids and names only.
    expect((await outbox('subject.rectified')).map((row) => row.data)).toContainEqual({
      subjectType: 'contact',
      subjectId: contact.id,
      fields: ['phone'],
    });
    // The proposals are sealed at rest.
    const [row] = await app.db.query<{ sealed: string }>(
      'SELECT corrections_enc::text AS sealed FROM privacy_requests WHERE id = $1',
      [request.id],
    );
    expect(row.sealed).not.toContain('Chief');
  });

  it("should apply a signed-in user's own proposed correction to their profile through identity", async () => {
    const agent = await bearerFor(app, org.users.agent.email);
    const filed = await http()
      .post('/api/v1/me/privacy-requests')
      .set('authorization', agent)
      .send({ type: 'rectification', corrections: [{ field: 'company', value: 'Rivers & Co' }] })
      .expect(201);
    const request = (
      await http().get(`/api/v1/privacy-requests/${filed.body.id}`).set('authorization', officer).expect(200)
    ).body as Detail;
    const matched = (
      await act(request, 'matches', {
        version: request.version,
        subjects: [{ kind: 'user', id: org.users.agent.id }],
      }).expect(200)
    ).body as Detail;
    expect(matched.corrections).toEqual([
      { field: 'company', proposed: 'Rivers & Co', current: null, decision: 'proposed' },
    ]);
    await act(request, 'corrections', { version: matched.version, field: 'company', decision: 'apply' }).expect(200);
    const profile = (await http().get('/api/v1/profile').set('authorization', agent).expect(200)).body;
    expect(profile.company).toBe('Rivers & Co');
    const audit = await app.db.query<{ details: { fields: string[] } }>(
      "SELECT details FROM audit_entries WHERE target_id = $1 AND action = 'user.profile_updated'",
      [org.users.agent.id],
    );
    expect(audit.map((entry) => entry.details.fields)).toContainEqual(['company']);
    expect((await outbox('subject.rectified')).map((row) => row.data)).toContainEqual({
      subjectType: 'user',
      subjectId: org.users.agent.id,
      fields: ['company'],
    });
  });
});
