import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeEmail } from '#crypto';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  linkIn,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { RecordCipher } from '../crm/record-cipher.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { ErasureService } from '../personal-data/erasure.service.js';

const APP_URL = 'https://crm.example.test';
const PERSON = {
  fullName: 'Zora Quillfeather',
  email: 'zora.quillfeather@example.test',
  phone: '+44 7700 900461',
  note: 'Zora Quillfeather asked about the boiler at Wrenfield Cottage',
};

/**
 * The proof of erasure: a person who is a client and a contact of the organization,
 * with notes, a job, an issued invoice, consents, files a public erasure request; the officer
 * confirms the match and completes it; the erasures run. Then every column of every table
 * (ours and the job engine's) is searched for the person: their words, email and phone in
 * plain text or as bytes, and every keyed digest that could still find them (blind indexes
 * of the email, search tokens of their name and phone). The same search finds them before.
 */
describe('erasure through a request leaves nothing of the person', () => {
  let app: TestApp;
  let mail: MailCatcher;
  let org: TestOrganization;
  let owner: string;
  let officer: string;

  const http = () => app.http();
  const post = async (path: string, body: object, who = owner) =>
    (await http().post(`/api/v1${path}`).set('authorization', who).send(body).expect(201)).body;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({
      env: {
        SMTP_URL: mail.url,
        APP_URL,
        JOBS_WORKER: 'false',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-erase-all-')),
      },
    });
    org = await createOrganization(app, ['owner', 'privacy_officer']);
    owner = await bearerFor(app, org.users.owner.email);
    officer = await bearerFor(app, org.users.privacy_officer.email);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
  });

  /** What could still point at the person: plain words and their keyed digests. */
  const traces = () => {
    const { blindIndex } = app.app.get(KeyringService);
    const cipher = app.app.get(RecordCipher);
    const plain = ['quillfeather', 'zora.quillfeather', '900461', 'wrenfield'];
    return [
      ...plain,
      ...plain.map((text) => Buffer.from(text).toString('hex')),
      ...['crm.email', 'users.email', 'privacy-requests.email'].map((domain) =>
        blindIndex.compute(domain, PERSON.email, normalizeEmail),
      ),
      ...cipher.queryTokens(org.organizationId, 'Quillfeather'),
      ...cipher.queryTokens(org.organizationId, '900461'),
    ];
  };

  /** Every base table of our schema and the job engine's, with the rows that hold a trace. */
  const scan = async () => {
    const patterns = traces().map((trace) => `%${trace}%`);
    const tables = await app.db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'pgboss') ORDER BY 1, 2`,
    );
    const found: Record<string, number> = {};
    for (const { schema, name } of tables) {
      const [row] = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}"."${name}" t WHERE t::text ILIKE ANY($1)`,
        [patterns],
      );
      if (row.n > 0) found[`${schema}.${name}`] = row.n;
    }
    return { tables: tables.length, found };
  };

  it('should find no plain text and no digest of the person in any table, keep the invoice de-identified, and keep the receipts', async () => {
    const branchId = (await post('/branches', { name: 'Leeds' })).id;
    await post('/tax-policies', {
      name: 'UK VAT',
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2000-01-01',
    });
    const client = await post('/clients', {
      kind: 'individual',
      name: PERSON.fullName,
      email: PERSON.email,
      phone: PERSON.phone,
      branchId,
    });
    const contact = await post('/contacts', {
      clientId: client.id,
      fullName: PERSON.fullName,
      email: PERSON.email,
      phone: PERSON.phone,
    });
    await post('/communications', { clientId: client.id, kind: 'note', direction: 'internal', body: PERSON.note });
    await post('/communications', { contactId: contact.id, kind: 'note', direction: 'internal', body: PERSON.note });
    await post('/jobs', { clientId: client.id, title: 'Boiler at Wrenfield Cottage' });
    const invoice = await post('/invoices', {
      clientId: client.id,
      currency: 'GBP',
      lines: [{ description: 'Boiler service', quantity: 1, unitPriceMinor: 9000, taxCode: 'STD' }],
    });
    await http()
      .post(`/api/v1/invoices/${invoice.id}/issue`)
      .set('authorization', owner)
      .send({ version: 1 })
      .expect(200);
    await post(`/contacts/${contact.id}/consents`, {
      purposeKey: 'marketing-email',
      action: 'granted',
      lawfulBasis: 'consent',
      source: 'phone',
    });

    // The person asks, through the public form, and follows the emailed link.
    const [{ slug }] = await app.db.query<{ slug: string }>('SELECT slug FROM organizations WHERE id = $1', [
      org.organizationId,
    ]);
    await http()
      .post(`/api/v1/public/organizations/${slug}/privacy-requests`)
      .send({ type: 'erasure', email: PERSON.email, fullName: PERSON.fullName, message: 'Please forget me' })
      .expect(202);
    const token = linkIn(
      await mail.waitFor(PERSON.email),
      `${APP_URL}/privacy-requests/verify?token=`,
    ).searchParams.get('token');
    await http().post('/api/v1/public/privacy-requests/verify').send({ token }).expect(200);

    // The search can find the person: every trace is somewhere before the erasure.
    const before = await scan();
    expect(Object.keys(before.found).length).toBeGreaterThanOrEqual(3);

    // The officer confirms the contact the email found, and completes the request.
    const [listed] = (
      await http()
        .get(`/api/v1/privacy-requests?q=${encodeURIComponent(PERSON.email)}`)
        .set('authorization', officer)
        .expect(200)
    ).body.items;
    const detail = (await http().get(`/api/v1/privacy-requests/${listed.id}`).set('authorization', officer).expect(200))
      .body;
    expect(detail.candidates).toEqual([expect.objectContaining({ kind: 'contact', id: contact.id })]);
    const matched = await http()
      .post(`/api/v1/privacy-requests/${listed.id}/matches`)
      .set('authorization', officer)
      .send({ version: detail.version, subjects: [{ kind: 'contact', id: contact.id }] })
      .expect(200);
    await http()
      .post(`/api/v1/privacy-requests/${listed.id}/complete`)
      .set('authorization', officer)
      .send({ version: matched.body.version })
      .expect(200);
    // The same person is also the organization's client: erased with the same pipeline.
    const erasures = app.app.get(ErasureService);
    await erasures.start({ kind: 'client', id: client.id, organizationId: org.organizationId });
    // The job engine would run these; here the handler runs at once, as its worker would.
    const pending = await app.db.query<{ id: string }>(
      'SELECT id FROM erasures WHERE organization_id = $1 AND completed_at IS NULL',
      [org.organizationId],
    );
    expect(pending).toHaveLength(2);
    for (const { id } of pending) await erasures.run(org.organizationId, id);

    const after = await scan();
    expect(after.tables).toBeGreaterThan(30);
    expect(after.found).toEqual({});

    // The invoice stays, de-identified (7-year legal hold); the erasure is in the audit trail;
    // the receipts survive it and show what was done per category.
    const [kept] = await app.db.query<{ total_minor: number; bill_to_enc: Buffer | null }>(
      'SELECT total_minor::int AS total_minor, bill_to_enc FROM invoices WHERE id = $1',
      [invoice.id],
    );
    expect(kept).toMatchObject({ total_minor: 10800, bill_to_enc: null });
    const completed = await app.db.query<{ target_id: string }>(
      `SELECT target_id FROM audit_entries WHERE organization_id = $1 AND action = 'privacy.erasure.completed'`,
      [org.organizationId],
    );
    expect(completed.map((entry) => entry.target_id).sort()).toEqual([client.id, contact.id].sort());
    const receipts = await app.db.query<{ category: string; mode: string }>(
      `SELECT r.category, r.mode FROM erasure_receipts r JOIN erasures e ON e.id = r.erasure_id
        WHERE e.organization_id = $1 ORDER BY 1`,
      [org.organizationId],
    );
    expect(receipts).toEqual(
      expect.arrayContaining([
        { category: 'crm.invoices', mode: 'deidentify' },
        { category: 'crm.contacts', mode: 'delete' },
        { category: 'crm.clients', mode: 'delete' },
      ]),
    );
    // The officer can show the requester the receipt: on the request, category by category.
    const shown = (await http().get(`/api/v1/privacy-requests/${listed.id}`).set('authorization', officer).expect(200))
      .body;
    expect(shown.erasureReceipts).toHaveLength(1);
    expect(shown.erasureReceipts[0]).toMatchObject({
      subjectKind: 'contact',
      subjectId: contact.id,
      completedAt: expect.any(String),
      keyDestroyedAt: expect.any(String),
    });
    expect(shown.erasureReceipts[0].categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'crm.contacts', mode: 'delete', affected: 1 })]),
    );
    const verified = await http().post('/api/v1/audit/verify').set('authorization', owner).expect(200);
    expect(verified.body.intact).toBe(true);
  });
});
