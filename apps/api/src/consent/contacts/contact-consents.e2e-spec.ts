import {
  bearerFor,
  createOrganization,
  createTestApp,
  eraseWithProvider,
  expectProblem,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { ContactConsentsPersonalData } from './contact-consents.personal-data.js';

describe('consent ledger for contacts', () => {
  let app: TestApp;
  let clock: TestClock;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: string;
  let agent: string;
  let viewer: string;
  let otherOwner: string;
  let branch: string;

  const http = () => app.http();
  const newContact = async (fullName: string, auth = owner) =>
    (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', auth)
        .send({ fullName, branchId: branch, email: `${fullName.split(' ')[0].toLowerCase()}@example.test` })
        .expect(201)
    ).body.id as string;
  const record = (contactId: string, body: object, auth = owner) =>
    http().post(`/api/v1/contacts/${contactId}/consents`).set('authorization', auth).send(body);
  const grant = (contactId: string, purposeKey = 'marketing-email') =>
    record(contactId, { purposeKey, action: 'granted', lawfulBasis: 'consent', source: 'phone' }).expect(201);
  const stateOf = (body: { purposes: Array<{ purposeKey: string }> }, key: string) =>
    body.purposes.find((purpose) => purpose.purposeKey === key);

  beforeAll(async () => {
    clock = new TestClock(new Date('2026-11-02T09:00:00Z'));
    app = await createTestApp({ clock });
    org = await createOrganization(app, ['owner', 'agent', 'viewer', 'manager']);
    other = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    agent = await bearerFor(app, org.users.agent.email);
    viewer = await bearerFor(app, org.users.viewer.email);
    otherOwner = await bearerFor(app, other.users.owner.email);
    branch = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201))
      .body.id;
    const { body } = await http().get('/api/v1/users').set('authorization', owner).expect(200);
    const agentUser = body.items.find((user: { role: string }) => user.role === 'agent');
    await http()
      .patch(`/api/v1/users/${agentUser.id}`)
      .set('authorization', owner)
      .send({ version: agentUser.version, branchIds: [branch] })
      .expect(200);
    agent = await bearerFor(app, org.users.agent.email);
  });
  afterAll(() => app.close());

  it('should give every new organization the four default purposes, each with wording version 1', async () => {
    const { body } = await http().get('/api/v1/consent-purposes').set('authorization', viewer).expect(200);
    expect(body.items.map((purpose: { key: string }) => purpose.key).sort()).toEqual([
      'marketing-email',
      'marketing-phone',
      'marketing-sms',
      'profiling',
    ]);
    const email = body.items.find((purpose: { key: string }) => purpose.key === 'marketing-email');
    expect(email).toMatchObject({ channel: 'email', marketing: true, wording: { version: 1 } });
    expect(email.wording.text).toMatch(/unsubscribe/);
  });

  it('should version a changed wording, keep the old one, and let only privacy admins change purposes', async () => {
    const created = await http()
      .post('/api/v1/consent-purposes')
      .set('authorization', owner)
      .send({
        key: 'newsletter',
        name: 'Newsletter',
        channel: 'email',
        marketing: true,
        wording: 'Send me the newsletter.',
      })
      .expect(201);
    expect(created.body.wordings).toHaveLength(1);
    expectProblem(
      await http().post('/api/v1/consent-purposes').set('authorization', owner).send({
        key: 'newsletter',
        name: 'Again',
        channel: 'email',
        marketing: true,
        wording: 'Send me the newsletter.',
      }),
      409,
      'conflict',
    );
    const changed = await http()
      .patch(`/api/v1/consent-purposes/${created.body.id}`)
      .set('authorization', owner)
      .send({ version: created.body.version, wording: 'Send me the monthly newsletter. I can unsubscribe.' })
      .expect(200);
    expect(changed.body.wording.version).toBe(2);
    expect(changed.body.wordings.map((wording: { text: string }) => wording.text)).toEqual([
      'Send me the newsletter.',
      'Send me the monthly newsletter. I can unsubscribe.',
    ]);
    expectProblem(
      await http()
        .patch(`/api/v1/consent-purposes/${created.body.id}`)
        .set('authorization', owner)
        .send({ version: created.body.version, name: 'Stale' }),
      409,
      'conflict',
    );
    for (const auth of [agent, viewer]) {
      expectProblem(
        await http()
          .post('/api/v1/consent-purposes')
          .set('authorization', auth)
          .send({ key: 'x-purpose', name: 'X', channel: 'email', marketing: true, wording: 'Some wording here.' }),
        403,
        'forbidden',
      );
    }
    const archived = await http()
      .post(`/api/v1/consent-purposes/${created.body.id}/archive`)
      .set('authorization', owner)
      .send({ version: changed.body.version })
      .expect(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const contactId = await newContact('Archie Archived');
    const refused = await record(contactId, {
      purposeKey: 'newsletter',
      action: 'granted',
      lawfulBasis: 'consent',
      source: 'form',
    });
    expectProblem(refused, 400, 'validation-failed');
    expect(refused.body.errors[0].field).toBe('purposeKey');
  });

  it('should append entries and derive the state from the latest one, keeping the whole history', async () => {
    const contactId = await newContact('Gina Granted');
    const first = await grant(contactId);
    expect(stateOf(first.body, 'marketing-email')).toMatchObject({
      status: 'granted',
      validBasis: true,
      lawfulBasis: 'consent',
    });
    expect(stateOf(first.body, 'marketing-sms')).toMatchObject({ status: 'none', validBasis: false });
    clock.advance(60_000);
    const withdrawn = await record(contactId, {
      purposeKey: 'marketing-email',
      action: 'withdrawn',
      source: 'email',
    }).expect(201);
    expect(stateOf(withdrawn.body, 'marketing-email')).toMatchObject({ status: 'withdrawn', validBasis: false });
    // Same instant as the withdrawal: recording order decides.
    const again = await grant(contactId);
    expect(stateOf(again.body, 'marketing-email')).toMatchObject({ status: 'granted', validBasis: true });
    await record(contactId, { purposeKey: 'profiling', action: 'objected', source: 'phone' }).expect(201);
    const read = await http().get(`/api/v1/contacts/${contactId}/consents`).set('authorization', viewer).expect(200);
    expect(
      read.body.history.map((entry: { action: string; purposeKey: string }) => `${entry.purposeKey}:${entry.action}`),
    ).toEqual([
      'marketing-email:granted',
      'marketing-email:withdrawn',
      'marketing-email:granted',
      'profiling:objected',
    ]);
    expect(read.body.history[0]).toMatchObject({
      wordingVersion: 1,
      source: 'phone',
      recordedBy: { kind: 'user', id: org.users.owner.id },
    });
    expect(stateOf(read.body, 'profiling')).toMatchObject({ status: 'objected', validBasis: false });

    // The database itself refuses to rewrite or remove history.
    await expect(
      app.db.query(`UPDATE contact_consent_entries SET action = 'granted' WHERE contact_id = $1`, [contactId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      app.db.query('DELETE FROM contact_consent_entries WHERE contact_id = $1', [contactId]),
    ).rejects.toThrow(/append-only/);
  });

  it('should exclude a withdrawn contact from a marketing list and export in the very next request', async () => {
    const kept = await newContact('Kim Kept');
    const leaving = await newContact('Lee Leaving');
    const never = await newContact('Nat Never');
    await grant(kept);
    await grant(leaving);
    const list = await http()
      .post('/api/v1/contact-lists')
      .set('authorization', owner)
      .send({ name: 'November offers', kind: 'static', purposeKey: 'marketing-email' })
      .expect(201);
    expect(list.body.purposeKey).toBe('marketing-email');
    await http()
      .post(`/api/v1/contact-lists/${list.body.id}/members`)
      .set('authorization', owner)
      .send({ contactIds: [kept, leaving, never] })
      .expect(200);
    const members = async () =>
      (
        await http().get(`/api/v1/contacts?listId=${list.body.id}`).set('authorization', owner).expect(200)
      ).body.items.map((item: { fullName: string }) => item.fullName);
    const exported = async () =>
      (
        await http()
          .get(`/api/v1/contacts/export?listId=${list.body.id}&purpose=marketing-email`)
          .set('authorization', owner)
          .expect(200)
      ).text;
    expect((await members()).sort()).toEqual(['Kim Kept', 'Lee Leaving']);
    expect(await exported()).toContain('Lee Leaving');

    await record(leaving, { purposeKey: 'marketing-email', action: 'withdrawn', source: 'email' }).expect(201);
    expect(await members()).toEqual(['Kim Kept']);
    const csv = await exported();
    expect(csv).toContain('Kim Kept');
    expect(csv).not.toContain('Lee Leaving');
    expect(csv).not.toContain('Nat Never');

    // A saved filter used for marketing, and the export's own purpose filter, too.
    await record(kept, { purposeKey: 'marketing-email', action: 'objected', source: 'phone' }).expect(201);
    const everyone = await http()
      .post('/api/v1/contact-lists')
      .set('authorization', owner)
      .send({
        name: 'Leeds marketing',
        kind: 'saved_filter',
        filter: { branchId: branch },
        purposeKey: 'marketing-email',
      })
      .expect(201);
    const filtered = await http()
      .get(`/api/v1/contacts?listId=${everyone.body.id}`)
      .set('authorization', owner)
      .expect(200);
    const names = filtered.body.items.map((item: { fullName: string }) => item.fullName);
    expect(names).not.toContain('Kim Kept');
    expect(names).not.toContain('Lee Leaving');
    expect(names).toContain('Gina Granted');
    const plainExport = await http()
      .get('/api/v1/contacts/export?purpose=marketing-email')
      .set('authorization', owner)
      .expect(200);
    expect(plainExport.text).toContain('Gina Granted');
    expect(plainExport.text).not.toContain('Kim Kept');
  });

  it('should answer 400 with clear messages for bad input', async () => {
    const contactId = await newContact('Val Validation');
    const noBasis = await record(contactId, { purposeKey: 'marketing-email', action: 'granted', source: 'phone' });
    expectProblem(noBasis, 400, 'validation-failed');
    expect(noBasis.body.errors).toEqual([expect.objectContaining({ field: 'lawfulBasis' })]);
    const pending = await record(contactId, { purposeKey: 'marketing-email', action: 'pending', source: 'form' });
    expectProblem(pending, 400, 'validation-failed');
    expect(pending.body.errors[0].message).toMatch(/granted, withdrawn, objected/);
    const unknown = await record(contactId, { purposeKey: 'carrier-pigeon', action: 'withdrawn', source: 'form' });
    expectProblem(unknown, 400, 'validation-failed');
    expect(unknown.body.detail).toMatch(/carrier-pigeon/);
    const version = await record(contactId, {
      purposeKey: 'marketing-email',
      action: 'granted',
      lawfulBasis: 'consent',
      source: 'form',
      wordingVersion: 9,
    });
    expectProblem(version, 400, 'validation-failed');
    expect(version.body.errors[0].field).toBe('wordingVersion');
    const exportPurpose = await http()
      .get('/api/v1/contacts/export?purpose=carrier-pigeon')
      .set('authorization', owner);
    expectProblem(exportPurpose, 400, 'validation-failed');
    expect(exportPurpose.body.errors[0].field).toBe('purpose');
    const listPurpose = await http()
      .post('/api/v1/contact-lists')
      .set('authorization', owner)
      .send({ name: 'Bad', kind: 'static', purposeKey: 'carrier-pigeon' });
    expectProblem(listPurpose, 400, 'validation-failed');
    const range = await http().get('/api/v1/consent-rates?from=2026-12-01&to=2026-11-01').set('authorization', owner);
    expectProblem(range, 400, 'validation-failed');
    expect(range.body.errors[0].field).toBe('from');
  });

  it('should keep organizations apart: another organization gets 404 for our contact and purpose', async () => {
    const contactId = await newContact('Tess Tenant');
    await grant(contactId);
    expectProblem(
      await http().get(`/api/v1/contacts/${contactId}/consents`).set('authorization', otherOwner),
      404,
      'not-found',
    );
    expectProblem(
      await record(contactId, { purposeKey: 'marketing-email', action: 'withdrawn', source: 'form' }, otherOwner),
      404,
      'not-found',
    );
    expectProblem(
      await http().get(`/api/v1/contacts/${contactId}/consents/receipt`).set('authorization', otherOwner),
      404,
      'not-found',
    );
    const { body } = await http().get('/api/v1/consent-purposes').set('authorization', owner).expect(200);
    expectProblem(
      await http().get(`/api/v1/consent-purposes/${body.items[0].id}`).set('authorization', otherOwner),
      404,
      'not-found',
    );
    const theirs = await http().get('/api/v1/consent-rates').set('authorization', otherOwner).expect(200);
    expect(theirs.body.points.every((point: { recordedContacts: number }) => point.recordedContacts === 0)).toBe(true);
  });

  it('should let API keys read and write consents only with the consents scopes', async () => {
    const contactId = await newContact('Ian Integrator');
    const mint = async (scopes: string[]) =>
      (
        await http()
          .post('/api/v1/api-keys')
          .set('authorization', owner)
          .send({ name: `Key ${scopes.join(' ')}`, scopes })
          .expect(201)
      ).body.secret as string;
    const reader = await mint(['consents:read']);
    const writer = await mint(['consents:read', 'consents:write']);
    const body = { purposeKey: 'marketing-sms', action: 'granted', lawfulBasis: 'consent', source: 'api' };
    expectProblem(
      await http().post(`/api/v1/contacts/${contactId}/consents`).set('x-api-key', reader).send(body),
      403,
      'forbidden',
    );
    const written = await http()
      .post(`/api/v1/contacts/${contactId}/consents`)
      .set('x-api-key', writer)
      .send(body)
      .expect(201);
    const entry = written.body.history.at(-1);
    expect(entry).toMatchObject({ source: 'api', recordedBy: { kind: 'api_key' } });
    const read = await http().get(`/api/v1/contacts/${contactId}/consents`).set('x-api-key', reader).expect(200);
    expect(stateOf(read.body, 'marketing-sms')).toMatchObject({ validBasis: true });
    const noScope = await mint(['clients:read']);
    expectProblem(
      await http().get(`/api/v1/contacts/${contactId}/consents`).set('x-api-key', noScope),
      403,
      'forbidden',
    );
  });

  it('should hand out a receipt with the exact wording and record it in the audit trail', async () => {
    const contactId = await newContact('Rae Receipt');
    await grant(contactId);
    await record(contactId, { purposeKey: 'marketing-email', action: 'withdrawn', source: 'email' }).expect(201);
    const receipt = await http()
      .get(`/api/v1/contacts/${contactId}/consents/receipt`)
      .set('authorization', owner)
      .expect(200);
    expect(receipt.headers['content-disposition']).toMatch(/attachment; filename="consent-receipt-/);
    expect(receipt.body).toMatchObject({ format: 'steward.consent-receipt/1', contactId });
    expect(receipt.body.entries[0].wordingText).toMatch(/unsubscribe at any time/);
    expect(receipt.body.entries[1]).toMatchObject({ action: 'withdrawn', wordingText: null });
    const trail = await app.db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_entries WHERE target_id = $1 AND action LIKE 'consent.%' ORDER BY seq",
      [contactId],
    );
    expect(trail.map((row) => row.details.consentAction)).toEqual(['granted', 'withdrawn']);
    expect(JSON.stringify(trail)).not.toContain('Rae');
  });

  it('should chart consent rates per day in SQL', async () => {
    const later = async (at: string) => {
      clock.set(new Date(at));
      // Access tokens are short-lived: sign in again at the new time.
      owner = await bearerFor(app, org.users.owner.email);
      viewer = await bearerFor(app, org.users.viewer.email);
    };
    await later('2026-11-10T12:00:00Z');
    const a = await newContact('Ada Rates');
    const b = await newContact('Bob Rates');
    await grant(a, 'marketing-phone');
    await grant(b, 'marketing-phone');
    await later('2026-11-11T12:00:00Z');
    await record(b, { purposeKey: 'marketing-phone', action: 'withdrawn', source: 'phone' }).expect(201);
    const { body } = await http()
      .get('/api/v1/consent-rates?from=2026-11-09&to=2026-11-11&interval=day')
      .set('authorization', viewer)
      .expect(200);
    const phone = body.points.filter((point: { purposeKey: string }) => point.purposeKey === 'marketing-phone');
    expect(
      phone.map(
        (point: { periodStart: string; validContacts: number; recordedContacts: number; rate: number | null }) => [
          point.periodStart,
          point.validContacts,
          point.recordedContacts,
          point.rate,
        ],
      ),
    ).toEqual([
      ['2026-11-09', 0, 0, null],
      ['2026-11-10', 2, 2, 1],
      ['2026-11-11', 1, 2, 0.5],
    ]);
  });

  it('should export the ledger with the person and erase it all, keeping no suppression record', async () => {
    const contactId = await newContact('Eve Erased');
    await grant(contactId);
    await record(contactId, { purposeKey: 'marketing-email', action: 'objected', source: 'phone' }).expect(201);
    const provider = app.app.get(ContactConsentsPersonalData);
    const subject = { kind: 'contact' as const, id: contactId, organizationId: org.organizationId };
    expect(await provider.locate(subject)).toBe(2);
    const exported = [];
    for await (const row of provider.export(subject)) exported.push(row);
    expect(exported.map((row) => row.action)).toEqual(['granted', 'objected']);
    expect(exported[0].wording).toMatch(/unsubscribe/);
    const step = await eraseWithProvider(app, provider, subject);
    expect(step).toMatchObject({ mode: 'delete', affected: 2, more: false });
    expect(await provider.locate(subject)).toBe(0);
    expect(provider.describe().retention.description).toMatch(/no suppression list/);
  });

  it("should take a deleted contact's entries with it", async () => {
    const contactId = await newContact('Del Deleted');
    await grant(contactId);
    await http().delete(`/api/v1/contacts/${contactId}`).set('authorization', owner).expect(204);
    const [row] = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM contact_consent_entries WHERE contact_id = $1',
      [contactId],
    );
    expect(Number(row.n)).toBe(0);
  });
});
