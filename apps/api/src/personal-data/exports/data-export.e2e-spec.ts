import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type supertest from 'supertest';
import { generateKey } from '#crypto';
import { type DataSubject, PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  createTestDatabase,
  DAY_MS,
  eraseSubject,
  expectProblem,
  type TestApp,
  TestClock,
  type TestDatabase,
  type TestOrganization,
} from '#testing';
import { DataExportJob } from './data-export.job.js';
import type { ExportManifest } from './export-archive.js';

const binary = (res: supertest.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Access exports end to end: a user's own export and an officer's export of a contact hold
 * every category the registry lists for that subject, as JSON (and CSV where tabular) with a
 * manifest whose counts match; the file at rest is sealed; the link expires and the file is
 * purged; another organization reaches nothing. A worker killed mid-export:
 * data-export-kill.resilience-spec.ts (`npm run test:resilience`).
 */
describe('access exports', () => {
  let db: TestDatabase;
  let app: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: string;
  let officer: string;
  let agent: string;
  let stranger: string;
  const clock = new TestClock('2026-12-07T09:00:00.000Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'steward-exports-'));
  const env = { MASTER_KEY: generateKey().toString('base64'), DATA_DIR: dataDir, JOBS_WORKER: 'false' };

  const http = () => app.http();
  const registry = () => app.app.get(PersonalDataRegistry);
  const build = (exportId: string, organizationId = org.organizationId) =>
    app.app.get(DataExportJob).build(organizationId, exportId);
  const archiveOf = (organizationId: string, exportId: string) =>
    join(dataDir, 'exports', organizationId, exportId, 'export.zip.enc');

  /** Unzips a download and checks it against the registry: every category, counts, files. */
  const expectCompleteExport = (zip: Buffer, subject: DataSubject) => {
    const files = unzipSync(new Uint8Array(zip));
    const manifest: ExportManifest = JSON.parse(strFromU8(files['manifest.json']));
    const expected = registry().forSubject(subject);
    expect(expected.length).toBeGreaterThan(0);
    expect(manifest.subject).toEqual({ kind: subject.kind, id: subject.id });
    expect(manifest.generatedAt).toEqual(expect.any(String));
    expect(manifest.categories.map((entry) => entry.category)).toEqual(expected.map((p) => p.category));
    for (const entry of manifest.categories) {
      const described = expected.find((provider) => provider.category === entry.category)?.describe();
      expect(entry.fields.map((field) => field.name)).toEqual(described?.fields.map((field) => field.name));
      const records = JSON.parse(strFromU8(files[`${entry.category}.json`]));
      expect(records).toHaveLength(entry.count);
      if (entry.files.includes(`${entry.category}.csv`)) {
        const lines = strFromU8(files[`${entry.category}.csv`]).trim().split('\n');
        expect(lines.length).toBeGreaterThanOrEqual(entry.count + 1);
      }
    }
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', ...manifest.categories.flatMap((entry) => entry.files)].sort(),
    );
    return { manifest, files };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp({ db, env, clock });
    org = await createOrganization(app, ['owner', 'privacy_officer', 'agent', 'admin']);
    other = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    officer = await bearerFor(app, org.users.privacy_officer.email);
    agent = await bearerFor(app, org.users.agent.email);
    stranger = await bearerFor(app, other.users.owner.email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('should export every category of a signed-in user, sealed at rest, and let only them download it', async () => {
    await http()
      .post('/api/v1/me/cookie-consent')
      .set('authorization', owner)
      .send({ consentId: randomUUID(), categories: ['essential'], revision: 1 })
      .expect(201);
    const started = await http().post('/api/v1/me/data-export').set('authorization', owner).expect(201);
    expect(started.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 0 } });
    const id = started.body.id;
    // A second click while it is being built starts nothing.
    expectProblem(await http().post('/api/v1/me/data-export').set('authorization', owner), 409, 'conflict');
    expectProblem(
      await http().get(`/api/v1/me/data-exports/${id}/download`).set('authorization', owner),
      409,
      'conflict',
    );

    expect(await build(id)).not.toBeNull();
    const subject: DataSubject = { kind: 'user', id: org.users.owner.id, organizationId: org.organizationId };
    const status = await http().get(`/api/v1/me/data-exports/${id}`).set('authorization', owner).expect(200);
    const total = registry().forSubject(subject).length;
    expect(status.body).toMatchObject({ status: 'ready', progress: { done: total, total } });
    expect(Date.parse(status.body.expiresAt) - clock.nowMs()).toBe(72 * 3_600_000);
    const list = await http().get('/api/v1/me/data-exports').set('authorization', owner).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const download = await http()
      .get(`/api/v1/me/data-exports/${id}/download`)
      .set('authorization', owner)
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'application/zip');
    const zip = download.body as Buffer;
    expect(createHash('sha256').update(zip).digest('hex')).toBe(status.body.sha256);
    const { manifest, files } = expectCompleteExport(zip, subject);
    const account = JSON.parse(strFromU8(files['identity.account.json']));
    expect(account[0].email).toBe(org.users.owner.email);
    expect(manifest.categories.find((entry) => entry.category === 'identity.sessions')?.count).toBeGreaterThan(0);
    expect(manifest.categories.some((entry) => entry.files.some((file) => file.endsWith('.csv')))).toBe(true);

    // At rest the file is no ZIP and holds no readable value; the parts are gone.
    const sealed = readFileSync(archiveOf(org.organizationId, id));
    expect(sealed.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(() => unzipSync(new Uint8Array(sealed))).toThrow();
    expect(sealed.includes(Buffer.from(org.users.owner.email))).toBe(false);
    expect(readdirSync(join(dataDir, 'exports', org.organizationId, id))).toEqual(['export.zip.enc']);

    // Someone else in the organization, or another organization, reaches nothing.
    const admin = await bearerFor(app, org.users.admin.email);
    expectProblem(await http().get(`/api/v1/me/data-exports/${id}`).set('authorization', admin), 404, 'not-found');
    expectProblem(
      await http().get(`/api/v1/me/data-exports/${id}/download`).set('authorization', stranger),
      404,
      'not-found',
    );
    expectProblem(await http().get(`/api/v1/data-exports/${id}`).set('authorization', stranger), 404, 'not-found');
    const [audit] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action LIKE 'privacy.export.%' AND details->>'export' = $1",
      [id],
    );
    expect(audit.n).toBe(3); // requested, ready, downloaded
  });

  it('should export a contact for a privacy officer, downloadable with the link only', async () => {
    const branch = (
      await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'York' }).expect(201)
    ).body.id;
    const contact = (
      await http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ fullName: 'Cora Contact', email: 'cora@example.test', branchId: branch })
        .expect(201)
    ).body;
    for (const body of ['Called about the boiler', '=HYPERLINK("x")']) {
      await http()
        .post('/api/v1/communications')
        .set('authorization', owner)
        .send({ contactId: contact.id, kind: 'note', direction: 'internal', body })
        .expect(201);
    }
    const request = { subjectKind: 'contact', subjectId: contact.id };
    expectProblem(
      await http().post('/api/v1/data-exports').set('authorization', agent).send(request),
      403,
      'forbidden',
    );
    expectProblem(
      await http().post('/api/v1/data-exports').set('authorization', stranger).send(request),
      404,
      'not-found',
    );
    const started = await http().post('/api/v1/data-exports').set('authorization', officer).send(request).expect(201);
    const { id, downloadUrl } = started.body;
    expect(downloadUrl).toMatch(new RegExp(`/api/v1/data-exports/${id}/download\\?token=[\\w-]{43}$`));
    const path = downloadUrl.slice(downloadUrl.indexOf('/api/v1'));
    expectProblem(await http().get(path), 409, 'conflict');

    await build(id);
    // Running the job again (a retry) changes nothing.
    expect(await build(id)).toBeNull();
    const status = await http().get(`/api/v1/data-exports/${id}`).set('authorization', officer).expect(200);
    expect(status.body.status).toBe('ready');
    expectProblem(await http().get(`/api/v1/data-exports/${id}`).set('authorization', agent), 403, 'forbidden');

    const wrong = `/api/v1/data-exports/${id}/download?token=${'x'.repeat(43)}`;
    expectProblem(await http().get(wrong), 404, 'not-found');
    const zip = (await http().get(path).buffer(true).parse(binary).expect(200)).body as Buffer;
    const subject: DataSubject = { kind: 'contact', id: contact.id, organizationId: org.organizationId };
    const { manifest, files } = expectCompleteExport(zip, subject);
    expect(manifest.categories.find((entry) => entry.category === 'crm.communications')?.count).toBe(2);
    expect(manifest.categories.find((entry) => entry.category === 'crm.contacts')?.count).toBe(1);
    const csv = strFromU8(files['crm.communications.csv']);
    expect(csv).toContain("'=HYPERLINK"); // a formula is defused in the spreadsheet copy

    // Erasing the contact takes the export's copy of their data with it.
    await eraseSubject(app, subject);
    expect(existsSync(join(dataDir, 'exports', org.organizationId, id))).toBe(false);
    const [row] = await db.query<{ status: string; wrapped_key: Buffer | null }>(
      'SELECT status, wrapped_key FROM data_exports WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'expired', wrapped_key: null });
    expectProblem(await http().get(path), 410, 'gone');
  });

  it('should stop serving at expiry and purge the file and the key', async () => {
    const started = await http().post('/api/v1/me/data-export').set('authorization', officer).expect(201);
    const id = started.body.id;
    await build(id);
    let auth = officer;
    const download = () => http().get(`/api/v1/me/data-exports/${id}/download`).set('authorization', auth);
    await download().expect(200);

    clock.advance(3 * DAY_MS + 1);
    auth = await bearerFor(app, org.users.privacy_officer.email);
    expectProblem(await download(), 410, 'gone');
    const job = app.app.get(DataExportJob);
    expect(await job.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(dataDir, 'exports', org.organizationId, id))).toBe(false);
    const [row] = await db.query<{ status: string; wrapped_key: Buffer | null; purged_at: Date | null }>(
      'SELECT status, wrapped_key, purged_at FROM data_exports WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ status: 'expired', wrapped_key: null, purged_at: expect.any(Date) });
    expectProblem(await download(), 410, 'gone');
    const status = await http().get(`/api/v1/me/data-exports/${id}`).set('authorization', auth).expect(200);
    expect(status.body.status).toBe('expired');
    expect(await job.purgeExpired()).toBe(0);
    const [audit] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'privacy.export.purged' AND details->>'export' = $1",
      [id],
    );
    expect(audit.n).toBe(1);
    const verifier = await bearerFor(app, org.users.owner.email);
    const verified = await http().post('/api/v1/audit/verify').set('authorization', verifier).expect(200);
    expect(verified.body.intact).toBe(true);
  });
});
