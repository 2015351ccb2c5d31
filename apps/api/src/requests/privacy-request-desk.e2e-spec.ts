import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { ErasureService } from '../personal-data/erasure.service.js';
import { DataExportJob } from '../personal-data/exports/data-export.job.js';

interface Detail {
  id: string;
  type: string;
  status: string;
  version: number;
  dueAt: string;
  daysLeft: number | null;
  overdue: boolean;
  extended: boolean;
  fulfilment: string | null;
  assigneeId: string | null;
  requesterEmail: string | null;
  identityCheck: string | null;
  extensionReason: string | null;
  candidates: Array<{ kind: string; id: string; name: string | null; confirmed: boolean }>;
  history: Array<{ type: string; fromStatus: string | null; toStatus: string | null; actor: { kind: string } }>;
}

describe('data-subject requests: the desk', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let clock: TestClock;
  let org: TestOrganization;
  let other: TestOrganization;
  let officer: string;
  let owner: string;
  let agent: string;
  let branchId: string;

  const http = () => app.http();
  const signIn = async () => {
    officer = await bearerFor(app, org.users.privacy_officer.email);
    owner = await bearerFor(app, org.users.owner.email);
    agent = await bearerFor(app, org.users.agent.email);
  };
  const log = async (type: string, email: string, fullName = 'Requester') =>
    (
      await http()
        .post('/api/v1/privacy-requests')
        .set('authorization', officer)
        .send({ type, channel: 'email', email, fullName, identityCheck: 'Replied from the address on file' })
        .expect(201)
    ).body as Detail;
  const act = (request: { id: string }, action: string, body: object, who = officer) =>
    http().post(`/api/v1/privacy-requests/${request.id}/${action}`).set('authorization', who).send(body);
  const contact = async (fullName: string, email: string) =>
    (await http().post('/api/v1/contacts').set('authorization', owner).send({ fullName, email, branchId }).expect(201))
      .body.id as string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    clock = new TestClock(new Date());
    const dataDir = mkdtempSync(join(tmpdir(), 'steward-desk-'));
    app = await createTestApp({ clock, env: { SMTP_URL: mail.url, JOBS_WORKER: 'false', DATA_DIR: dataDir } });
    org = await createOrganization(app, ['owner', 'privacy_officer', 'agent']);
    other = await createOrganization(app, ['owner', 'privacy_officer']);
    await signIn();
    branchId = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Main' }).expect(201))
      .body.id;
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  it('should log a request with its identity check, acknowledge it and keep it to the organization and its officers', async () => {
    const request = await log('rectification', 'rita.rect@example.test', 'Rita Rect');
    expect(request).toMatchObject({
      status: 'received',
      identityCheck: 'Replied from the address on file',
      requesterEmail: 'rita.rect@example.test',
      overdue: false,
      daysLeft: 30,
    });
    expect(request.history.map((event) => event.type)).toEqual(['created']);
    await mail.waitForAbout('rita.rect@example.test', 'received your privacy request');
    expectProblem(await http().get('/api/v1/privacy-requests').set('authorization', agent), 403, 'forbidden');
    const outsider = await bearerFor(app, other.users.privacy_officer.email);
    expectProblem(
      await http().get(`/api/v1/privacy-requests/${request.id}`).set('authorization', outsider),
      404,
      'not-found',
    );
    expectProblem(await act(request, 'start', { version: request.version }, outsider), 404, 'not-found');
    const missingCheck = await http()
      .post('/api/v1/privacy-requests')
      .set('authorization', officer)
      .send({ type: 'access', channel: 'email', email: 'a@example.test', fullName: 'A' });
    expectProblem(missingCheck, 400, 'validation-failed');
    expect(missingCheck.body.errors[0].field).toBe('identityCheck');
  });

  it('should find the user and contacts with the email through the blind index, and confirm only those', async () => {
    const contactId = await contact('Mia Match', 'mia.match@example.test');
    const unrelated = await contact('Una Related', 'una@example.test');
    const request = await log('access', 'Mia.Match@Example.test');
    expect(request.candidates).toEqual([{ kind: 'contact', id: contactId, name: 'Mia Match', confirmed: false }]);
    const userRequest = await log('access', org.users.agent.email);
    expect(userRequest.candidates).toEqual([
      expect.objectContaining({ kind: 'user', id: org.users.agent.id, confirmed: false }),
    ]);
    const wrong = await act(request, 'matches', {
      version: request.version,
      subjects: [{ kind: 'contact', id: unrelated }],
    });
    expectProblem(wrong, 400, 'validation-failed');
    expect(wrong.body.errors[0].field).toBe('subjects.0');
    const confirmed = await act(request, 'matches', {
      version: request.version,
      subjects: [{ kind: 'contact', id: contactId }],
    }).expect(200);
    expect(confirmed.body.candidates[0].confirmed).toBe(true);
    expect(confirmed.body.history.map((event: { type: string }) => event.type)).toEqual(['created', 'match_confirmed']);
    // An integration listens for completed requests (no worker runs here: nothing is sent).
    await http()
      .post('/api/v1/webhooks/endpoints')
      .set('authorization', owner)
      .send({ url: 'https://93.184.215.14/hooks', eventTypes: ['request.completed'] })
      .expect(201);
    // Access: completion starts an export of the confirmed contact and mails its link.
    const done = await act(request, 'complete', { version: confirmed.body.version }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', fulfilment: 'export_started', daysLeft: null });
    // Integrations are told in the completion's transaction: ids and the type only.
    const messages = await app.db.query<{ data: unknown }>(
      `SELECT data FROM webhook_messages WHERE organization_id = $1 AND type = 'request.completed'`,
      [org.organizationId],
    );
    expect(messages.map((message) => message.data)).toContainEqual({ requestId: request.id, requestType: 'access' });
    const completed = await mail.waitForAbout('mia.match@example.test', 'completed your privacy request');
    const link = /https?:\/\/\S+\/api\/v1\/data-exports\/([0-9a-f-]{36})\/download\?token=[\w-]+/.exec(
      completed.text ?? '',
    );
    if (!link) throw new Error(`No download link in: ${completed.text}`);
    // The token never enters the request's history or the audit trail.
    const token = link[0].split('token=')[1];
    const traces = await app.db.query<{ found: number }>(
      `SELECT (SELECT count(*) FROM privacy_request_events WHERE details::text LIKE $1)
            + (SELECT count(*) FROM audit_entries WHERE details::text LIKE $1) AS found`,
      [`%${token}%`],
    );
    expect(Number(traces[0].found)).toBe(0);
    await app.app.get(DataExportJob).build(org.organizationId, link[1]);
    const zip = await http()
      .get(link[0].slice(link[0].indexOf('/api/v1')))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(zip.body as Buffer))['manifest.json']));
    expect(manifest.subject).toMatchObject({ kind: 'contact', id: contactId });
  });

  it('should move through the lifecycle with version checks, assignment to officers only, and mails', async () => {
    const request = await log('restriction', 'lou.life@example.test');
    expectProblem(
      await act(request, 'assign', { version: request.version, assigneeId: org.users.agent.id }),
      400,
      'validation-failed',
    );
    let current = (
      await act(request, 'assign', { version: request.version, assigneeId: org.users.privacy_officer.id }).expect(200)
    ).body as Detail;
    expect(current.assigneeId).toBe(org.users.privacy_officer.id);
    expectProblem(await act(request, 'start', { version: request.version }), 409, 'conflict'); // stale version
    current = (await act(request, 'start', { version: current.version }).expect(200)).body;
    expect(current.status).toBe('in_progress');
    current = (await act(request, 'await-requester', { version: current.version }).expect(200)).body;
    expect(current.status).toBe('awaiting_requester');
    current = (await act(request, 'start', { version: current.version }).expect(200)).body;
    const mine = await http().get('/api/v1/privacy-requests?assigneeId=me').set('authorization', officer).expect(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(request.id);
    const rejected = (
      await act(request, 'reject', {
        version: current.version,
        reason: 'We hold no data that is being processed.',
      }).expect(200)
    ).body as Detail;
    expect(rejected.status).toBe('rejected');
    const message = await mail.waitForAbout('lou.life@example.test', 'could not fulfil');
    expect(message.text).toContain('We hold no data that is being processed.');
    expectProblem(await act(request, 'start', { version: rejected.version }), 409, 'conflict');
    expect(rejected.history.map((event) => `${event.type}:${event.toStatus}`)).toEqual([
      'created:received',
      'assigned:received',
      'started:in_progress',
      'awaiting_requester:awaiting_requester',
      'resumed:in_progress',
      'rejected:rejected',
    ]);
    const cancelled = await log('inquiry', 'carl.cancel@example.test');
    expect((await act(cancelled, 'cancel', { version: cancelled.version }).expect(200)).body.status).toBe('cancelled');
    const [audit] = await app.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_entries WHERE target_id = $1 AND action LIKE 'privacy.request.%'",
      [request.id],
    );
    expect(audit.count).toBe(6);
  });

  it('should extend once, by at most two months, and email the reason', async () => {
    const request = await log('access', 'ezra.extend@example.test');
    expectProblem(
      await act(request, 'extend', { version: request.version, months: 3, reason: 'Ten years of records to review.' }),
      400,
      'validation-failed',
    );
    const extended = (
      await act(request, 'extend', {
        version: request.version,
        months: 2,
        reason: 'Ten years of records to review.',
      }).expect(200)
    ).body as Detail;
    expect(extended.extended).toBe(true);
    expect(extended.extensionReason).toBe('Ten years of records to review.');
    expect(new Date(extended.dueAt).getTime() - new Date(request.dueAt).getTime()).toBeGreaterThanOrEqual(59 * DAY_MS);
    const message = await mail.waitForAbout('ezra.extend@example.test', 'needs more time');
    expect(message.text).toContain('Ten years of records to review.');
    expect(message.text).toContain(extended.dueAt.slice(0, 10));
    expectProblem(
      await act(request, 'extend', {
        version: extended.version,
        months: 1,
        reason: 'Still more records to go through.',
      }),
      409,
      'conflict',
    );
  });

  it('should show a request as overdue when the clock passes its deadline', async () => {
    const request = await log('rectification', 'olive.overdue@example.test');
    const overdue = async () =>
      (await http().get('/api/v1/privacy-requests?overdue=true').set('authorization', officer).expect(200)).body
        .items as Detail[];
    expect((await overdue()).map((item) => item.id)).not.toContain(request.id);
    clock.advance(29 * DAY_MS);
    await signIn();
    let seen = (await http().get(`/api/v1/privacy-requests/${request.id}`).set('authorization', officer).expect(200))
      .body as Detail;
    expect(seen).toMatchObject({ overdue: false, daysLeft: 1 });
    clock.advance(2 * DAY_MS);
    await signIn();
    seen = (await http().get(`/api/v1/privacy-requests/${request.id}`).set('authorization', officer).expect(200)).body;
    expect(seen).toMatchObject({ overdue: true, daysLeft: -1 });
    expect((await overdue()).map((item) => item.id)).toContain(request.id);
    await act(seen, 'complete', { version: seen.version }).expect(200);
    expect((await overdue()).map((item) => item.id)).not.toContain(request.id);
    await mail.waitForAbout('olive.overdue@example.test', 'completed your privacy request');
  });

  it('should start the durable erasure of each confirmed person when an erasure request is completed', async () => {
    const contactId = await contact('Erin Erase', 'erin.erase@example.test');
    const request = await log('erasure', 'erin.erase@example.test', 'Erin Erase');
    const matched = (
      await act(request, 'matches', {
        version: request.version,
        subjects: [{ kind: 'contact', id: contactId }],
      }).expect(200)
    ).body as Detail;
    const done = (await act(request, 'complete', { version: matched.version }).expect(200)).body as Detail;
    expect(done.fulfilment).toBe('erasure_started');
    expect(done.history.map((event) => event.type)).toEqual(['created', 'match_confirmed', 'completed', 'fulfilment']);
    const [erasure] = await app.db.query<{ id: string }>(
      "SELECT id FROM erasures WHERE organization_id = $1 AND subject_kind = 'contact' AND subject_id = $2",
      [org.organizationId, contactId],
    );
    expect(erasure).toBeDefined();
    await mail.waitForAbout('erin.erase@example.test', 'completed your privacy request');
    await app.app.get(ErasureService).run(org.organizationId, erasure.id);
    expectProblem(await http().get(`/api/v1/contacts/${contactId}`).set('authorization', owner), 404, 'not-found');
    // The request stays as proof, without the requester's details.
    const after = (await http().get(`/api/v1/privacy-requests/${request.id}`).set('authorization', officer).expect(200))
      .body as Detail;
    expect(after).toMatchObject({ status: 'completed', requesterEmail: null, identityCheck: null });
  });

  it('should apply an objection to the consent ledger as soon as the match is confirmed', async () => {
    const contactId = await contact('Otto Object', 'otto.object@example.test');
    await http()
      .post(`/api/v1/contacts/${contactId}/consents`)
      .set('authorization', owner)
      .send({ purposeKey: 'marketing-email', action: 'granted', lawfulBasis: 'consent', source: 'form' })
      .expect(201);
    const request = await log('objection', 'otto.object@example.test');
    const matched = (
      await act(request, 'matches', {
        version: request.version,
        subjects: [{ kind: 'contact', id: contactId }],
      }).expect(200)
    ).body as Detail;
    expect(matched.fulfilment).toBe('consent_withdrawn');
    const consents = await http().get(`/api/v1/contacts/${contactId}/consents`).set('authorization', owner).expect(200);
    const email = consents.body.purposes.find(
      (purpose: { purposeKey: string }) => purpose.purposeKey === 'marketing-email',
    );
    expect(email).toMatchObject({ status: 'objected', validBasis: false });
    // Confirming again records nothing twice.
    await act(request, 'matches', { version: matched.version, subjects: [{ kind: 'contact', id: contactId }] }).expect(
      200,
    );
    const again = await http().get(`/api/v1/contacts/${contactId}/consents`).set('authorization', owner).expect(200);
    expect(again.body.history).toHaveLength(consents.body.history.length);
  });

  it("should let a signed-in user file and follow their own requests, and no one else's", async () => {
    const agentRequest = await http()
      .post('/api/v1/me/privacy-requests')
      .set('authorization', agent)
      .send({ type: 'portability', message: 'Everything, please' })
      .expect(201);
    expect(agentRequest.body).toMatchObject({ type: 'portability', status: 'received', extended: false });
    await mail.waitForAbout(org.users.agent.email, 'received your privacy request');
    const mine = await http().get('/api/v1/me/privacy-requests').set('authorization', agent).expect(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([agentRequest.body.id]);
    const officers = await http().get('/api/v1/me/privacy-requests').set('authorization', officer).expect(200);
    expect(officers.body.items.map((item: { id: string }) => item.id)).not.toContain(agentRequest.body.id);
    const detail = (
      await http().get(`/api/v1/privacy-requests/${agentRequest.body.id}`).set('authorization', officer).expect(200)
    ).body as Detail;
    expect(detail.candidates).toEqual([expect.objectContaining({ kind: 'user', id: org.users.agent.id })]);
    // Only the requester withdraws it from the privacy center; then it is closed for everyone.
    expectProblem(
      await http().post(`/api/v1/me/privacy-requests/${agentRequest.body.id}/cancel`).set('authorization', officer),
      404,
      'not-found',
    );
    const cancelled = await http()
      .post(`/api/v1/me/privacy-requests/${agentRequest.body.id}/cancel`)
      .set('authorization', agent)
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(
      await http().post(`/api/v1/me/privacy-requests/${agentRequest.body.id}/cancel`).set('authorization', agent),
      409,
      'conflict',
    );
    const history = (
      await http().get(`/api/v1/privacy-requests/${agentRequest.body.id}`).set('authorization', officer).expect(200)
    ).body as Detail;
    expect(history.history.map((event) => `${event.type}:${event.actor.kind}`)).toEqual([
      'created:user',
      'cancelled:requester',
    ]);
  });

  it('should page the desk newest first with cursors, skipping nothing', async () => {
    const all = (await http().get('/api/v1/privacy-requests?limit=100').set('authorization', officer).expect(200)).body
      .items as Detail[];
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : 'limit=2';
      const page = await http().get(`/api/v1/privacy-requests?${query}`).set('authorization', officer).expect(200);
      seen.push(...page.body.items.map((item: Detail) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
    expectProblem(
      await http().get('/api/v1/privacy-requests?cursor=nonsense').set('authorization', officer),
      400,
      'validation-failed',
    );
    expectProblem(
      await http().get('/api/v1/privacy-requests?q=no-at-sign').set('authorization', officer),
      400,
      'validation-failed',
    );
  });

  it('should count requests by type and month for the chart', async () => {
    const { body } = await http().get('/api/v1/privacy-requests/stats').set('authorization', officer).expect(200);
    const erasures = body.rows.filter((row: { type: string }) => row.type === 'erasure');
    expect(erasures.reduce((sum: number, row: { received: number }) => sum + row.received, 0)).toBe(1);
    expect(
      erasures.some(
        (row: { closed: number; daysToClose: number | null }) => row.closed === 1 && row.daysToClose !== null,
      ),
    ).toBe(true);
  });
});
