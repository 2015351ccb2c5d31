import { generate } from 'otplib';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  runRetentionRule,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { TransactionService } from '../database/transaction.service.js';
import { PLATFORM_CHAIN } from './audit-chain.js';
import { verifyChains } from './verify-chains.js';

interface Row {
  seq: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown> | null;
}

describe('audit trail', () => {
  let app: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: string;
  let admin: string;
  let branchId: string;

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'admin', 'privacy_officer', 'agent']);
    other = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    admin = await bearerFor(app, org.users.admin.email);
    branchId = (await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' })).body.id;
  });
  afterAll(() => app.close());

  const http = () => app.http();
  const entries = (organizationId: string, action: string) =>
    app.db.query<Row & Record<string, unknown>>(
      'SELECT seq::text, actor_kind, actor_id, action, target_type, target_id, outcome, request_id, ip, user_agent, details FROM audit_entries WHERE organization_id = $1 AND action = $2 ORDER BY audit_entries.seq',
      [organizationId, action],
    );
  const last = async (organizationId: string, action: string) => (await entries(organizationId, action)).at(-1);
  const verify = (token = owner) => http().post('/api/v1/audit/verify').set('authorization', token).expect(200);

  describe('what is recorded', () => {
    it('should record a sign-in with the person, the session, the request id, IP and user agent', async () => {
      const response = await http()
        .post('/api/v1/auth/sign-in')
        .set('user-agent', 'AuditTest/1.0')
        .set('x-request-id', 'audit-sign-in-0001')
        .send({ email: org.users.agent.email, password: TEST_PASSWORD })
        .expect(200);
      expect(response.body.accessToken).toBeDefined();
      const entry = await last(org.organizationId, 'auth.sign_in');
      expect(entry).toMatchObject({
        actor_kind: 'user',
        actor_id: org.users.agent.id,
        target_type: 'session',
        outcome: 'success',
        request_id: 'audit-sign-in-0001',
        user_agent: 'AuditTest/1.0',
      });
      expect(entry?.ip).toMatch(/127\.0\.0\.1|::1/);
    });

    it('should record failed sign-ins against the account, unknown addresses in the platform chain, and the lockout', async () => {
      const agent = org.users.agent;
      await http()
        .post('/api/v1/auth/sign-in')
        .send({ email: agent.email, password: 'not the password at all' })
        .expect(401);
      expect(await last(org.organizationId, 'auth.sign_in')).toMatchObject({
        actor_kind: 'anonymous',
        actor_id: null,
        target_type: 'user',
        target_id: agent.id,
        outcome: 'failure',
        details: { reason: 'wrong-password' },
      });
      await http()
        .post('/api/v1/auth/sign-in')
        .send({ email: 'nobody@nowhere.test', password: 'whatever it is' })
        .expect(401);
      expect(await last(PLATFORM_CHAIN, 'auth.sign_in')).toMatchObject({
        outcome: 'failure',
        target_id: null,
        details: { reason: 'unknown-email' },
      });
      // Four more failures start the back-off; the next attempt is refused outright.
      for (let attempt = 0; attempt < 4; attempt++) {
        await http().post('/api/v1/auth/sign-in').send({ email: agent.email, password: 'still not the password' });
      }
      expect(await last(org.organizationId, 'auth.lockout')).toMatchObject({
        target_id: agent.id,
        outcome: 'denied',
      });
      expectProblem(
        await http().post('/api/v1/auth/sign-in').send({ email: agent.email, password: TEST_PASSWORD }),
        429,
        'sign-in-locked',
      );
      expect(await last(org.organizationId, 'auth.sign_in')).toMatchObject({
        outcome: 'denied',
        details: { reason: 'locked-out' },
      });
    });

    it('should record MFA enrolment, sign-in with a second factor, and MFA being turned off', async () => {
      const token = await bearerFor(app, org.users.privacy_officer.email);
      const { secret } = (await http().post('/api/v1/auth/mfa/enrolment').set('authorization', token).send({})).body;
      const code = (offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
      await http()
        .post('/api/v1/auth/mfa/enrolment/confirm')
        .set('authorization', token)
        .send({ code: await code(-1) })
        .expect(200);
      expect(await last(org.organizationId, 'auth.mfa.enrolled')).toMatchObject({
        actor_id: org.users.privacy_officer.id,
        target_id: org.users.privacy_officer.id,
      });
      const challenge = await http()
        .post('/api/v1/auth/sign-in')
        .send({ email: org.users.privacy_officer.email, password: TEST_PASSWORD })
        .expect(202);
      await http()
        .post('/api/v1/auth/sign-in/mfa')
        .send({ mfaToken: challenge.body.mfaToken, code: await code(0) })
        .expect(200);
      expect(await last(org.organizationId, 'auth.sign_in.mfa')).toMatchObject({
        actor_id: org.users.privacy_officer.id,
        outcome: 'success',
        details: { secondFactor: 'totp', persistent: false },
      });
      await http()
        .post('/api/v1/auth/mfa/disable')
        .set('authorization', token)
        .send({ password: TEST_PASSWORD, code: await code(1) })
        .expect(204);
      expect(await last(org.organizationId, 'auth.mfa.disabled')).toMatchObject({
        actor_id: org.users.privacy_officer.id,
      });
    });

    it('should record API keys created, used (first use of the minute) and revoked, with the key as actor', async () => {
      const created = await http()
        .post('/api/v1/api-keys')
        .set('authorization', admin)
        .send({ name: 'Audit sync', scopes: ['clients:read', 'audit:read'] })
        .expect(201);
      const keyId = created.body.apiKey.id;
      expect(await last(org.organizationId, 'api_key.created')).toMatchObject({
        actor_id: org.users.admin.id,
        target_id: keyId,
        details: { scopes: ['audit:read', 'clients:read'] },
      });
      for (let call = 0; call < 3; call++) {
        await http().get('/api/v1/clients').set('x-api-key', created.body.secret).expect(200);
      }
      const uses = await entries(org.organizationId, 'api_key.used');
      expect(uses).toHaveLength(1);
      expect(uses[0]).toMatchObject({ actor_kind: 'api_key', actor_id: keyId });
      await http().delete(`/api/v1/api-keys/${keyId}`).set('authorization', admin).expect(204);
      expect(await last(org.organizationId, 'api_key.revoked')).toMatchObject({ target_id: keyId });
    });

    it('should record permission denials with the caller and the route', async () => {
      const agent = await bearerFor(app, org.users.admin.email);
      const viewer = await createOrganization(app, ['owner', 'viewer']);
      const viewerToken = await bearerFor(app, viewer.users.viewer.email);
      expectProblem(
        await http().post('/api/v1/clients').set('authorization', viewerToken).send({ kind: 'company', name: 'X' }),
        403,
        'forbidden',
      );
      expect(await last(viewer.organizationId, 'access.denied')).toMatchObject({
        actor_kind: 'user',
        actor_id: viewer.users.viewer.id,
        outcome: 'denied',
        target_type: 'route',
        target_id: 'POST /api/v1/clients',
      });
      expect(agent).toBeDefined();
    });

    it('should record password and email changes, and sessions ended', async () => {
      const person = await createOrganization(app, ['owner']);
      const token = await bearerFor(app, person.users.owner.email);
      await http()
        .post('/api/v1/profile/password')
        .set('authorization', token)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'another long enough passphrase' })
        .expect(204);
      expect(await last(person.organizationId, 'auth.password.changed')).toMatchObject({
        actor_id: person.users.owner.id,
        target_id: person.users.owner.id,
      });
      await http()
        .post('/api/v1/profile/email')
        .set('authorization', token)
        .send({
          email: `moved.${person.organizationId.slice(0, 8)}@example.test`,
          password: 'another long enough passphrase',
        })
        .expect(202);
      expect(await last(person.organizationId, 'auth.email.change_requested')).toMatchObject({
        actor_id: person.users.owner.id,
      });
      await http().post('/api/v1/auth/sessions/revoke-all').set('authorization', token).expect(204);
      expect(await last(person.organizationId, 'auth.sessions.revoked_all')).toMatchObject({
        actor_id: person.users.owner.id,
      });
    });

    it('should record record changes with field names only, views of a person, and exports', async () => {
      const created = await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'individual', name: 'Harriet Quill', email: 'harriet.quill@example.test', branchId })
        .expect(201);
      const id = created.body.id;
      expect(await last(org.organizationId, 'record.created')).toMatchObject({
        actor_id: org.users.owner.id,
        target_type: 'client',
        target_id: id,
      });
      await http()
        .patch(`/api/v1/clients/${id}`)
        .set('authorization', owner)
        .send({ version: created.body.version, phone: '+44 113 496 0999' })
        .expect(200);
      expect(await last(org.organizationId, 'record.updated')).toMatchObject({
        target_id: id,
        details: { fields: ['phone'] },
      });
      await http().get(`/api/v1/clients/${id}`).set('authorization', owner).expect(200);
      await http().get(`/api/v1/clients/${id}`).set('authorization', owner).expect(200);
      const views = (await entries(org.organizationId, 'personal_data.viewed')).filter((row) => row.target_id === id);
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ actor_id: org.users.owner.id, target_type: 'client' });
      await http().get('/api/v1/contacts/export?q=quill').set('authorization', owner).expect(200);
      expect(await last(org.organizationId, 'personal_data.exported')).toMatchObject({
        target_type: 'contacts',
        details: { format: 'csv', filter: { q: '(search)' } },
      });
      await http().delete(`/api/v1/clients/${id}`).set('authorization', owner).expect(204);
      expect(await last(org.organizationId, 'record.deleted')).toMatchObject({ target_id: id });

      const everything = JSON.stringify(
        await app.db.query('SELECT * FROM audit_entries WHERE organization_id = $1', [org.organizationId]),
      );
      for (const personal of ['Harriet', 'harriet.quill', '496 0999', 'quill"'])
        expect(everything).not.toContain(personal);
    });

    it('should record role changes, disabling, settings and branches', async () => {
      const agentId = org.users.agent.id;
      const before = (await http().get(`/api/v1/users/${agentId}`).set('authorization', owner).expect(200)).body;
      const branch = await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Audit York' });
      expect(await last(org.organizationId, 'branch.created')).toMatchObject({ target_id: branch.body.id });
      await http()
        .patch(`/api/v1/users/${agentId}`)
        .set('authorization', owner)
        .send({ version: before.version, role: 'manager', branchIds: [branch.body.id] })
        .expect(200);
      expect(await last(org.organizationId, 'user.role_changed')).toMatchObject({
        actor_id: org.users.owner.id,
        target_id: agentId,
        details: { from: { role: 'agent' }, to: { role: 'manager', branchIds: [branch.body.id] } },
      });
      await http().post(`/api/v1/users/${agentId}/disable`).set('authorization', owner).expect(200);
      expect(await last(org.organizationId, 'user.disabled')).toMatchObject({ target_id: agentId });
      const organization = (await http().get('/api/v1/organization').set('authorization', owner)).body;
      await http()
        .patch('/api/v1/organization')
        .set('authorization', owner)
        .send({ version: organization.version, mfaRequired: false })
        .expect(200);
      expect(await last(org.organizationId, 'organization.updated')).toMatchObject({
        details: { fields: ['mfaRequired'], values: { mfaRequired: false } },
      });
    });
  });

  describe('guarantees', () => {
    it('should refuse UPDATE, DELETE and TRUNCATE by the application role, and direct changes of the chain head', async () => {
      for (const sql of [
        "UPDATE audit_entries SET outcome = 'success' WHERE organization_id = $1",
        'DELETE FROM audit_entries WHERE organization_id = $1',
        'UPDATE audit_chain_heads SET seq = 1 WHERE organization_id = $1',
        'DELETE FROM audit_chain_heads WHERE organization_id = $1',
      ]) {
        await expect(app.db.query(sql, [org.organizationId])).rejects.toThrow(/append-only/);
      }
      await expect(app.db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
      await expect(app.db.query('TRUNCATE audit_checkpoints')).rejects.toThrow(/append-only/);
      expect((await verify()).body.intact).toBe(true);
    });

    it('should report exactly the one entry that was altered behind its back', async () => {
      const tampered = await createOrganization(app, ['owner', 'admin']);
      const token = await bearerFor(app, tampered.users.owner.email);
      await bearerFor(app, tampered.users.admin.email);
      const intact = (await verify(token)).body;
      expect(intact).toMatchObject({ intact: true, firstBroken: null, broken: [] });
      expect(intact.checkedEntries).toBeGreaterThanOrEqual(4);
      const [victim] = await entries(tampered.organizationId, 'auth.sign_in');
      // An attacker with database access switches the guard off and rewrites history.
      await app.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      await app.db.query("UPDATE audit_entries SET ip = '203.0.113.9' WHERE organization_id = $1 AND seq = $2", [
        tampered.organizationId,
        victim.seq,
      ]);
      await app.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
      const report = (await verify(token)).body;
      expect(report.intact).toBe(false);
      expect(report.firstBroken).toEqual({ seq: victim.seq, reason: 'altered' });
      expect(report.broken).toEqual([{ seq: victim.seq, reason: 'altered' }]);
      // The CLI says the same, and other organizations' chains are untouched.
      const lines: string[] = [];
      const cli = await verifyChains(app.app.get(TransactionService), undefined, (line) => lines.push(line));
      expect(cli.intact).toBe(false);
      expect(lines.find((line) => line.startsWith(tampered.organizationId))).toContain(
        `BROKEN at entry ${victim.seq} (altered)`,
      );
      expect(lines.find((line) => line.startsWith(other.organizationId))).toContain('intact');
      expect((await verify()).body.intact).toBe(true);
    });

    it('should report removed entries, in the middle and at the end', async () => {
      const gap = await createOrganization(app, ['owner']);
      const token = await bearerFor(app, gap.users.owner.email);
      await bearerFor(app, gap.users.owner.email);
      const [first, second] = await entries(gap.organizationId, 'auth.sign_in');
      const remove = async (seq: string) => {
        await app.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
        await app.db.query('DELETE FROM audit_entries WHERE organization_id = $1 AND seq = $2', [
          gap.organizationId,
          seq,
        ]);
        await app.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
      };
      await remove(first.seq);
      expect((await verify(token)).body.broken).toEqual([
        { seq: String(Number(first.seq) + 1), reason: 'missing-entries' },
      ]);
      // Removing the newest entries leaves a chain that ends before its recorded head.
      const newest = (
        await app.db.query<{ seq: string }>(
          'SELECT seq::text FROM audit_entries WHERE organization_id = $1 ORDER BY audit_entries.seq DESC LIMIT 1',
          [gap.organizationId],
        )
      )[0];
      await remove(newest.seq);
      const report = (await verify(token)).body;
      expect(report.broken).toContainEqual({ seq: newest.seq, reason: 'truncated' });
      expect(second.seq).toBeDefined();
    });

    it('should keep one unbroken chain when many changes in an organization commit at once', async () => {
      const busy = await createOrganization(app, ['owner']);
      const token = await bearerFor(app, busy.users.owner.email);
      const branch = (await http().post('/api/v1/branches').set('authorization', token).send({ name: 'Busy' })).body.id;
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          http()
            .post('/api/v1/clients')
            .set('authorization', token)
            .send({ kind: 'company', name: `Parallel ${n} Ltd`, branchId: branch }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
      const report = (await verify(token)).body;
      expect(report).toMatchObject({ intact: true, firstSeq: '1' });
      expect((await entries(busy.organizationId, 'record.created')).length).toBe(12);
    });

    it('should roll the change back when its audit entry cannot be written', async () => {
      // The database refuses audit entries about clients: the client must not be created either.
      await app.db.query(
        "ALTER TABLE audit_entries ADD CONSTRAINT test_refuse_clients CHECK (target_type IS DISTINCT FROM 'client') NOT VALID",
      );
      try {
        const before = await app.db.query('SELECT count(*)::int AS n FROM clients WHERE organization_id = $1', [
          org.organizationId,
        ]);
        const response = await http()
          .post('/api/v1/clients')
          .set('authorization', owner)
          .send({ kind: 'company', name: 'Never Written Ltd', branchId });
        expectProblem(response, 500, 'internal');
        const after = await app.db.query('SELECT count(*)::int AS n FROM clients WHERE organization_id = $1', [
          org.organizationId,
        ]);
        expect(after).toEqual(before);
        const activity = await app.db.query(
          "SELECT count(*)::int AS n FROM crm_activity WHERE organization_id = $1 AND record_type = 'client' AND action = 'created'",
          [org.organizationId],
        );
        const audited = await entries(org.organizationId, 'record.created');
        expect(activity[0].n).toBe(audited.filter((row) => row.target_type === 'client').length);
      } finally {
        await app.db.query('ALTER TABLE audit_entries DROP CONSTRAINT test_refuse_clients');
      }
    });
  });

  describe('reading it', () => {
    it('should let admins and privacy officers filter and page, and nobody else', async () => {
      const page = await http()
        .get('/api/v1/audit/entries?action=auth.&limit=2')
        .set('authorization', admin)
        .expect(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.items.every((item: { action: string }) => item.action.startsWith('auth.'))).toBe(true);
      expect(Number(page.body.items[0].seq)).toBeGreaterThan(Number(page.body.items[1].seq));
      const next = await http()
        .get(`/api/v1/audit/entries?action=auth.&limit=2&cursor=${page.body.nextCursor}`)
        .set('authorization', admin)
        .expect(200);
      expect(Number(next.body.items[0].seq)).toBeLessThan(Number(page.body.items[1].seq));

      const mine = await http()
        .get(`/api/v1/audit/entries?actorId=${org.users.owner.id}&action=auth.sign_in&outcome=success`)
        .set('authorization', admin)
        .expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items[0]).toMatchObject({ actorName: 'Olive Owner', actorKind: 'user', outcome: 'success' });
      const empty = await http()
        .get(`/api/v1/audit/entries?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)
        .set('authorization', admin)
        .expect(200);
      expect(empty.body).toEqual({ items: [], nextCursor: null });
      // Another organization's trail never shows.
      const foreign = await http()
        .get(`/api/v1/audit/entries?actorId=${other.users.owner.id}`)
        .set('authorization', admin);
      expect(foreign.body.items).toEqual([]);

      const officer = await bearerFor(app, org.users.privacy_officer.email).catch(() => null);
      if (officer) await http().get('/api/v1/audit/entries').set('authorization', officer).expect(200);
      const outsider = await createOrganization(app, ['owner', 'manager']);
      const manager = await bearerFor(app, outsider.users.manager.email);
      expectProblem(await http().get('/api/v1/audit/entries').set('authorization', manager), 403, 'forbidden');
      expectProblem(
        await http().get('/api/v1/audit/entries?outcome=maybe&action=Not%20An%20Action').set('authorization', admin),
        400,
        'validation-failed',
      );
      expectProblem(
        await http().get('/api/v1/audit/entries?cursor=nonsense').set('authorization', admin),
        400,
        'validation-failed',
      );
    });

    it('should answer one entry by its position, and 404 for a position the trail does not hold', async () => {
      const [entry] = await entries(org.organizationId, 'organization.created');
      const one = await http().get(`/api/v1/audit/entries/${entry.seq}`).set('authorization', admin).expect(200);
      expect(one.body).toMatchObject({ seq: entry.seq, action: 'organization.created', targetId: org.organizationId });
      expectProblem(await http().get('/api/v1/audit/entries/999999').set('authorization', admin), 404, 'not-found');
      expectProblem(
        await http().get('/api/v1/audit/entries/first').set('authorization', admin),
        400,
        'validation-failed',
      );
    });

    it('should export CSV and JSON, and record the export', async () => {
      const csv = await http()
        .get('/api/v1/audit/entries/export?action=auth.sign_in')
        .set('authorization', admin)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      // A byte-order mark first, so Excel reads the names and user agents as UTF-8.
      expect(csv.text.startsWith('\uFEFFseq,')).toBe(true);
      const [header, ...lines] = csv.text.trim().split('\n');
      expect(header).toBe(
        'seq,at,actorKind,actorId,actorName,action,targetType,targetId,outcome,requestId,ip,userAgent,details',
      );
      expect(lines.length).toBeGreaterThan(2);
      const json = await http()
        .get('/api/v1/audit/entries/export?format=json&action=auth.sign_in')
        .set('authorization', admin)
        .expect(200);
      const rows = JSON.parse(json.text);
      expect(rows.length).toBe(lines.length);
      expect(rows.every((row: { action: string }) => row.action === 'auth.sign_in')).toBe(true);
      expect(await last(org.organizationId, 'audit.exported')).toMatchObject({
        actor_id: org.users.admin.id,
        details: { format: 'json' },
      });
    });

    it("should show people their own security events, including attempts on their account, and nobody else's", async () => {
      const person = await createOrganization(app, ['owner', 'admin']);
      await http()
        .post('/api/v1/auth/sign-in')
        .send({ email: person.users.owner.email, password: 'wrong wrong wrong' });
      const token = await bearerFor(app, person.users.owner.email);
      await bearerFor(app, person.users.admin.email);
      const events = (await http().get('/api/v1/profile/security-events').set('authorization', token).expect(200)).body
        .items;
      expect(events[0]).toMatchObject({
        seq: expect.stringMatching(/^\d+$/),
        action: 'auth.sign_in',
        outcome: 'success',
        byYou: true,
      });
      expect(events).toContainEqual(
        expect.objectContaining({ action: 'auth.sign_in', outcome: 'failure', byYou: false }),
      );
      expect(events.filter((event: { byYou: boolean }) => event.byYou)).toHaveLength(1);
    });
  });
  // Last: it purges every chain in this file's database.
  describe('retention', () => {
    it('should purge expired entries and keep the remaining chain verifiable from a checkpoint', async () => {
      const kept = await createOrganization(app, ['owner']);
      const token = await bearerFor(app, kept.users.owner.email);
      const before = (await verify(token)).body;
      expect(before.checkpoint).toBeNull();
      // Far enough ahead that every entry so far is past its retention period.
      const removed = await runRetentionRule(app, 'audit-trail', new Date(Date.now() + 3650 * 86_400_000));
      expect(removed).toBeGreaterThan(before.checkedEntries);
      // Everything up to and including the first verification's own entry went.
      const purgedUpTo = String(Number(before.lastSeq) + 1);
      const after = (await verify(token)).body;
      expect(after).toMatchObject({ intact: true, checkpoint: { seq: purgedUpTo, purgedCount: Number(purgedUpTo) } });
      expect(after.firstSeq).toBe(String(Number(purgedUpTo) + 1));
      expect(await last(kept.organizationId, 'audit.purged')).toMatchObject({
        actor_kind: 'system',
        details: { entries: Number(purgedUpTo) },
      });
      await expect(
        app.db.query('DELETE FROM audit_checkpoints WHERE organization_id = $1', [kept.organizationId]),
      ).rejects.toThrow(/append-only/);
      const cli: string[] = [];
      expect(
        (await verifyChains(app.app.get(TransactionService), undefined, (line) => cli.push(line))).reports.length,
      ).toBeGreaterThan(2);
    });
  });
});
