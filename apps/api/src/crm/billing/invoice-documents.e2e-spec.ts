import type supertest from 'supertest';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type MailCatcher,
  pdfText,
  startMailCatcher,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { MailRetryJob } from '../../mail/mail-retry.job.js';

/** supertest's parser for a binary answer: the bytes as they came. */
const binary = (res: supertest.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * An invoice as a document: the PDF made on request, and the email to the bill-to address
 * with the PDF attached, through the real SMTP server of the test process and the sealed
 * outbox when that server is down.
 */
describe('invoice PDF and email', () => {
  // Starts at the real "now": the job engine uses the database's clock.
  const clock = new TestClock(new Date());
  let mail: MailCatcher;
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let clientId: string;
  let withoutEmail: string;
  let mainBranch: string;

  const http = () => app.http();
  const post = async (path: string, body: object, auth = owner) => {
    const response = await http().post(path).set('authorization', auth).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const draftFor = (client: string, description = 'Boiler service') =>
    post('/api/v1/invoices', {
      clientId: client,
      currency: 'GBP',
      lines: [
        { description, quantity: 1.5, unitPriceMinor: 8500, taxCode: 'STD' },
        { description: 'Call-out', quantity: 1, unitPriceMinor: 6000, taxCode: 'STD' },
      ],
    });
  const issued = async (client = clientId) => {
    const draft = await draftFor(client);
    return post(`/api/v1/invoices/${draft.id}/issue`, { version: draft.version, issueDate: '2026-03-02' });
  };
  const pdfOf = (id: string, auth = owner) =>
    http().get(`/api/v1/invoices/${id}/pdf`).set('authorization', auth).buffer(true).parse(binary);
  const send = (id: string, auth = owner) => http().post(`/api/v1/invoices/${id}/send`).set('authorization', auth);
  const outbox = () =>
    app.db.query<{ id: string; message: Buffer | null; sent: boolean }>(
      'SELECT id, message_sealed AS message, sent_at IS NOT NULL AS sent FROM mail_outbox ORDER BY created_at, id',
    );
  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await createTestApp({
      clock,
      env: { SMTP_URL: mail.url, JOBS_POLL_INTERVAL_MS: '500', MAIL_TIMEOUT_MS: '2000' },
    });
    org = await createOrganization(app, ['owner', 'manager', 'agent', 'viewer', 'privacy_officer']);
    owner = await bearerFor(app, org.users.owner.email);
    await post('/api/v1/tax-policies', {
      name: 'UK VAT',
      pricing: 'exclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2020-01-01',
    });
    const branchId = (await post('/api/v1/branches', { name: 'Leeds' })).id;
    clientId = (
      await post('/api/v1/clients', {
        branchId,
        kind: 'company',
        name: 'Riverside Plumbing Ltd',
        email: 'accounts@riverside-plumbing.example',
        address: { line1: '12 Wharf Street', city: 'Leeds', postcode: 'LS2 7EQ', country: 'GB' },
      })
    ).id;
    withoutEmail = (await post('/api/v1/clients', { branchId, kind: 'individual', name: 'Nobody Emailable' })).id;
    mainBranch = branchId;
  });
  afterAll(async () => {
    await app?.close();
    await mail?.close();
  });

  it('should answer the issued invoice as a PDF with its number, made on request and stored nowhere', async () => {
    const invoice = await issued();
    const response = await pdfOf(invoice.id).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${invoice.displayNumber}.pdf"`);
    expect(response.headers['cache-control']).toContain('no-store');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`INVOICE${invoice.displayNumber}`);
    expect(text).toContain('Riverside Plumbing Ltd');
    expect(text).toContain('2 March 2026');
    // 1.5 × £85.00 + £60.00 = £187.50 net, £37.50 tax, £225.00.
    expect(text).toContain('£225.00');
    expect(text).not.toContain('DRAFT');
    // Nothing of it was kept: no table holds PDF bytes.
    const [{ stored }] = await app.db.query<{ stored: number }>(
      `SELECT count(*)::int AS stored FROM mail_outbox WHERE message_sealed IS NOT NULL`,
    );
    expect(stored).toBe(0);

    // Whoever may read the invoice may download it; who may not is refused.
    const viewer = await bearerFor(app, org.users.viewer.email);
    await pdfOf(invoice.id, viewer).expect(200);
    const officer = await bearerFor(app, org.users.privacy_officer.email);
    expectProblem(
      await http().get(`/api/v1/invoices/${invoice.id}/pdf`).set('authorization', officer),
      403,
      'forbidden',
    );
  });

  it('should mark a draft DRAFT, in its title, its file name and across the page', async () => {
    const draft = await draftFor(clientId);
    const response = await pdfOf(draft.id).expect(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${draft.displayNumber}-DRAFT.pdf"`);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain(`DRAFT INVOICE${draft.displayNumber}`);
    expect(text).toContain('Draft: not a valid invoice until it is issued.');
    expect((response.body as Buffer).toString('latin1')).toContain(`(DRAFT Invoice ${draft.displayNumber})`);
  });

  it('should write text outside the PDF fonts without garbage, and lines over several pages', async () => {
    const client = (await post('/api/v1/clients', { branchId: mainBranch, kind: 'company', name: 'Łódź Żabka Ölçü' }))
      .id;
    const lines = Array.from({ length: 45 }, (_, index) => ({
      description: `Radiator ${index + 1} 日本`,
      quantity: 1,
      unitPriceMinor: 100,
      taxCode: 'STD',
    }));
    const draft = await post('/api/v1/invoices', { clientId: client, currency: 'GBP', lines });
    const text = pdfText((await pdfOf(draft.id).expect(200)).body as Buffer);
    expect(text).toContain('Lódz Zabka Ölçü');
    expect(text).toContain('Radiator 45 ??');
    expect(text).toContain('page 2 of 2');
  });

  it('should email an issued invoice to the bill-to address with the PDF attached, and audit it', async () => {
    const invoice = await issued();
    const response = await send(invoice.id).expect(200);
    expect(response.body).toMatchObject({
      email: 'sent',
      sentTo: 'accounts@riverside-plumbing.example',
      invoice: { id: invoice.id, emailDelivery: 'sent', version: invoice.version + 1 },
    });
    expect(Date.parse(response.body.invoice.emailedAt)).toBeGreaterThan(0);
    const message = await mail.waitForAbout('accounts@riverside-plumbing.example', invoice.displayNumber);
    expect(message.subject).toMatch(new RegExp(`^Invoice ${invoice.displayNumber} from Test Org`));
    expect(message.text).toContain('Hello Riverside Plumbing Ltd,');
    expect(message.text).toContain(`invoice ${invoice.displayNumber}`);
    expect(message.text).toContain('£225.00');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({ filename: `${invoice.displayNumber}.pdf`, contentType: 'application/pdf' });
    expect(attachment.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(attachment.content)).toContain(invoice.displayNumber);

    // Sent: the outbox keeps nothing of the message or its PDF.
    const rows = await outbox();
    expect(rows.at(-1)).toMatchObject({ sent: true, message: null });

    const [entry] = await app.db.query<{ actor_id: string; details: object; target_id: string }>(
      `SELECT actor_id, details, target_id FROM audit_entries
        WHERE organization_id = $1 AND action = 'invoice.emailed' ORDER BY seq DESC LIMIT 1`,
      [org.organizationId],
    );
    expect(entry).toEqual({ actor_id: org.users.owner.id, details: { delivery: 'sent' }, target_id: invoice.id });
    // The page shows where it went: the bill-to copy's address, and when.
    const read = await http().get(`/api/v1/invoices/${invoice.id}`).set('authorization', owner).expect(200);
    expect(read.body).toMatchObject({
      emailDelivery: 'sent',
      billTo: { email: 'accounts@riverside-plumbing.example' },
    });
  });

  it('should queue the email sealed, PDF and all, while the mail server is down, and deliver it once back', async () => {
    const invoice = await issued();
    await mail.stop();
    const before = mail.messages.length;
    const response = await send(invoice.id).expect(200);
    expect(response.body).toMatchObject({ email: 'queued', invoice: { emailDelivery: 'queued' } });
    const [waiting] = (await outbox()).filter((row) => !row.sent);
    expect(waiting.message).not.toBeNull();
    const sealed = (waiting.message as Buffer).toString('latin1');
    for (const clear of ['accounts@riverside-plumbing.example', invoice.displayNumber, '%PDF', 'JVBERi0']) {
      expect(sealed).not.toContain(clear);
    }
    expect(JSON.stringify(app.logs)).not.toContain('accounts@riverside-plumbing.example');

    await mail.start();
    clock.advance(61_000);
    expect(await app.app.get(MailRetryJob).dispatch()).toBe(1);
    const message = await mail.waitForAbout('accounts@riverside-plumbing.example', invoice.displayNumber);
    expect(mail.messages.length).toBe(before + 1);
    expect(message.attachments[0].contentType).toBe('application/pdf');
    expect(pdfText(message.attachments[0].content)).toContain(invoice.displayNumber);
    await until(async () => (await outbox()).find((row) => row.id === waiting.id)?.sent === true);
    expect((await outbox()).find((row) => row.id === waiting.id)?.message).toBeNull();
    // A new session: the clock moved on.
    owner = await bearerFor(app, org.users.owner.email);
  });

  it('should refuse a draft, a void invoice and a bill-to without an email, clearly, and send nothing', async () => {
    const before = mail.messages.length;
    const draft = await draftFor(clientId);
    const refusedDraft = await send(draft.id);
    expectProblem(refusedDraft, 409, 'conflict');
    expect(refusedDraft.body.detail).toBe('A draft is not sent: issue the invoice first, then send it');

    const voided = await issued();
    await post(`/api/v1/invoices/${voided.id}/void`, { version: voided.version });
    expectProblem(await send(voided.id), 409, 'conflict');

    const noAddress = await issued(withoutEmail);
    const refusedAddress = await send(noAddress.id);
    expectProblem(refusedAddress, 409, 'conflict');
    expect(refusedAddress.body.detail).toMatch(/no email address; download the PDF/);
    expect(
      (await http().get(`/api/v1/invoices/${noAddress.id}`).set('authorization', owner)).body.emailedAt,
    ).toBeNull();
    expect(mail.messages.length).toBe(before);
  });

  it('should let only those who write invoices send them, and answer 404 to another organization', async () => {
    const invoice = await issued();
    for (const role of ['viewer', 'agent', 'privacy_officer']) {
      expectProblem(await send(invoice.id, await bearerFor(app, org.users[role].email)), 403, 'forbidden');
    }
    const theirs = await createOrganization(app, ['owner']);
    const theirOwner = await bearerFor(app, theirs.users.owner.email);
    expectProblem(await send(invoice.id, theirOwner), 404, 'not-found');
    expectProblem(
      await http().get(`/api/v1/invoices/${invoice.id}/pdf`).set('authorization', theirOwner),
      404,
      'not-found',
    );
    expect((await http().get(`/api/v1/invoices/${invoice.id}`).set('authorization', owner)).body.emailedAt).toBeNull();
  });
});
