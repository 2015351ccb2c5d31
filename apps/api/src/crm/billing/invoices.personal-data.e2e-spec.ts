import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  eraseSubject,
  eraseWithProvider,
  expectProblem,
  runRetentionRule,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { CRM_INVOICES } from '../crm.types.js';
import { calendarDateOf, subtractYears } from './calendar-date.js';
import { InvoicesPersonalData } from './invoices.personal-data.js';

describe(InvoicesPersonalData.name, () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let leeds: string;
  let sut: InvoicesPersonalData;

  const http = () => app.http();
  const person = {
    kind: 'individual',
    name: 'Ada Lovelace',
    email: 'ada@lovelace.example',
    address: { line1: '12 St James Square', city: 'London', postcode: 'SW1Y 4JH', country: 'GB' },
  };
  const newClient = async (overrides: object = {}) =>
    (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ ...person, branchId: leeds, ...overrides })
        .expect(201)
    ).body;
  const newInvoice = async (clientId: string) =>
    (
      await http()
        .post('/api/v1/invoices')
        .set('authorization', owner)
        .send({
          clientId,
          currency: 'GBP',
          lines: [{ description: 'Analytical engine tuning', quantity: 2, unitPriceMinor: 5000, taxCode: 'STD' }],
        })
        .expect(201)
    ).body;
  const issued = async (clientId: string) => {
    const draft = await newInvoice(clientId);
    return (
      await http()
        .post(`/api/v1/invoices/${draft.id}/issue`)
        .set('authorization', owner)
        .send({ version: 1 })
        .expect(200)
    ).body;
  };
  const pay = (id: string, amountMinor: number) =>
    http()
      .post(`/api/v1/invoices/${id}/payments`)
      .set('authorization', owner)
      .send({ amountMinor, paidOn: '2026-03-01', method: 'bank_transfer', reference: 'BACS 2291' })
      .expect(201);
  const subjectOf = (clientId: string) => ({
    kind: 'client' as const,
    id: clientId,
    organizationId: org.organizationId,
  });

  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(InvoicesPersonalData);
    org = await createOrganization(app, ['owner']);
    owner = await bearerFor(app, org.users.owner.email);
    leeds = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)).body
      .id;
    await http()
      .post('/api/v1/tax-policies')
      .set('authorization', owner)
      .send({
        name: 'UK VAT',
        pricing: 'exclusive',
        rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
        effectiveFrom: '2000-01-01',
      })
      .expect(201);
  });
  afterAll(() => app.close());

  it('should be registered, under legal hold for 7 years, erased before the client record', () => {
    const registered = app.app
      .get(PersonalDataRegistry)
      .list()
      .find((provider) => provider.category === CRM_INVOICES);
    expect(registered).toBe(sut);
    expect(sut.erasureOrder).toBeLessThan(90);
    expect(sut.describe()).toMatchObject({
      subjectKinds: ['client'],
      lawfulBasis: 'legal-obligation',
      legalHold: { reason: 'Tax and accounting law requires keeping invoices and payment records', years: 7 },
    });
  });

  it('should keep the bill-to sealed in the table', async () => {
    const client = await newClient();
    const invoice = await issued(client.id);
    expect(invoice.billTo).toEqual({ name: person.name, email: person.email, address: person.address });
    const [row] = await app.db.query<Record<string, unknown>>('SELECT * FROM invoices WHERE id = $1', [invoice.id]);
    expect(Buffer.isBuffer(row.bill_to_enc) || row.bill_to_enc instanceof Uint8Array).toBe(true);
    const raw = JSON.stringify(
      Object.values(row).map((value) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value)),
    );
    for (const plain of ['Ada', 'Lovelace', 'lovelace.example', 'James Square', 'SW1Y', 'London']) {
      expect(raw).not.toContain(plain);
    }
  });

  it('should copy the bill-to again when a draft is issued, and keep it after the client is deleted', async () => {
    const client = await newClient();
    const draft = await newInvoice(client.id);
    await http()
      .patch(`/api/v1/clients/${client.id}`)
      .set('authorization', owner)
      .send({ version: client.version, name: 'Ada King, Countess of Lovelace' })
      .expect(200);
    expect((await http().get(`/api/v1/invoices/${draft.id}`).set('authorization', owner)).body.billTo.name).toBe(
      'Ada Lovelace',
    );
    await http()
      .post(`/api/v1/invoices/${draft.id}/issue`)
      .set('authorization', owner)
      .send({ version: 1 })
      .expect(200);

    await http().delete(`/api/v1/clients/${client.id}`).set('authorization', owner).expect(204);
    const kept = await http().get(`/api/v1/invoices/${draft.id}`).set('authorization', owner).expect(200);
    expect(kept.body).toMatchObject({
      clientId: null,
      status: 'issued',
      billTo: { name: 'Ada King, Countess of Lovelace', email: person.email },
      deidentified: false,
    });
  });

  it('should de-identify the invoices of an erased client and keep their amounts and payments', async () => {
    const client = await newClient();
    const other = await newClient({ name: 'Charles Babbage', email: 'charles@babbage.example' });
    const first = await issued(client.id);
    await pay(first.id, 4000);
    const second = await newInvoice(client.id);
    const untouched = await issued(other.id);

    const receipt = await eraseWithProvider(app, sut, subjectOf(client.id), 'deidentify');
    expect(receipt).toMatchObject({ mode: 'deidentify', affected: 2, more: false });

    for (const id of [first.id, second.id]) {
      const after = (await http().get(`/api/v1/invoices/${id}`).set('authorization', owner).expect(200)).body;
      expect(after).toMatchObject({ billTo: null, deidentified: true, clientId: client.id });
    }
    const firstAfter = (await http().get(`/api/v1/invoices/${first.id}`).set('authorization', owner)).body;
    expect(firstAfter).toMatchObject({
      number: first.number,
      status: 'issued',
      lines: first.lines,
      subtotalMinor: 10_000,
      taxMinor: 2000,
      totalMinor: 12_000,
      paidMinor: 4000,
      issueDate: first.issueDate,
    });
    const payments = await http().get(`/api/v1/invoices/${first.id}/payments`).set('authorization', owner).expect(200);
    expect(payments.body.items).toHaveLength(1);
    const rows = await app.db.query<{ id: string; bill_to_enc: unknown; deidentified_at: Date | null }>(
      'SELECT id, bill_to_enc, deidentified_at FROM invoices WHERE id = ANY($1::uuid[])',
      [[first.id, second.id, untouched.id]],
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[first.id]).toMatchObject({ bill_to_enc: null, deidentified_at: expect.any(Date) });
    expect(byId[second.id]).toMatchObject({ bill_to_enc: null, deidentified_at: expect.any(Date) });
    expect(byId[untouched.id]).toMatchObject({ deidentified_at: null });
    expect((await http().get(`/api/v1/invoices/${untouched.id}`).set('authorization', owner)).body.billTo.name).toBe(
      'Charles Babbage',
    );
  });

  it('should keep invoices through a full erasure of the client, unlinked and without bill-to', async () => {
    const client = await newClient();
    const invoice = await issued(client.id);
    const receipts = await eraseSubject(app, subjectOf(client.id));
    expect(receipts.find((receipt) => receipt.category === CRM_INVOICES)).toMatchObject({
      mode: 'deidentify',
      affected: 1,
    });
    const after = (await http().get(`/api/v1/invoices/${invoice.id}`).set('authorization', owner).expect(200)).body;
    expect(after).toMatchObject({ clientId: null, billTo: null, deidentified: true, totalMinor: 12_000 });
  });

  it('should locate and export a client’s invoices with their payments', async () => {
    const client = await newClient();
    const invoice = await issued(client.id);
    await pay(invoice.id, 2500);
    await newInvoice(client.id);
    expect(await sut.locate(subjectOf(client.id))).toBe(2);

    const records = [];
    for await (const record of sut.export(subjectOf(client.id))) records.push(record);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      number: invoice.displayNumber,
      status: 'issued',
      currency: 'GBP',
      billTo: { name: person.name, email: person.email, address: person.address },
      lines: [{ description: 'Analytical engine tuning', quantity: 2, grossMinor: 12_000 }],
      totalMinor: 12_000,
      paidMinor: 2500,
      payments: [{ amountMinor: 2500, paidOn: '2026-03-01', method: 'bank_transfer', reference: 'BACS 2291' }],
    });
    expect(records[1]).toMatchObject({ status: 'draft', payments: [] });
  });

  it('should refuse new invoices for a client whose processing is restricted', async () => {
    const client = await newClient();
    const draft = await newInvoice(client.id);
    await app.app.get(PersonalDataRegistry).restrictAll(subjectOf(client.id), true);
    const restricted = await http()
      .post('/api/v1/invoices')
      .set('authorization', owner)
      .send({
        clientId: client.id,
        currency: 'GBP',
        lines: [{ description: 'More tuning', quantity: 1, unitPriceMinor: 100, taxCode: 'STD' }],
      });
    expectProblem(restricted, 409, 'conflict');
    expect(restricted.body.detail).toContain('restricted');
    // What exists goes on: the invoice already made can be issued and paid.
    await http()
      .post(`/api/v1/invoices/${draft.id}/issue`)
      .set('authorization', owner)
      .send({ version: 1 })
      .expect(200);
    await app.app.get(PersonalDataRegistry).restrictAll(subjectOf(client.id), false);
    await newInvoice(client.id);
  });

  it('should purge invoices and their payments 7 years after their date, in batches', async () => {
    const now = new Date();
    const cutoff = subtractYears(calendarDateOf(now), 7);
    const dayBefore = calendarDateOf(new Date(Date.parse(`${cutoff}T00:00:00Z`) - 86_400_000));
    const eightYearsAgo = new Date(Date.parse(`${subtractYears(calendarDateOf(now), 8)}T12:00:00Z`));
    const client = await newClient();

    const expiredIssued = await issued(client.id);
    const keptIssued = await issued(client.id);
    const expiredPaid = await issued(client.id);
    await pay(expiredPaid.id, 12_000);
    const oldDraft = await newInvoice(client.id);
    const oldVoid = await issued(client.id);
    await http()
      .post(`/api/v1/invoices/${oldVoid.id}/void`)
      .set('authorization', owner)
      .send({ version: oldVoid.version })
      .expect(200);
    const recentDraft = await newInvoice(client.id);

    const setDates = (id: string, issueDate: string | null, createdAt: Date) =>
      app.db.query('UPDATE invoices SET issue_date = $2, created_at = $3 WHERE id = $1', [id, issueDate, createdAt]);
    await setDates(expiredIssued.id, dayBefore, eightYearsAgo);
    // Exactly 7 years old on its issue date: kept until tomorrow, even if created long before.
    await setDates(keptIssued.id, cutoff, eightYearsAgo);
    await setDates(expiredPaid.id, dayBefore, now);
    await setDates(oldDraft.id, null, eightYearsAgo);
    // A void counts from its creation, whatever its issue date says.
    await setDates(oldVoid.id, calendarDateOf(now), eightYearsAgo);

    expect(await runRetentionRule(app, 'invoices', now)).toBe(4);
    expect(await runRetentionRule(app, 'invoices', now)).toBe(0);

    const left = (await app.db.query<{ id: string }>('SELECT id FROM invoices WHERE client_id = $1', [client.id])).map(
      (row) => row.id,
    );
    expect(left.sort()).toEqual([keptIssued.id, recentDraft.id].sort());
    const [{ payments }] = await app.db.query<{ payments: number }>(
      'SELECT count(*)::int AS payments FROM payments WHERE invoice_id = $1',
      [expiredPaid.id],
    );
    expect(payments).toBe(0);
    const [{ entries }] = await app.db.query<{ entries: number }>(
      'SELECT count(*)::int AS entries FROM crm_activity WHERE record_id = ANY($1::uuid[])',
      [[expiredIssued.id, expiredPaid.id, oldDraft.id, oldVoid.id]],
    );
    expect(entries).toBe(0);
  });
});
