import {
  bearerFor,
  createOrganization,
  createTestApp,
  eraseSubject,
  eraseWithProvider,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { CommunicationsPersonalData } from './communications.personal-data.js';

describe('communications: the timeline of a client and its contacts', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let agent: string;
  let leeds: string;
  let clientId: string;
  let contactId: string;

  const http = () => app.http();
  const log = (auth: string, body: object) =>
    http().post('/api/v1/communications').set('authorization', auth).send(body);

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'agent', 'privacy_officer']);
    owner = await bearerFor(app, org.users.owner.email);
    leeds = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)).body
      .id;
    const { version } = (await http().get(`/api/v1/users/${org.users.agent.id}`).set('authorization', owner)).body;
    await http()
      .patch(`/api/v1/users/${org.users.agent.id}`)
      .set('authorization', owner)
      .send({ version, branchIds: [leeds] })
      .expect(200);
    agent = await bearerFor(app, org.users.agent.email);
    clientId = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'company', name: 'Riverside', branchId: leeds })
        .expect(201)
    ).body.id;
    contactId = (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ clientId, fullName: 'Rita Rivers' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  it('should log calls and notes into one timeline, newest first, sealed at rest', async () => {
    const call = await log(agent, {
      contactId,
      kind: 'call',
      direction: 'inbound',
      occurredAt: '2026-11-20T09:30:00Z',
      durationMinutes: 12,
      subject: 'Boiler making a noise',
      body: 'Rita says the boiler bangs at night; wants a visit this week.',
    }).expect(201);
    expect(call.body).toMatchObject({
      clientId,
      contactId,
      authorId: org.users.agent.id,
      authorName: 'Test agent',
      branchId: leeds,
    });
    await log(owner, {
      clientId,
      kind: 'note',
      direction: 'internal',
      occurredAt: '2026-11-21T08:00:00Z',
      body: 'Account on hold',
    }).expect(201);

    const timeline = await http()
      .get(`/api/v1/communications?clientId=${clientId}`)
      .set('authorization', owner)
      .expect(200);
    expect(timeline.body.items.map((item: { kind: string }) => item.kind)).toEqual(['note', 'call']);
    const personal = await http()
      .get(`/api/v1/communications?contactId=${contactId}`)
      .set('authorization', owner)
      .expect(200);
    expect(personal.body.items.map((item: { kind: string }) => item.kind)).toEqual(['call']);

    const rows = await app.db.query<{ subject_enc: Buffer | null; body_enc: Buffer }>(
      'SELECT subject_enc, body_enc FROM communications',
    );
    const raw = JSON.stringify(
      rows.map((row) => [row.subject_enc?.toString('latin1'), row.body_enc.toString('latin1')]),
    );
    for (const plain of ['Boiler', 'bangs at night', 'on hold']) expect(raw).not.toContain(plain);
    const client = await http().get(`/api/v1/clients/${clientId}`).set('authorization', owner).expect(200);
    expect(client.body.lastActivityAt).toBe('2026-11-21T08:00:00.000Z');
  });

  it('should page through a long timeline without gaps', async () => {
    const other = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'individual', name: 'Pat Pages', branchId: leeds })
        .expect(201)
    ).body.id;
    for (let day = 1; day <= 7; day++) {
      await log(owner, {
        clientId: other,
        kind: 'email',
        direction: 'outbound',
        occurredAt: `2026-10-0${day}T10:00:00Z`,
        subject: `Mail ${day}`,
      }).expect(201);
    }
    const subjects: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { subject: string }[]; nextCursor: string | null } } = await http()
        .get(`/api/v1/communications?clientId=${other}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', owner)
        .expect(200);
      subjects.push(...page.body.items.map((item) => item.subject));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(subjects).toEqual(['Mail 7', 'Mail 6', 'Mail 5', 'Mail 4', 'Mail 3', 'Mail 2', 'Mail 1']);
  });

  it('should answer bad input and strangers clearly', async () => {
    const none = await log(owner, { kind: 'call', direction: 'inbound' });
    expectProblem(none, 400, 'validation-failed');
    expectProblem(await log(owner, { clientId, kind: 'fax', direction: 'sideways' }), 400, 'validation-failed');
    expectProblem(
      await log(owner, { clientId, kind: 'call', direction: 'inbound', occurredAt: 'yesterday' }),
      400,
      'validation-failed',
    );
    const unknown = await log(owner, {
      contactId: '00000000-0000-4000-8000-000000000000',
      kind: 'call',
      direction: 'inbound',
    });
    expectProblem(unknown, 400, 'validation-failed');
    expect(unknown.body.errors[0].field).toBe('contactId');
    expectProblem(
      await http()
        .get('/api/v1/communications?clientId=00000000-0000-4000-8000-000000000000')
        .set('authorization', owner),
      404,
      'not-found',
    );
    const privacyOfficer = await bearerFor(app, org.users.privacy_officer.email);
    expectProblem(
      await http().get(`/api/v1/communications?clientId=${clientId}`).set('authorization', privacyOfficer),
      403,
      'forbidden',
    );
  });

  it('should let agents correct only what they logged, with version checks', async () => {
    const ownerNote = (
      await log(owner, { clientId, kind: 'note', direction: 'internal', body: 'owner note' }).expect(201)
    ).body;
    const agentNote = (
      await log(agent, { clientId, kind: 'note', direction: 'internal', body: 'agent note' }).expect(201)
    ).body;
    expectProblem(
      await http()
        .patch(`/api/v1/communications/${ownerNote.id}`)
        .set('authorization', agent)
        .send({ version: 1, body: 'x' }),
      403,
      'forbidden',
    );
    const fixed = await http()
      .patch(`/api/v1/communications/${agentNote.id}`)
      .set('authorization', agent)
      .send({ version: 1, body: 'agent note, corrected' })
      .expect(200);
    expect(fixed.body).toMatchObject({ body: 'agent note, corrected', version: 2 });
    expectProblem(
      await http()
        .patch(`/api/v1/communications/${agentNote.id}`)
        .set('authorization', agent)
        .send({ version: 1, body: 'stale' }),
      409,
      'conflict',
    );
    await http().delete(`/api/v1/communications/${agentNote.id}`).set('authorization', agent).expect(204);
    expectProblem(
      await http().get(`/api/v1/communications/${agentNote.id}`).set('authorization', agent),
      404,
      'not-found',
    );
  });

  it("should export and erase a contact's communications, leaving them unreadable", async () => {
    const person = (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ clientId, fullName: 'Erin Erased' })
        .expect(201)
    ).body.id;
    await log(owner, { contactId: person, kind: 'call', direction: 'outbound', body: 'Private chat' }).expect(201);
    const subject = { kind: 'contact' as const, id: person, organizationId: org.organizationId };
    const provider = app.app.get(CommunicationsPersonalData);
    const exported = [];
    for await (const record of provider.export(subject)) exported.push(record);
    expect(exported).toEqual([expect.objectContaining({ kind: 'call', body: 'Private chat', author: 'Olive Owner' })]);
    expect((await eraseWithProvider(app, provider, subject)).affected).toBe(1);
    expect(await provider.locate(subject)).toBe(0);

    // Erasing a client destroys its key last: what is left anywhere (backups) cannot be read.
    const clientSubject = { kind: 'client' as const, id: clientId, organizationId: org.organizationId };
    const receipts = await eraseSubject(app, clientSubject);
    expect(receipts.find((receipt) => receipt.category === 'crm.clients')).toMatchObject({ affected: 1 });
    expectProblem(await http().get(`/api/v1/clients/${clientId}`).set('authorization', owner), 404, 'not-found');
    const [key] = await app.db.query<{ wrapped_key: Buffer | null }>(
      'SELECT wrapped_key FROM subject_keys WHERE subject_id = $1',
      [`client:${clientId}`],
    );
    expect(key.wrapped_key).toBeNull();
  });
});
