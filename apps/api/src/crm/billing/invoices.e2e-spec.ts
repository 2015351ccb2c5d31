import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('invoices', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let leeds: string;
  let bristol: string;
  let riverside: { id: string };
  let bristolClient: { id: string };
  let orgWidePolicy: { id: string };
  let leedsJunePolicy: { id: string };

  const http = () => app.http();
  const create = (auth: string, body: object) => http().post('/api/v1/invoices').set('authorization', auth).send(body);
  const get = (auth: string, id: string) => http().get(`/api/v1/invoices/${id}`).set('authorization', auth);
  const issue = (auth: string, id: string, body: object) =>
    http().post(`/api/v1/invoices/${id}/issue`).set('authorization', auth).send(body);
  const pay = (auth: string, id: string, body: object) =>
    http().post(`/api/v1/invoices/${id}/payments`).set('authorization', auth).send(body);
  const voidIt = (auth: string, id: string, version: number) =>
    http().post(`/api/v1/invoices/${id}/void`).set('authorization', auth).send({ version });

  /** 1.5 × 85.00 at 20%, 3 × 19.99 at 5%, a free call-out: 187.47 net, 28.50 tax, 215.97. */
  const serviceLines = () => [
    { description: 'Boiler service', quantity: 1.5, unitPriceMinor: 8500, taxCode: 'STD' },
    { description: 'Parts', quantity: 3, unitPriceMinor: 1999, taxCode: 'RED' },
    { description: 'Call-out', quantity: 1, unitPriceMinor: 0, taxCode: 'ZERO' },
  ];
  const draft = (overrides: object = {}) => ({
    clientId: riverside.id,
    currency: 'GBP',
    lines: serviceLines(),
    ...overrides,
  });
  const newClient = async (name: string, branchId: string) =>
    (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'company', name, branchId })
        .expect(201)
    ).body;
  const insertJob = async (clientId: string, status: string) => {
    const [row] = await app.db.query<{ id: string }>(
      `INSERT INTO jobs (organization_id, branch_id, number, client_id, title_enc, status, version)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM jobs), $3, '\\x00'::bytea, $4, 1) RETURNING id`,
      [org.organizationId, leeds, clientId, status],
    );
    return row.id;
  };

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'admin', 'manager', 'agent', 'viewer', 'privacy_officer']);
    owner = await bearerFor(app, org.users.owner.email);
    const branch = async (name: string) =>
      (await http().post('/api/v1/branches').set('authorization', owner).send({ name }).expect(201)).body.id;
    leeds = await branch('Leeds');
    bristol = await branch('Bristol');
    for (const role of ['manager', 'agent']) {
      const { version } = (await http().get(`/api/v1/users/${org.users[role].id}`).set('authorization', owner)).body;
      await http()
        .patch(`/api/v1/users/${org.users[role].id}`)
        .set('authorization', owner)
        .send({ version, branchIds: [leeds] })
        .expect(200);
    }
    const policy = async (body: object) =>
      (await http().post('/api/v1/tax-policies').set('authorization', owner).send(body).expect(201)).body;
    orgWidePolicy = await policy({
      name: 'UK VAT',
      pricing: 'exclusive',
      rates: [
        { code: 'STD', name: 'Standard', basisPoints: 2000 },
        { code: 'RED', name: 'Reduced', basisPoints: 500 },
        { code: 'ZERO', name: 'Zero', basisPoints: 0 },
      ],
      effectiveFrom: '2020-01-01',
    });
    leedsJunePolicy = await policy({
      name: 'Leeds June promotion',
      branchId: leeds,
      pricing: 'inclusive',
      rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
      effectiveFrom: '2026-06-01',
      effectiveTo: '2026-06-30',
    });
    const client = await http()
      .post('/api/v1/clients')
      .set('authorization', owner)
      .send({
        kind: 'company',
        name: 'Riverside Plumbing Ltd',
        email: 'accounts@riverside-plumbing.example',
        address: { line1: '12 Wharf Street', city: 'Leeds', postcode: 'LS2 7EQ', country: 'GB' },
        branchId: leeds,
      })
      .expect(201);
    riverside = client.body;
    bristolClient = await newClient('Severn Bakery', bristol);
  });
  afterAll(() => app.close());

  it('should draft, issue and pay an invoice, with its activity log', async () => {
    const created = await create(owner, draft()).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      clientId: riverside.id,
      branchId: leeds,
      currency: 'GBP',
      issueDate: null,
      dueDate: null,
      taxPolicyId: orgWidePolicy.id,
      pricing: 'exclusive',
      subtotalMinor: 18_747,
      taxMinor: 2850,
      totalMinor: 21_597,
      paidMinor: 0,
      balanceMinor: 21_597,
      overdue: false,
      billTo: {
        name: 'Riverside Plumbing Ltd',
        email: 'accounts@riverside-plumbing.example',
        address: { line1: '12 Wharf Street', city: 'Leeds', postcode: 'LS2 7EQ', country: 'GB' },
      },
      deidentified: false,
      version: 1,
    });
    expect(created.body.displayNumber).toBe(`INV-${String(created.body.number).padStart(5, '0')}`);
    expect(created.body.lines[0]).toEqual({
      description: 'Boiler service',
      quantity: 1.5,
      quantityMilli: 1500,
      unitPriceMinor: 8500,
      taxCode: 'STD',
      taxBasisPoints: 2000,
      netMinor: 12_750,
      taxMinor: 2550,
      grossMinor: 15_300,
    });
    expect(created.body.lines[1]).toMatchObject({ netMinor: 5997, taxMinor: 300, grossMinor: 6297 });
    const id = created.body.id;
    const next = await create(owner, draft()).expect(201);
    expect(next.body.number).toBe(created.body.number + 1);

    const issued = await issue(owner, id, { version: 1, issueDate: '2026-03-02' }).expect(200);
    expect(issued.body).toMatchObject({
      status: 'issued',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      totalMinor: 21_597,
      version: 2,
    });

    const first = await pay(owner, id, { amountMinor: 10_000, paidOn: '2026-03-10', method: 'bank_transfer' }).expect(
      201,
    );
    expect(first.body.payment).toMatchObject({
      invoiceId: id,
      amountMinor: 10_000,
      paidOn: '2026-03-10',
      method: 'bank_transfer',
      reference: null,
      recordedBy: org.users.owner.id,
    });
    expect(first.body.invoice).toMatchObject({ status: 'issued', paidMinor: 10_000, balanceMinor: 11_597 });

    const over = await pay(owner, id, { amountMinor: 11_598, paidOn: '2026-03-11', method: 'card' });
    expectProblem(over, 409, 'conflict');
    expect(over.body.balanceMinor).toBe(11_597);

    const rest = await pay(owner, id, {
      amountMinor: 11_597,
      paidOn: '2026-03-12',
      method: 'card',
      reference: 'Card ending 4242',
    }).expect(201);
    expect(rest.body.invoice).toMatchObject({ status: 'paid', paidMinor: 21_597, balanceMinor: 0 });
    expectProblem(await pay(owner, id, { amountMinor: 1, paidOn: '2026-03-12', method: 'cash' }), 409, 'conflict');

    const payments = await http().get(`/api/v1/invoices/${id}/payments`).set('authorization', owner).expect(200);
    expect(payments.body.items.map((item: { amountMinor: number }) => item.amountMinor)).toEqual([10_000, 11_597]);

    const activity = await http().get(`/api/v1/invoices/${id}/activity`).set('authorization', owner).expect(200);
    expect(activity.body.items.map((item: { action: string; fields: string[] }) => [item.action, item.fields])).toEqual(
      [
        ['updated', ['paidMinor', 'status']],
        ['updated', ['paidMinor']],
        ['updated', ['dueDate', 'issueDate', 'status']],
        ['created', []],
      ],
    );
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'user', actorId: org.users.owner.id });
  });

  it('should price with the branch’s policy on the invoice date, else the organization’s', async () => {
    const juneLines = [
      { description: 'Boiler service', quantity: 1.5, unitPriceMinor: 8500, taxCode: 'STD' },
      { description: 'Filter', quantity: 1, unitPriceMinor: 1000, taxCode: 'STD' },
    ];
    // Inclusive: 127.50 holds 106.25 + 21.25; 10.00 holds 8.33 (8.333… rounded) + 1.67.
    const june = await create(owner, draft({ lines: juneLines, issueDate: '2026-06-15' })).expect(201);
    expect(june.body).toMatchObject({
      taxPolicyId: leedsJunePolicy.id,
      pricing: 'inclusive',
      subtotalMinor: 11_458,
      taxMinor: 2292,
      totalMinor: 13_750,
    });
    expect(
      june.body.lines.map((line: { netMinor: number; taxMinor: number }) => [line.netMinor, line.taxMinor]),
    ).toEqual([
      [10_625, 2125],
      [833, 167],
    ]);

    // The same lines in Bristol, or in Leeds in July: the organization's exclusive policy.
    const bristolJune = await create(
      owner,
      draft({ clientId: bristolClient.id, lines: juneLines, issueDate: '2026-06-15' }),
    ).expect(201);
    expect(bristolJune.body).toMatchObject({ taxPolicyId: orgWidePolicy.id, pricing: 'exclusive', totalMinor: 16_500 });

    // Issuing in July re-prices the June draft with the policy in effect then, and freezes that.
    const issued = await issue(owner, june.body.id, { version: 1, issueDate: '2026-07-01' }).expect(200);
    expect(issued.body).toMatchObject({
      taxPolicyId: orgWidePolicy.id,
      pricing: 'exclusive',
      subtotalMinor: 13_750,
      taxMinor: 2750,
      totalMinor: 16_500,
      issueDate: '2026-07-01',
      dueDate: '2026-07-31',
    });

    // A code the policy of that day does not have is named by its line.
    const reduced = await create(
      owner,
      draft({ lines: [juneLines[0], { ...juneLines[1], taxCode: 'RED' }], issueDate: '2026-06-15' }),
    );
    expectProblem(reduced, 400, 'validation-failed');
    expect(reduced.body.errors).toEqual([
      {
        field: 'lines[1].taxCode',
        message: 'RED is not a rate of the tax policy "Leeds June promotion" in effect on 2026-06-15 (STD)',
      },
    ]);
    // …also when a draft priced in July is issued into June.
    const july = await create(owner, draft({ issueDate: '2026-07-15' })).expect(201);
    const intoJune = await issue(owner, july.body.id, { version: 1, issueDate: '2026-06-10' });
    expectProblem(intoJune, 400, 'validation-failed');
    expect(intoJune.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'lines[1].taxCode',
      'lines[2].taxCode',
    ]);

    // No policy at all that day: nothing to price with.
    const tooEarly = await create(owner, draft({ issueDate: '2019-12-31' }));
    expectProblem(tooEarly, 409, 'conflict');
    expect(tooEarly.body.detail).toContain('No tax policy is in effect on 2019-12-31');
  });

  it('should round halves up in integers, not floats', async () => {
    // 1.005 × 1.00 = 1.005 → 1.01 (as floats 1.005 * 100 is 100.4999…, which would round to 1.00)
    const created = await create(
      owner,
      draft({ lines: [{ description: 'Washer', quantity: 1.005, unitPriceMinor: 100, taxCode: 'STD' }] }),
    ).expect(201);
    expect(created.body.lines[0]).toMatchObject({ quantityMilli: 1005, netMinor: 101, taxMinor: 20, grossMinor: 121 });
    const tenth = await create(
      owner,
      draft({ lines: [{ description: 'Tape', quantity: 0.1, unitPriceMinor: 5, taxCode: 'RED' }] }),
    ).expect(201);
    // 0.1 × 0.05 = 0.005 → 0.01 net; 5% of 0.01 → 0.00
    expect(tenth.body).toMatchObject({ subtotalMinor: 1, taxMinor: 0, totalMinor: 1 });
  });

  it('should change drafts only, recompute them, and freeze the totals when issued', async () => {
    const created = (await create(owner, draft({ issueDate: '2026-03-01' })).expect(201)).body;
    const patched = await http()
      .patch(`/api/v1/invoices/${created.id}`)
      .set('authorization', owner)
      .send({
        version: 1,
        currency: 'EUR',
        dueDate: '2026-03-15',
        lines: [{ description: 'Inspection', quantity: 2, unitPriceMinor: 5000, taxCode: 'STD' }],
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      currency: 'EUR',
      issueDate: '2026-03-01',
      dueDate: '2026-03-15',
      subtotalMinor: 10_000,
      taxMinor: 2000,
      totalMinor: 12_000,
      version: 2,
    });
    // Moving the planned date into Leeds's June re-prices the draft with that policy.
    const moved = await http()
      .patch(`/api/v1/invoices/${created.id}`)
      .set('authorization', owner)
      .send({ version: 2, issueDate: '2026-06-02', dueDate: null })
      .expect(200);
    expect(moved.body).toMatchObject({ pricing: 'inclusive', totalMinor: 10_000, taxMinor: 1667, dueDate: null });
    expectProblem(
      await http()
        .patch(`/api/v1/invoices/${created.id}`)
        .set('authorization', owner)
        .send({ version: 3, issueDate: '2026-06-20', dueDate: '2026-06-19' }),
      400,
      'validation-failed',
    );

    await http()
      .patch(`/api/v1/invoices/${created.id}`)
      .set('authorization', owner)
      .send({ version: 3, issueDate: null })
      .expect(200);
    const issued = (await issue(owner, created.id, { version: 4 }).expect(200)).body;
    // Issued today: the organization's policy, due 30 days later.
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(issued).toMatchObject({ issueDate: today, dueDate: due, pricing: 'exclusive', totalMinor: 12_000 });
    expectProblem(
      await http()
        .patch(`/api/v1/invoices/${created.id}`)
        .set('authorization', owner)
        .send({ version: issued.version, lines: serviceLines() }),
      409,
      'conflict',
    );
    expectProblem(await issue(owner, created.id, { version: issued.version }), 409, 'conflict');
    // Nothing after issue re-prices it: a payment leaves the totals alone.
    await pay(owner, created.id, { amountMinor: 100, paidOn: today, method: 'cash' }).expect(201);
    const [row] = await app.db.query<{ total_minor: string; tax_policy_id: string }>(
      'SELECT total_minor::text AS total_minor, tax_policy_id FROM invoices WHERE id = $1',
      [created.id],
    );
    expect(row).toMatchObject({ total_minor: '12000', tax_policy_id: orgWidePolicy.id });
    expect((await get(owner, created.id).expect(200)).body.lines).toEqual(issued.lines);
  });

  it('should keep issued totals even if the rates of their policy change behind the API', async () => {
    const york = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'York' }).expect(201))
      .body.id;
    const yorkPolicy = (
      await http()
        .post('/api/v1/tax-policies')
        .set('authorization', owner)
        .send({
          name: 'York VAT',
          branchId: york,
          pricing: 'exclusive',
          rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
          effectiveFrom: '2026-01-01',
        })
        .expect(201)
    ).body;
    const client = await newClient('Minster Glass', york);
    const yorkDraft = () =>
      create(
        owner,
        draft({
          clientId: client.id,
          lines: [{ description: 'Glazing', quantity: 1, unitPriceMinor: 10_000, taxCode: 'STD' }],
        }),
      ).expect(201);
    const made = (await yorkDraft()).body;
    const issuedInYork = (await issue(owner, made.id, { version: 1, issueDate: '2026-03-01' }).expect(200)).body;
    const draftBefore = (await yorkDraft()).body;
    expect(issuedInYork).toMatchObject({ taxPolicyId: yorkPolicy.id, totalMinor: 12_000 });

    // The API refuses this change (issued invoices used the policy); a database edit does not.
    await app.db.query(
      `UPDATE tax_policies SET rates = '[{"code":"STD","name":"Standard","basisPoints":2500}]' WHERE id = $1`,
      [yorkPolicy.id],
    );
    expect((await get(owner, issuedInYork.id)).body).toMatchObject({ taxMinor: 2000, totalMinor: 12_000 });
    expect((await get(owner, issuedInYork.id)).body.lines[0].taxBasisPoints).toBe(2000);
    // Drafts are previews: re-priced when changed or issued.
    expect((await get(owner, draftBefore.id)).body.totalMinor).toBe(12_000);
    const reissued = await issue(owner, draftBefore.id, { version: 1, issueDate: '2026-03-01' }).expect(200);
    expect(reissued.body).toMatchObject({ taxMinor: 2500, totalMinor: 12_500 });
  });

  it('should delete drafts only, void issued invoices only, and take payments on issued ones only', async () => {
    const toDelete = (await create(owner, draft()).expect(201)).body;
    expectProblem(await voidIt(owner, toDelete.id, 1), 409, 'conflict');
    expectProblem(
      await pay(owner, toDelete.id, { amountMinor: 1, paidOn: '2026-03-01', method: 'cash' }),
      409,
      'conflict',
    );
    await http().delete(`/api/v1/invoices/${toDelete.id}`).set('authorization', owner).expect(204);
    expectProblem(await get(owner, toDelete.id), 404, 'not-found');

    const issued = (await issue(owner, (await create(owner, draft()).expect(201)).body.id, { version: 1 }).expect(200))
      .body;
    const refused = await http().delete(`/api/v1/invoices/${issued.id}`).set('authorization', owner);
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toBe(
      'Only drafts can be deleted; this invoice is issued; issued invoices are kept (void one instead)',
    );
    expectProblem(await voidIt(owner, issued.id, issued.version - 1), 409, 'conflict');
    const voided = await voidIt(owner, issued.id, issued.version).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', balanceMinor: 0 });
    expectProblem(await voidIt(owner, issued.id, voided.body.version), 409, 'conflict');
    expectProblem(
      await pay(owner, issued.id, { amountMinor: 1, paidOn: '2026-03-01', method: 'cash' }),
      409,
      'conflict',
    );
    expectProblem(await http().delete(`/api/v1/invoices/${issued.id}`).set('authorization', owner), 409, 'conflict');

    const paid = (await issue(owner, (await create(owner, draft()).expect(201)).body.id, { version: 1 }).expect(200))
      .body;
    const settled = (
      await pay(owner, paid.id, { amountMinor: 21_597, paidOn: '2026-03-01', method: 'cheque' }).expect(201)
    ).body.invoice;
    const paidVoid = await voidIt(owner, paid.id, settled.version);
    expectProblem(paidVoid, 409, 'conflict');
    expect(paidVoid.body.detail).toBe('A paid invoice cannot be voided');
  });

  it('should refuse a stale version instead of overwriting', async () => {
    const { id } = (await create(owner, draft()).expect(201)).body;
    await http()
      .patch(`/api/v1/invoices/${id}`)
      .set('authorization', owner)
      .send({ version: 1, currency: 'EUR' })
      .expect(200);
    expectProblem(
      await http().patch(`/api/v1/invoices/${id}`).set('authorization', owner).send({ version: 1, currency: 'USD' }),
      409,
      'conflict',
    );
    expectProblem(await issue(owner, id, { version: 1 }), 409, 'conflict');
    expect((await get(owner, id)).body).toMatchObject({ currency: 'EUR', status: 'draft' });
  });

  it('should answer bad input with field messages', async () => {
    const bad = await create(owner, {
      clientId: 'riverside',
      currency: 'gbp',
      issueDate: '2026-02-30',
      lines: [
        { description: '', quantity: 1.0005, unitPriceMinor: -1, taxCode: 'std' },
        { description: 'Ok', quantity: 0, unitPriceMinor: 1.5, taxCode: 'STD' },
        { description: 'Ok', quantity: '2', unitPriceMinor: 100, taxCode: 'STD', discount: 5 },
      ],
    });
    expectProblem(bad, 400, 'validation-failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'clientId',
      'currency',
      'issueDate',
      'lines.0.description',
      'lines.0.quantity',
      'lines.0.taxCode',
      'lines.0.unitPriceMinor',
      'lines.1.quantity',
      'lines.1.unitPriceMinor',
      'lines.2.discount',
      'lines.2.quantity',
    ]);
    expect(bad.body.errors).toContainEqual({
      field: 'lines.0.quantity',
      message: 'quantity must be a number above 0 and up to 1000000, with at most three decimals',
    });
    expectProblem(await create(owner, draft({ lines: [] })), 400, 'validation-failed');
    const tiny = await create(
      owner,
      draft({ lines: [{ description: 'x', quantity: 1e-7, unitPriceMinor: 1, taxCode: 'STD' }] }),
    );
    expectProblem(tiny, 400, 'validation-failed');

    const fieldOf = async (response: Promise<{ body: { errors: { field: string }[] } }>) =>
      (await response).body.errors.map((error) => error.field);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await fieldOf(create(owner, draft({ clientId: unknown })))).toEqual(['clientId']);
    expect(await fieldOf(create(owner, draft({ jobId: unknown })))).toEqual(['jobId']);
    const otherClientsJob = await insertJob(bristolClient.id, 'completed');
    expect(await fieldOf(create(owner, draft({ jobId: otherClientsJob })))).toEqual(['jobId']);
    expect(await fieldOf(create(owner, draft({ branchId: unknown })))).toEqual(['branchId']);
    expect(await fieldOf(create(owner, draft({ issueDate: '2026-03-02', dueDate: '2026-03-01' })))).toEqual([
      'dueDate',
    ]);
    const huge = await create(
      owner,
      draft({
        lines: [{ description: 'Ship', quantity: 1_000_000, unitPriceMinor: 100_000_000_000_000, taxCode: 'STD' }],
      }),
    );
    expectProblem(huge, 400, 'validation-failed');
    expect(huge.body.errors).toEqual([{ field: 'lines', message: 'the amounts of this invoice are too large' }]);

    const { id } = (await create(owner, draft()).expect(201)).body;
    await issue(owner, id, { version: 1 }).expect(200);
    const badPayment = await pay(owner, id, { amountMinor: 0, paidOn: 'yesterday', method: 'bitcoin' });
    expectProblem(badPayment, 400, 'validation-failed');
    expect(badPayment.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'amountMinor',
      'method',
      'paidOn',
    ]);
    const cardNumber = await pay(owner, id, {
      amountMinor: 100,
      paidOn: '2026-03-01',
      method: 'card',
      reference: '4111 1111 1111 1111',
    });
    expectProblem(cardNumber, 400, 'validation-failed');
    expect(cardNumber.body.errors[0].field).toBe('reference');

    expectProblem(
      await http().get('/api/v1/invoices?overdue=yes').set('authorization', owner),
      400,
      'validation-failed',
    );
    expectProblem(
      await http().get('/api/v1/invoices?status=sent').set('authorization', owner),
      400,
      'validation-failed',
    );
    expectProblem(await get(owner, 'not-a-uuid'), 400, 'bad-request');
    expectProblem(await get(owner, unknown), 404, 'not-found');
    expectProblem(await issue(owner, unknown, { version: 1 }), 404, 'not-found');
    expectProblem(
      await pay(owner, unknown, { amountMinor: 1, paidOn: '2026-03-01', method: 'cash' }),
      404,
      'not-found',
    );
  });

  it('should list by status, client, branch and overdue, page by page', async () => {
    const lister = await newClient('Listed Ltd', leeds);
    const mine = (body: object) => create(owner, draft({ clientId: lister.id, ...body })).expect(201);
    const a = (await mine({})).body;
    const b = (await mine({})).body;
    const c = (await mine({})).body;
    await issue(owner, b.id, { version: 1, issueDate: '2026-01-01', dueDate: '2026-01-31' }).expect(200);
    await issue(owner, c.id, { version: 1 }).expect(200);

    const ids = async (query: string) =>
      (await http().get(`/api/v1/invoices?${query}`).set('authorization', owner).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids(`clientId=${lister.id}`)).toEqual([c.id, b.id, a.id]);
    expect(await ids(`clientId=${lister.id}&status=draft`)).toEqual([a.id]);
    expect(await ids(`clientId=${lister.id}&overdue=true`)).toEqual([b.id]);
    const overdue = (await get(owner, b.id)).body;
    expect(overdue.overdue).toBe(true);
    expect(await ids(`clientId=${lister.id}&branchId=${bristol}`)).toEqual([]);
    expect((await ids(`branchId=${bristol}`)).length).toBeGreaterThan(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await http()
        .get(`/api/v1/invoices?clientId=${lister.id}&limit=2&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', owner)
        .expect(200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([a.id, b.id, c.id]);
  });

  it('should move a completed job to invoiced when its invoice is issued, with an activity entry', async () => {
    const completed = await insertJob(riverside.id, 'completed');
    const running = await insertJob(riverside.id, 'in_progress');
    const forCompleted = (await create(owner, draft({ jobId: completed })).expect(201)).body;
    const forRunning = (await create(owner, draft({ jobId: running })).expect(201)).body;
    expect(forCompleted.jobId).toBe(completed);
    const jobs = async () =>
      Object.fromEntries(
        (
          await app.db.query<{ id: string; status: string; version: number }>(
            'SELECT id, status, version FROM jobs WHERE id = ANY($1::uuid[])',
            [[completed, running]],
          )
        ).map((row) => [row.id, [row.status, row.version]]),
      );
    expect(await jobs()).toEqual({ [completed]: ['completed', 1], [running]: ['in_progress', 1] });

    await issue(owner, forCompleted.id, { version: 1 }).expect(200);
    await issue(owner, forRunning.id, { version: 1 }).expect(200);
    expect(await jobs()).toEqual({ [completed]: ['invoiced', 2], [running]: ['in_progress', 1] });
    const entries = await app.db.query<{ record_id: string; action: string; fields: string[]; actor_id: string }>(
      "SELECT record_id, action, fields, actor_id FROM crm_activity WHERE record_type = 'job'",
    );
    expect(entries).toEqual([
      { record_id: completed, action: 'updated', fields: ['status'], actor_id: org.users.owner.id },
    ]);
  });

  it('should price lines for the editor without saving anything', async () => {
    const quote = (auth: string, body: object) =>
      http().post('/api/v1/invoices/quote').set('authorization', auth).send(body);
    const [{ before }] = await app.db.query<{ before: number }>('SELECT count(*)::int AS before FROM invoices');
    const june = await quote(owner, {
      branchId: leeds,
      date: '2026-06-15',
      currency: 'GBP',
      lines: [{ description: 'Boiler service', quantity: 1.5, unitPriceMinor: 8500, taxCode: 'STD' }],
    }).expect(200);
    expect(june.body).toMatchObject({
      taxPolicyId: leedsJunePolicy.id,
      taxPolicyName: 'Leeds June promotion',
      pricing: 'inclusive',
      currency: 'GBP',
      subtotalMinor: 10_625,
      taxMinor: 2125,
      totalMinor: 12_750,
    });
    expect(june.body.lines[0]).toMatchObject({ quantity: 1.5, grossMinor: 12_750 });
    const empty = await quote(owner, { branchId: bristol, currency: 'GBP', lines: [] }).expect(200);
    expect(empty.body).toMatchObject({ taxPolicyId: orgWidePolicy.id, totalMinor: 0, lines: [] });
    const [{ after }] = await app.db.query<{ after: number }>('SELECT count(*)::int AS after FROM invoices');
    expect(after).toBe(before);

    const wrongCode = await quote(owner, {
      branchId: leeds,
      date: '2026-06-15',
      currency: 'GBP',
      lines: [{ description: 'x', quantity: 1, unitPriceMinor: 1, taxCode: 'ZERO' }],
    });
    expectProblem(wrongCode, 400, 'validation-failed');
    expect(wrongCode.body.errors[0].field).toBe('lines[0].taxCode');
    expectProblem(
      await quote(owner, { branchId: leeds, date: '2019-01-01', currency: 'GBP', lines: [] }),
      404,
      'not-found',
    );
    const manager = await bearerFor(app, org.users.manager.email);
    expectProblem(await quote(manager, { branchId: bristol, currency: 'GBP', lines: [] }), 403, 'forbidden');
    const viewer = await bearerFor(app, org.users.viewer.email);
    await quote(viewer, { branchId: leeds, currency: 'GBP', lines: [] }).expect(200);
  });

  it('should keep managers to their branches', async () => {
    const manager = await bearerFor(app, org.users.manager.email);
    const inBristol = (await create(owner, draft({ clientId: bristolClient.id })).expect(201)).body;
    const inLeeds = (await create(manager, draft()).expect(201)).body;
    expect(inLeeds.branchId).toBe(leeds);

    const listed = await http().get('/api/v1/invoices?limit=100').set('authorization', manager).expect(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((item: { branchId: string }) => item.branchId === leeds)).toBe(true);
    expectProblem(await get(manager, inBristol.id), 404, 'not-found');
    expectProblem(await issue(manager, inBristol.id, { version: 1 }), 404, 'not-found');
    expectProblem(
      await http().get(`/api/v1/invoices/${inBristol.id}/payments`).set('authorization', manager),
      404,
      'not-found',
    );
    // A Bristol client is unknown to them; a Leeds client billed from Bristol is not theirs to make.
    expect((await create(manager, draft({ clientId: bristolClient.id }))).body.errors[0].field).toBe('clientId');
    expectProblem(await create(manager, draft({ branchId: bristol })), 403, 'forbidden');

    const issued = (await issue(manager, inLeeds.id, { version: 1 }).expect(200)).body;
    await pay(manager, issued.id, { amountMinor: 500, paidOn: '2026-03-01', method: 'cash' }).expect(201);
    expect((await get(owner, inBristol.id)).body.status).toBe('draft');
  });

  it('should refuse privacy officers, keep agents to their jobs’ invoices, and let viewers only read', async () => {
    const { id } = (await create(owner, draft()).expect(201)).body;
    const officer = await bearerFor(app, org.users.privacy_officer.email);
    expectProblem(await http().get('/api/v1/invoices').set('authorization', officer), 403, 'forbidden');
    expectProblem(await get(officer, id), 403, 'forbidden');
    expectProblem(await create(officer, draft()), 403, 'forbidden');
    expectProblem(await http().get(`/api/v1/invoices/${id}/payments`).set('authorization', officer), 403, 'forbidden');
    // An agent holds payments:write: invoices of jobs assigned to them only (client-money.e2e-spec.ts).
    const agent = await bearerFor(app, org.users.agent.email);
    expect((await http().get('/api/v1/invoices').set('authorization', agent).expect(200)).body.items).toEqual([]);
    expectProblem(await get(agent, id), 404, 'not-found');
    expectProblem(await create(agent, draft()), 403, 'forbidden');
    expectProblem(await http().get(`/api/v1/invoices/${id}/payments`).set('authorization', agent), 404, 'not-found');
    const viewer = await bearerFor(app, org.users.viewer.email);
    await http().get('/api/v1/invoices').set('authorization', viewer).expect(200);
    await get(viewer, id).expect(200);
    await http().get(`/api/v1/invoices/${id}/activity`).set('authorization', viewer).expect(200);
    await http().get(`/api/v1/invoices/${id}/payments`).set('authorization', viewer).expect(200);
    expectProblem(await create(viewer, draft()), 403, 'forbidden');
    expectProblem(
      await http().patch(`/api/v1/invoices/${id}`).set('authorization', viewer).send({ version: 1, currency: 'EUR' }),
      403,
      'forbidden',
    );
    expectProblem(await issue(viewer, id, { version: 1 }), 403, 'forbidden');
    expectProblem(await voidIt(viewer, id, 1), 403, 'forbidden');
    expectProblem(await pay(viewer, id, { amountMinor: 1, paidOn: '2026-03-01', method: 'cash' }), 403, 'forbidden');
    expectProblem(await http().delete(`/api/v1/invoices/${id}`).set('authorization', viewer), 403, 'forbidden');
    const admin = await bearerFor(app, org.users.admin.email);
    await issue(admin, id, { version: 1 }).expect(200);
  });

  it('should let API keys read with invoices:read, and write with invoices:write', async () => {
    const key = async (scopes: string[]) =>
      (
        await http()
          .post('/api/v1/api-keys')
          .set('authorization', owner)
          .send({ name: `Accounting ${scopes.join(' ')}`, scopes })
          .expect(201)
      ).body.secret;
    const reader = await key(['invoices:read']);
    const { id } = (await create(owner, draft()).expect(201)).body;
    await http().get('/api/v1/invoices').set('x-api-key', reader).expect(200);
    await http().get(`/api/v1/invoices/${id}`).set('x-api-key', reader).expect(200);
    expectProblem(await http().post('/api/v1/invoices').set('x-api-key', reader).send(draft()), 403, 'forbidden');
    expectProblem(
      await http().post(`/api/v1/invoices/${id}/issue`).set('x-api-key', reader).send({ version: 1 }),
      403,
      'forbidden',
    );

    const writer = await key(['invoices:read', 'invoices:write']);
    const made = await http().post('/api/v1/invoices').set('x-api-key', writer).send(draft()).expect(201);
    await http()
      .post(`/api/v1/invoices/${made.body.id}/issue`)
      .set('x-api-key', writer)
      .send({ version: 1 })
      .expect(200);
    const paid = await http()
      .post(`/api/v1/invoices/${made.body.id}/payments`)
      .set('x-api-key', writer)
      .send({ amountMinor: 100, paidOn: '2026-03-01', method: 'bank_transfer' })
      .expect(201);
    expect(paid.body.payment.recordedBy).toBeNull();
    const activity = await http().get(`/api/v1/invoices/${made.body.id}/activity`).set('x-api-key', writer).expect(200);
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'api_key', actorName: null });
  });
});
