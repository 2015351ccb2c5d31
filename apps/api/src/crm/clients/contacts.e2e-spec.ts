import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';

describe('contacts, contact lists, CSV import and export', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let leeds: string;
  let clientId: string;

  const http = () => app.http();
  const create = (auth: string, body: object) => http().post('/api/v1/contacts').set('authorization', auth).send(body);
  const names = (response: { body: { items: { fullName: string }[] } }) =>
    response.body.items.map((item) => item.fullName).sort();

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner', 'agent']);
    owner = await bearerFor(app, org.users.owner.email);
    leeds = (await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' }).expect(201)).body
      .id;
    clientId = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'company', name: 'Riverside Plumbing', branchId: leeds })
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  it('should create a contact at a client, in its branch, and keep it sealed', async () => {
    const created = await create(owner, {
      clientId,
      fullName: 'Rita Rivers',
      email: 'Rita@Riverside.example',
      phone: '07700 900123',
      jobTitle: 'Office manager',
      tags: ['decision-maker'],
    }).expect(201);
    expect(created.body).toMatchObject({
      clientId,
      branchId: leeds,
      fullName: 'Rita Rivers',
      jobTitle: 'Office manager',
    });
    const [row] = await app.db.query<Record<string, unknown>>('SELECT * FROM contacts WHERE id = $1', [
      created.body.id,
    ]);
    const raw = JSON.stringify(
      Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : value)),
    );
    for (const plain of ['Rita', 'riverside', '900123', 'Office manager']) expect(raw).not.toContain(plain);

    const found = await http()
      .get(`/api/v1/contacts?clientId=${clientId}&q=rita`)
      .set('authorization', owner)
      .expect(200);
    expect(names(found)).toEqual(['Rita Rivers']);
    const byPhone = await http().get('/api/v1/contacts?q=900123').set('authorization', owner).expect(200);
    expect(names(byPhone)).toEqual(['Rita Rivers']);
  });

  it('should need a branch when there is no client, and refuse unknown clients', async () => {
    const missing = await create(owner, { fullName: 'Solo Person' });
    expectProblem(missing, 400, 'validation-failed');
    expect(missing.body.errors[0].field).toBe('branchId');
    await create(owner, { fullName: 'Solo Person', branchId: leeds }).expect(201);
    const unknown = await create(owner, { fullName: 'X', clientId: '00000000-0000-4000-8000-000000000000' });
    expectProblem(unknown, 400, 'validation-failed');
    expect(unknown.body.errors[0].field).toBe('clientId');
  });

  it('should keep static lists and saved filters', async () => {
    const a = (await create(owner, { fullName: 'Alice Static', branchId: leeds, tags: ['newsletter'] }).expect(201))
      .body;
    await create(owner, { fullName: 'Bob Filtered', branchId: leeds, tags: ['newsletter', 'boiler'] }).expect(201);
    const list = (
      await http()
        .post('/api/v1/contact-lists')
        .set('authorization', owner)
        .send({ name: 'Hand-picked', kind: 'static' })
        .expect(201)
    ).body;
    await http()
      .post(`/api/v1/contact-lists/${list.id}/members`)
      .set('authorization', owner)
      .send({ contactIds: [a.id, a.id] })
      .expect(200, { added: 1 });
    expect(names(await http().get(`/api/v1/contacts?listId=${list.id}`).set('authorization', owner))).toEqual([
      'Alice Static',
    ]);

    const saved = (
      await http()
        .post('/api/v1/contact-lists')
        .set('authorization', owner)
        .send({ name: 'Boiler people', kind: 'saved_filter', filter: { tag: 'boiler' } })
        .expect(201)
    ).body;
    expect(names(await http().get(`/api/v1/contacts?listId=${saved.id}`).set('authorization', owner))).toEqual([
      'Bob Filtered',
    ]);
    expectProblem(
      await http()
        .post('/api/v1/contact-lists')
        .set('authorization', owner)
        .send({ name: 'Bad', kind: 'saved_filter', filter: { q: 'smith' } }),
      400,
      'validation-failed',
    );
    const lists = await http().get('/api/v1/contact-lists').set('authorization', owner).expect(200);
    expect(
      lists.body.items.map((item: { name: string; memberCount: number | null }) => [item.name, item.memberCount]),
    ).toEqual([
      ['Boiler people', null],
      ['Hand-picked', 1],
    ]);
    await http().delete(`/api/v1/contact-lists/${list.id}/members/${a.id}`).set('authorization', owner).expect(204);
    expectProblem(
      await http().delete(`/api/v1/contact-lists/${list.id}/members/${a.id}`).set('authorization', owner),
      404,
      'not-found',
    );
  });

  it("should refuse a saved filter naming another organization's client, branch or person", async () => {
    const other = await createOrganization(app, ['owner']);
    const otherOwner = await bearerFor(app, other.users.owner.email);
    const otherBranch = (
      await http().post('/api/v1/branches').set('authorization', otherOwner).send({ name: 'Theirs' }).expect(201)
    ).body.id;
    const otherClient = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', otherOwner)
        .send({ kind: 'company', name: 'Not yours', branchId: otherBranch })
        .expect(201)
    ).body.id;
    const save = (filter: object) =>
      http()
        .post('/api/v1/contact-lists')
        .set('authorization', owner)
        .send({ name: 'Probe', kind: 'saved_filter', filter });
    for (const [field, filter] of [
      ['filter.clientId', { clientId: otherClient }],
      ['filter.branchId', { branchId: otherBranch }],
      ['filter.ownerId', { ownerId: other.users.owner.id }],
    ] as const) {
      const response = await save(filter);
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const stored = await app.db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM contact_lists WHERE filter->>'clientId' = $1",
      [otherClient],
    );
    expect(stored[0].n).toBe('0');
    // The organization's own references still save, and a change is checked like a create.
    const own = (await save({ clientId, branchId: leeds, ownerId: org.users.owner.id }).expect(201)).body;
    expectProblem(
      await http()
        .patch(`/api/v1/contact-lists/${own.id}`)
        .set('authorization', owner)
        .send({ version: own.version ?? 1, filter: { clientId: otherClient } }),
      400,
      'validation-failed',
    );
  });

  it('should import CSV row by row, reporting bad rows by number and field, once per field, as sentences', async () => {
    const csv = [
      'Name,Email,Phone,Branch,Tags,City,Country',
      'Carla Csv,carla@example.test,+44 113 000 0001,Leeds,vip;newsletter,Leeds,gb',
      'No Email,,,,,,',
      'Bad Email,not-an-email,,Leeds,,,',
      'Dup Email,carla@example.test,,Leeds,,,',
      'Wrong Branch,w@example.test,,Atlantis,,,',
      '"Quoted, Name",quoted@example.test,,Leeds,,,',
      ',,x,Atlantis,,,xyz',
    ].join('\n');
    const dry = await http()
      .post('/api/v1/contacts/import?dryRun=true')
      .set('authorization', owner)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(dry.body).toMatchObject({ received: 7, created: 0, failed: 5 });

    const imported = await http()
      .post('/api/v1/contacts/import?firstRow=1')
      .set('authorization', owner)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(imported.body).toMatchObject({ received: 7, created: 2, failed: 5, unknownColumns: [] });
    expect(imported.body.errors).toEqual([
      { row: 3, field: 'branch', message: 'Branch is required for a contact without a client.' },
      { row: 4, field: 'email', message: 'Email must be an email address.' },
      { row: 5, field: 'email', message: 'The same email address is in row 2 already.' },
      { row: 6, field: 'branch', message: 'There is no branch named "Atlantis".' },
      // Every field's problems in one entry: a missing name, a short phone, an unknown branch and country.
      { row: 8, field: 'fullName', message: 'Full name must be 1 to 200 characters.' },
      { row: 8, field: 'phone', message: 'Phone must be 3 to 40 characters.' },
      { row: 8, field: 'branch', message: 'There is no branch named "Atlantis".' },
      { row: 8, field: 'country', message: expect.stringMatching(/^Country must be /) },
    ]);
    const carla = await http().get('/api/v1/contacts?q=carla').set('authorization', owner).expect(200);
    expect(carla.body.items[0]).toMatchObject({
      tags: ['vip', 'newsletter'],
      address: { city: 'Leeds', country: 'GB' },
    });

    expectProblem(
      await http().post('/api/v1/contacts/import').set('authorization', owner).send({ rows: [] }),
      415,
      'unsupported-media-type',
    );
    const refused = await http()
      .post('/api/v1/contacts/import?firstRow=201')
      .set('authorization', owner)
      .set('content-type', 'text/csv')
      .send('email\nx@example.test');
    expectProblem(refused, 400, 'validation-failed');
    // A chunk's rows are the file's: its header stands at row 201.
    expect(refused.body.errors).toEqual([
      { field: 'file', message: 'Row 201 must name the columns, and one of them must be fullName (or name).' },
    ]);
  });

  it('should find the client of an imported contact by name, and say when it cannot', async () => {
    const csv = [
      'fullName,client,branch',
      'Named Client,riverside  plumbing,',
      `By Id,${clientId},`,
      'Unknown Client,Nobody Ltd,',
    ].join('\r\n');
    const imported = await http()
      .post('/api/v1/contacts/import')
      .set('authorization', owner)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(imported.body).toMatchObject({ received: 3, created: 2, failed: 1 });
    expect(imported.body.errors).toEqual([
      { row: 4, field: 'client', message: 'There is no client named "Nobody Ltd" that you can see.' },
    ]);
    const found = await http().get(`/api/v1/contacts?clientId=${clientId}`).set('authorization', owner).expect(200);
    expect(names(found)).toEqual(expect.arrayContaining(['By Id', 'Named Client']));
    for (const item of found.body.items) expect(item.branchId).toBe(leeds);

    // Two clients of one name: the import asks for the id.
    await http()
      .post('/api/v1/clients')
      .set('authorization', owner)
      .send({ kind: 'company', name: 'Twin Name', branchId: leeds })
      .expect(201);
    await http()
      .post('/api/v1/clients')
      .set('authorization', owner)
      .send({ kind: 'company', name: 'twin name', branchId: leeds })
      .expect(201);
    const twins = await http()
      .post('/api/v1/contacts/import?dryRun=true')
      .set('authorization', owner)
      .set('content-type', 'text/csv')
      .send('fullName;client\nTwin Contact;Twin Name\n')
      .expect(200);
    expect(twins.body.errors).toEqual([
      { row: 2, field: 'client', message: '2 clients are named "Twin Name": give the client\'s id instead.' },
    ]);
  });

  it('should export the filtered list as CSV that imports back, with formulas neutralised', async () => {
    await create(owner, { fullName: '=HYPERLINK("http://evil.example")', branchId: leeds, tags: ['export-me'] }).expect(
      201,
    );
    await create(owner, {
      fullName: 'Plain Exported',
      phone: '+44 113 496 0000',
      branchId: leeds,
      tags: ['export-me'],
    }).expect(201);
    await create(owner, {
      fullName: 'At Riverside',
      clientId,
      tags: ['export-me'],
    }).expect(201);
    const exported = await http().get('/api/v1/contacts/export?tag=export-me').set('authorization', owner).expect(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    // A byte-order mark first, so Excel reads UTF-8.
    expect(exported.text.startsWith('\uFEFFid,')).toBe(true);
    const lines = exported.text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'id,fullName,email,phone,jobTitle,client,branch,tags,line1,line2,city,region,postcode,country,notes,owner,createdAt,updatedAt',
    );
    expect(lines).toHaveLength(4);
    expect(exported.text).toContain(`'=HYPERLINK`);
    // Names, not ids: the client, the branch, the owner.
    const atRiverside = lines.find((line) => line.includes('At Riverside')) as string;
    expect(atRiverside).toContain(',Riverside Plumbing,Leeds,export-me,');
    // Its owner is whoever created it.
    expect(atRiverside).toContain(',Olive Owner,');
    expect(exported.text).not.toContain(leeds);
    expect(exported.text).not.toContain(clientId);

    // The export imports into another organization with a branch and a client of the same names.
    const other = await createOrganization(app, ['owner']);
    const otherOwner = await bearerFor(app, other.users.owner.email);
    const otherLeeds = (
      await http().post('/api/v1/branches').set('authorization', otherOwner).send({ name: 'Leeds' }).expect(201)
    ).body.id;
    const otherClient = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', otherOwner)
        .send({ kind: 'company', name: 'Riverside Plumbing', branchId: otherLeeds })
        .expect(201)
    ).body.id;
    const imported = await http()
      .post('/api/v1/contacts/import')
      .set('authorization', otherOwner)
      .set('content-type', 'text/csv')
      .send(exported.text)
      .expect(200);
    // The columns only an export has (id, owner, dates) are not called unknown.
    expect(imported.body).toMatchObject({ created: 3, failed: 0, unknownColumns: [] });
    const phones = await http().get('/api/v1/contacts?q=plain').set('authorization', otherOwner).expect(200);
    expect(phones.body.items[0].phone).toBe('+44 113 496 0000');
    const formula = await http().get('/api/v1/contacts?tag=export-me').set('authorization', otherOwner).expect(200);
    expect(names(formula)).toContain('=HYPERLINK("http://evil.example")');
    const linked = await http()
      .get(`/api/v1/contacts?clientId=${otherClient}`)
      .set('authorization', otherOwner)
      .expect(200);
    expect(names(linked)).toEqual(['At Riverside']);
    expectProblem(
      await http().get('/api/v1/contacts/export?tag=NOT%20A%20TAG').set('authorization', owner),
      400,
      'validation-failed',
    );
  });

  it('should let agents change only their own contacts', async () => {
    const { version } = (await http().get(`/api/v1/users/${org.users.agent.id}`).set('authorization', owner)).body;
    await http()
      .patch(`/api/v1/users/${org.users.agent.id}`)
      .set('authorization', owner)
      .send({ version, branchIds: [leeds] })
      .expect(200);
    const agent = await bearerFor(app, org.users.agent.email);
    const theirs = (await create(owner, { fullName: 'Owner Made', branchId: leeds }).expect(201)).body;
    const mine = (await create(agent, { fullName: 'Agent Made', branchId: leeds }).expect(201)).body;
    await http()
      .patch(`/api/v1/contacts/${mine.id}`)
      .set('authorization', agent)
      .send({ version: 1, phone: '0113 000 0000' })
      .expect(200);
    expectProblem(
      await http()
        .patch(`/api/v1/contacts/${theirs.id}`)
        .set('authorization', agent)
        .send({ version: 1, phone: '0113 111' }),
      403,
      'forbidden',
    );
    expectProblem(await http().delete(`/api/v1/contacts/${theirs.id}`).set('authorization', agent), 403, 'forbidden');
    await http().delete(`/api/v1/contacts/${mine.id}`).set('authorization', agent).expect(204);
    const activity = await http().get(`/api/v1/contacts/${theirs.id}/activity`).set('authorization', agent).expect(200);
    expect(activity.body.items).toHaveLength(1);
  });
});
