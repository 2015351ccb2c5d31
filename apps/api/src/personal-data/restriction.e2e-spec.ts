import { type DataCategory, type DataSubject, PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { RestrictionService } from './restriction.service.js';

describe('restriction of processing (GDPR Art. 18)', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let privacy: string;
  let agent: string;
  let otherOwner: string;
  let branch: string;

  const http = () => app.http();
  const newContact = async (fullName: string) =>
    (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ fullName, branchId: branch, email: `${fullName.split(' ')[0].toLowerCase()}@example.test` })
        .expect(201)
    ).body as { id: string; version: number };
  const auditOf = (action: string, targetId: string) =>
    app.db.query<{ actor_id: string; target_type: string; details: Record<string, unknown> }>(
      'SELECT actor_id, target_type, details FROM audit_entries WHERE organization_id = $1 AND action = $2 AND target_id = $3 ORDER BY seq',
      [org.organizationId, action, targetId],
    );
  const messagesOf = (subjectId: string) =>
    app.db.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM webhook_messages WHERE organization_id = $1 AND data->>'subjectId' = $2 ORDER BY created_at`,
      [org.organizationId, subjectId],
    );

  beforeAll(async () => {
    // The receiver never answers (port 9, discard): only the outbox is read here.
    app = await createTestApp({ env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' } });
    org = await createOrganization(app, ['owner', 'privacy_officer', 'agent']);
    const other = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    privacy = await bearerFor(app, org.users.privacy_officer.email);
    agent = await bearerFor(app, org.users.agent.email);
    otherOwner = await bearerFor(app, other.users.owner.email);
    branch = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201))
      .body.id;
    await http()
      .post('/api/v1/webhooks/endpoints')
      .set('authorization', owner)
      .send({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['subject.restricted'] })
      .expect(201);
  });
  afterAll(() => app.close());

  it('should make a contact read-only, leave it out of marketing and exports, and bring it back when lifted', async () => {
    const rita = await newContact('Rita Restricted');
    const kim = await newContact('Kim Kept');
    for (const id of [rita.id, kim.id]) {
      await http()
        .post(`/api/v1/contacts/${id}/consents`)
        .set('authorization', owner)
        .send({ purposeKey: 'marketing-email', action: 'granted', lawfulBasis: 'consent', source: 'phone' })
        .expect(201);
    }
    const list = await http()
      .post('/api/v1/contact-lists')
      .set('authorization', owner)
      .send({ name: 'December offers', kind: 'static', purposeKey: 'marketing-email' })
      .expect(201);
    await http()
      .post(`/api/v1/contact-lists/${list.body.id}/members`)
      .set('authorization', owner)
      .send({ contactIds: [rita.id, kim.id] })
      .expect(200);
    const members = async () =>
      (await http().get(`/api/v1/contacts?listId=${list.body.id}`).set('authorization', owner).expect(200)).body.items
        .map((item: { fullName: string }) => item.fullName)
        .sort();
    const csv = async (query: string) =>
      (await http().get(`/api/v1/contacts/export?${query}`).set('authorization', owner).expect(200)).text;
    expect(await members()).toEqual(['Kim Kept', 'Rita Restricted']);

    const applied = await http()
      .put(`/api/v1/contacts/${rita.id}/restriction`)
      .set('authorization', privacy)
      .send({ reason: 'accuracy_contested' })
      .expect(200);
    expect(applied.body).toEqual({ restricted: true, restrictedAt: expect.any(String) });

    // Read-only: a change answers 409.
    expectProblem(
      await http()
        .patch(`/api/v1/contacts/${rita.id}`)
        .set('authorization', owner)
        .send({ version: rita.version, jobTitle: 'Anything' }),
      409,
      'conflict',
    );
    // Left out of the marketing list, the purpose export and the plain export...
    expect(await members()).toEqual(['Kim Kept']);
    for (const query of [
      `listId=${list.body.id}&purpose=marketing-email`,
      'purpose=marketing-email',
      `branchId=${branch}`,
    ]) {
      const text = await csv(query);
      expect(text).toContain('Kim Kept');
      expect(text).not.toContain('Rita Restricted');
    }
    // ...but staff still see that the person exists and is restricted.
    const plain = await http().get(`/api/v1/contacts?branchId=${branch}`).set('authorization', owner).expect(200);
    expect(plain.body.items.find((item: { id: string }) => item.id === rita.id)).toMatchObject({ restricted: true });

    // Restricting again changes nothing and audits nothing more.
    const again = await http()
      .put(`/api/v1/contacts/${rita.id}/restriction`)
      .set('authorization', privacy)
      .send({ reason: 'legal_claims' })
      .expect(200);
    expect(again.body.restrictedAt).toBe(applied.body.restrictedAt);

    const lifted = await http()
      .delete(`/api/v1/contacts/${rita.id}/restriction`)
      .set('authorization', privacy)
      .expect(200);
    expect(lifted.body).toEqual({ restricted: false, restrictedAt: null });
    expect(await members()).toEqual(['Kim Kept', 'Rita Restricted']);
    expect(await csv('purpose=marketing-email')).toContain('Rita Restricted');
    // Restriction and lifting change the record (its version moves on), so a change reads it again.
    const current = await http().get(`/api/v1/contacts/${rita.id}`).set('authorization', owner).expect(200);
    expect(current.body.restricted).toBe(false);
    await http()
      .patch(`/api/v1/contacts/${rita.id}`)
      .set('authorization', owner)
      .send({ version: current.body.version, jobTitle: 'Office manager' })
      .expect(200);

    // Both actions audited, with the reason code and nobody's words; the webhook carries ids only.
    const appliedEntries = await auditOf('privacy.restriction.applied', rita.id);
    expect(appliedEntries).toEqual([
      { actor_id: org.users.privacy_officer.id, target_type: 'contact', details: { reason: 'accuracy_contested' } },
    ]);
    expect(await auditOf('privacy.restriction.lifted', rita.id)).toHaveLength(1);
    expect(await messagesOf(rita.id)).toEqual([
      { type: 'subject.restricted', data: { subjectType: 'contact', subjectId: rita.id, restricted: true } },
      { type: 'subject.restricted', data: { subjectType: 'contact', subjectId: rita.id, restricted: false } },
    ]);
  });

  it('should restrict a client: its changes answer 409 until lifted', async () => {
    const client = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'company', name: 'Riverside Plumbing', branchId: branch })
        .expect(201)
    ).body as { id: string; version: number };
    const applied = await http()
      .put(`/api/v1/clients/${client.id}/restriction`)
      .set('authorization', owner)
      .send({ reason: 'objection_pending' })
      .expect(200);
    expect(applied.body.restricted).toBe(true);
    const view = await http().get(`/api/v1/clients/${client.id}`).set('authorization', owner).expect(200);
    expect(view.body.restricted).toBe(true);
    expectProblem(
      await http()
        .patch(`/api/v1/clients/${client.id}`)
        .set('authorization', owner)
        .send({ version: client.version, notes: 'x' }),
      409,
      'conflict',
    );
    await http().delete(`/api/v1/clients/${client.id}/restriction`).set('authorization', owner).expect(200);
    const current = await http().get(`/api/v1/clients/${client.id}`).set('authorization', owner).expect(200);
    expect(current.body.restricted).toBe(false);
    await http()
      .patch(`/api/v1/clients/${client.id}`)
      .set('authorization', owner)
      .send({ version: current.body.version, notes: 'Back to normal' })
      .expect(200);
    expect(await messagesOf(client.id)).toEqual([
      { type: 'subject.restricted', data: { subjectType: 'client', subjectId: client.id, restricted: true } },
      { type: 'subject.restricted', data: { subjectType: 'client', subjectId: client.id, restricted: false } },
    ]);
  });

  it('should let only privacy staff restrict, refuse unknown reasons, and answer 404 for another organization', async () => {
    const contact = await newContact('Pat Private');
    expectProblem(
      await http()
        .put(`/api/v1/contacts/${contact.id}/restriction`)
        .set('authorization', agent)
        .send({ reason: 'accuracy_contested' }),
      403,
      'forbidden',
    );
    expectProblem(
      await http()
        .put(`/api/v1/contacts/${contact.id}/restriction`)
        .set('authorization', privacy)
        .send({ reason: 'she phoned and was upset' }),
      400,
      'validation-failed',
    );
    expectProblem(
      await http()
        .put(`/api/v1/contacts/${contact.id}/restriction`)
        .set('authorization', otherOwner)
        .send({ reason: 'accuracy_contested' }),
      404,
      'not-found',
    );
    expectProblem(
      await http().delete(`/api/v1/contacts/${contact.id}/restriction`).set('authorization', otherOwner),
      404,
      'not-found',
    );
    const view = await http().get(`/api/v1/contacts/${contact.id}`).set('authorization', owner).expect(200);
    expect(view.body.restricted).toBe(false);
    expect(await auditOf('privacy.restriction.applied', contact.id)).toEqual([]);
  });

  it('should apply a restriction in one transaction: a provider that fails leaves no record, entry or webhook', async () => {
    const contact = await newContact('Tom Transaction');
    // A category that cannot restrict this one person (as a broken provider would).
    app.app.get(PersonalDataRegistry).register({
      category: 'test.failing-restriction',
      describe: () => ({ category: 'test.failing-restriction', subjectKinds: ['contact'] }) as unknown as DataCategory,
      locate: async () => 0,
      async *export() {},
      erase: async () => ({ mode: 'delete', affected: 0, more: false }),
      restrict: async (subject: DataSubject) => {
        if (subject.id === contact.id) throw new Error('this category cannot restrict');
      },
    });
    const subject: DataSubject = { kind: 'contact', id: contact.id, organizationId: org.organizationId };
    await expect(
      app.app.get(RestrictionService).restrict(subject, 'accuracy_contested', { kind: 'system', id: null }),
    ).rejects.toThrow('this category cannot restrict');
    const view = await http().get(`/api/v1/contacts/${contact.id}`).set('authorization', owner).expect(200);
    expect(view.body).toMatchObject({ restricted: false, version: contact.version });
    expect(await auditOf('privacy.restriction.applied', contact.id)).toEqual([]);
    expect(await messagesOf(contact.id)).toEqual([]);
  });
});
