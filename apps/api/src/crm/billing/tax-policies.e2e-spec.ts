import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';
import type { Role } from '../../identity/identity.types.js';

describe('tax policies', () => {
  let app: TestApp;
  const http = () => app.http();

  interface Tenant {
    org: TestOrganization;
    owner: string;
    leeds: string;
    bristol: string;
    as(role: Role): Promise<string>;
  }

  /** A fresh organization per test: policies of one organization must not overlap, so tests stay apart. */
  async function tenant(roles: Role[] = ['owner']): Promise<Tenant> {
    const org = await createOrganization(app, roles);
    const owner = await bearerFor(app, org.users.owner.email);
    const branch = async (name: string) =>
      (await http().post('/api/v1/branches').set('authorization', owner).send({ name }).expect(201)).body.id;
    const leeds = await branch('Leeds');
    const bristol = await branch('Bristol');
    for (const role of roles.filter((candidate) => candidate === 'manager' || candidate === 'agent')) {
      const { version } = (await http().get(`/api/v1/users/${org.users[role].id}`).set('authorization', owner)).body;
      await http()
        .patch(`/api/v1/users/${org.users[role].id}`)
        .set('authorization', owner)
        .send({ version, branchIds: [leeds] })
        .expect(200);
    }
    return { org, owner, leeds, bristol, as: (role) => bearerFor(app, org.users[role].email) };
  }

  const ukVat = (overrides: object = {}) => ({
    name: 'UK VAT',
    pricing: 'exclusive',
    rates: [
      { code: 'STD', name: 'Standard', basisPoints: 2000 },
      { code: 'RED', name: 'Reduced', basisPoints: 500 },
      { code: 'ZERO', name: 'Zero', basisPoints: 0 },
    ],
    effectiveFrom: '2026-01-01',
    ...overrides,
  });
  const create = (auth: string, body: object) =>
    http().post('/api/v1/tax-policies').set('authorization', auth).send(body);
  const effective = (auth: string, query: string) =>
    http().get(`/api/v1/tax-policies/effective?${query}`).set('authorization', auth);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('should create, read, update and delete a policy, with its activity log', async () => {
    const { owner, org } = await tenant();
    const created = await create(owner, ukVat()).expect(201);
    expect(created.body).toMatchObject({ ...ukVat(), branchId: null, effectiveTo: null, version: 1 });
    const id = created.body.id;

    await http().get(`/api/v1/tax-policies/${id}`).set('authorization', owner).expect(200);
    const updated = await http()
      .patch(`/api/v1/tax-policies/${id}`)
      .set('authorization', owner)
      .send({ version: 1, name: 'UK VAT 2026', effectiveTo: '2026-12-31' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'UK VAT 2026', effectiveTo: '2026-12-31', version: 2 });

    const activity = await http().get(`/api/v1/tax-policies/${id}/activity`).set('authorization', owner).expect(200);
    expect(activity.body.items.map((item: { action: string; fields: string[] }) => [item.action, item.fields])).toEqual(
      [
        ['updated', ['effectiveTo', 'name']],
        ['created', []],
      ],
    );
    expect(activity.body.items[0]).toMatchObject({ actorKind: 'user', actorId: org.users.owner.id });

    await http().delete(`/api/v1/tax-policies/${id}`).set('authorization', owner).expect(204);
    expectProblem(await http().get(`/api/v1/tax-policies/${id}`).set('authorization', owner), 404, 'not-found');
    const [row] = await app.db.query<{ action: string }>(
      'SELECT action FROM crm_activity WHERE record_id = $1 ORDER BY at DESC LIMIT 1',
      [id],
    );
    expect(row.action).toBe('deleted');
  });

  it('should refuse two policies of the same scope on the same day', async () => {
    const { owner, leeds, bristol } = await tenant();
    const first = (await create(owner, ukVat()).expect(201)).body;
    const clash = await create(owner, ukVat({ name: 'UK VAT 2027', effectiveFrom: '2027-01-01' }));
    expectProblem(clash, 409, 'conflict');
    expect(clash.body.detail).toContain('"UK VAT" already applies to the whole organization from 2026-01-01');
    expect(clash.body.conflictingPolicyId).toBe(first.id);

    // Ending the first the day before makes room.
    await http()
      .patch(`/api/v1/tax-policies/${first.id}`)
      .set('authorization', owner)
      .send({ version: 1, effectiveTo: '2026-12-31' })
      .expect(200);
    const second = (await create(owner, ukVat({ name: 'UK VAT 2027', effectiveFrom: '2027-01-01' })).expect(201)).body;

    // Branch policies are a scope of their own: they may lie over the organization's.
    const leedsPolicy = (
      await create(
        owner,
        ukVat({ name: 'Leeds', branchId: leeds, effectiveFrom: '2026-06-01', effectiveTo: '2026-06-30' }),
      )
    ).body;
    expect(leedsPolicy.branchId).toBe(leeds);
    expectProblem(
      await create(owner, ukVat({ name: 'Leeds again', branchId: leeds, effectiveFrom: '2026-06-30' })),
      409,
      'conflict',
    );
    await create(owner, ukVat({ name: 'Leeds later', branchId: leeds, effectiveFrom: '2026-07-01' })).expect(201);
    await create(owner, ukVat({ name: 'Bristol', branchId: bristol, effectiveFrom: '2026-06-15' })).expect(201);

    // Re-opening the first would run into the second.
    expectProblem(
      await http()
        .patch(`/api/v1/tax-policies/${first.id}`)
        .set('authorization', owner)
        .send({ version: 2, effectiveTo: null }),
      409,
      'conflict',
    );
    // Moving the second onto its own days is not an overlap with itself.
    await http()
      .patch(`/api/v1/tax-policies/${second.id}`)
      .set('authorization', owner)
      .send({ version: 1, effectiveFrom: '2027-02-01' })
      .expect(200);
  });

  it('should find the policy an invoice uses: the branch’s that day, else the organization’s', async () => {
    const { owner, leeds, bristol } = await tenant();
    const orgWide = (await create(owner, ukVat({ effectiveFrom: '2026-01-01' })).expect(201)).body;
    const leedsPolicy = (
      await create(
        owner,
        ukVat({ name: 'Leeds', branchId: leeds, effectiveFrom: '2026-06-01', effectiveTo: '2026-08-31' }),
      ).expect(201)
    ).body;
    const idOn = async (query: string) => (await effective(owner, query).expect(200)).body.id;

    expect(await idOn(`branchId=${leeds}&date=2026-05-31`)).toBe(orgWide.id);
    expect(await idOn(`branchId=${leeds}&date=2026-06-01`)).toBe(leedsPolicy.id);
    expect(await idOn(`branchId=${leeds}&date=2026-08-31`)).toBe(leedsPolicy.id);
    expect(await idOn(`branchId=${leeds}&date=2026-09-01`)).toBe(orgWide.id);
    expect(await idOn(`branchId=${bristol}&date=2026-07-01`)).toBe(orgWide.id);
    expect(await idOn('date=2026-07-01')).toBe(orgWide.id);

    const none = await effective(owner, `branchId=${leeds}&date=2025-12-31`);
    expectProblem(none, 404, 'not-found');
    expect(none.body.detail).toBe(
      'No tax policy is in effect on 2025-12-31 for this branch or the whole organization; an owner or admin can add one under tax policies',
    );
    expectProblem(await effective(owner, 'date=2026-02-30'), 400, 'validation-failed');
    expectProblem(
      await effective(owner, 'branchId=00000000-0000-4000-8000-000000000000&date=2026-07-01'),
      400,
      'validation-failed',
    );

    const list = async (query: string) =>
      (await http().get(`/api/v1/tax-policies?${query}`).set('authorization', owner).expect(200)).body.items.map(
        (item: { name: string }) => item.name,
      );
    expect(await list('')).toEqual(['UK VAT', 'Leeds']);
    expect(await list('at=2026-07-01')).toEqual(['UK VAT', 'Leeds']);
    expect(await list('at=2026-09-01')).toEqual(['UK VAT']);
    expect(await list(`branchId=${leeds}`)).toEqual(['Leeds']);
    expect(await list('at=2025-01-01')).toEqual([]);
  });

  it('should answer bad input with field messages', async () => {
    const { owner } = await tenant();
    const bad = await create(owner, {
      name: '',
      pricing: 'gross',
      rates: [{ code: 'std', name: 'Standard', basisPoints: 10_001 }],
      effectiveFrom: '2026-02-30',
      effectiveTo: 'soon',
    });
    expectProblem(bad, 400, 'validation-failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'effectiveFrom',
      'effectiveTo',
      'name',
      'pricing',
      'rates.0.basisPoints',
      'rates.0.code',
    ]);
    expect(bad.body.errors).toContainEqual({
      field: 'effectiveFrom',
      message: 'effectiveFrom must be a date like 2026-04-01',
    });

    const noRates = await create(owner, ukVat({ rates: [] }));
    expectProblem(noRates, 400, 'validation-failed');
    expect(noRates.body.errors).toEqual([{ field: 'rates', message: 'rates needs at least one rate' }]);
    const tooMany = Array.from({ length: 21 }, (_, index) => ({ code: `R${index}`, name: 'Rate', basisPoints: 100 }));
    expectProblem(await create(owner, ukVat({ rates: tooMany })), 400, 'validation-failed');

    const twice = await create(owner, {
      ...ukVat(),
      rates: [
        { code: 'STD', name: 'Standard', basisPoints: 2000 },
        { code: 'STD', name: 'Also standard', basisPoints: 1500 },
      ],
    });
    expectProblem(twice, 400, 'validation-failed');
    expect(twice.body.errors).toEqual([{ field: 'rates[1].code', message: 'code STD appears twice in this policy' }]);

    const backwards = await create(owner, ukVat({ effectiveTo: '2025-12-31' }));
    expectProblem(backwards, 400, 'validation-failed');
    expect(backwards.body.errors[0].field).toBe('effectiveTo');

    const unknownBranch = await create(owner, ukVat({ branchId: '00000000-0000-4000-8000-000000000000' }));
    expectProblem(unknownBranch, 400, 'validation-failed');
    expect(unknownBranch.body.errors[0].field).toBe('branchId');
    expectProblem(await http().get('/api/v1/tax-policies/nope').set('authorization', owner), 400, 'bad-request');
    expectProblem(
      await http().get('/api/v1/tax-policies/00000000-0000-4000-8000-000000000000').set('authorization', owner),
      404,
      'not-found',
    );
  });

  it('should refuse a stale version', async () => {
    const { owner } = await tenant();
    const { id } = (await create(owner, ukVat()).expect(201)).body;
    await http()
      .patch(`/api/v1/tax-policies/${id}`)
      .set('authorization', owner)
      .send({ version: 1, name: 'First' })
      .expect(200);
    expectProblem(
      await http().patch(`/api/v1/tax-policies/${id}`).set('authorization', owner).send({ version: 1, name: 'Second' }),
      409,
      'conflict',
    );
    expect((await http().get(`/api/v1/tax-policies/${id}`).set('authorization', owner)).body.name).toBe('First');
  });

  it('should let staff read the policies of their branches, only admins change them, and privacy officers neither', async () => {
    const { owner, leeds, bristol, as } = await tenant([
      'owner',
      'admin',
      'manager',
      'agent',
      'viewer',
      'privacy_officer',
    ]);
    const orgWide = (await create(owner, ukVat()).expect(201)).body;
    const leedsPolicy = (await create(owner, ukVat({ name: 'Leeds', branchId: leeds })).expect(201)).body;
    const bristolPolicy = (
      await create(owner, ukVat({ name: 'Bristol', branchId: bristol, effectiveTo: '2029-12-31' })).expect(201)
    ).body;

    const admin = await as('admin');
    await create(admin, ukVat({ name: 'Bristol 2030', effectiveFrom: '2030-01-01', branchId: bristol })).expect(201);

    for (const role of ['manager', 'agent'] as const) {
      const auth = await as(role);
      const names = (await http().get('/api/v1/tax-policies').set('authorization', auth).expect(200)).body.items.map(
        (item: { name: string }) => item.name,
      );
      expect(names).toEqual(['UK VAT', 'Leeds']);
      await http().get(`/api/v1/tax-policies/${leedsPolicy.id}`).set('authorization', auth).expect(200);
      expectProblem(
        await http().get(`/api/v1/tax-policies/${bristolPolicy.id}`).set('authorization', auth),
        404,
        'not-found',
      );
      expect((await effective(auth, `branchId=${leeds}&date=2026-03-01`).expect(200)).body.id).toBe(leedsPolicy.id);
      expectProblem(await effective(auth, `branchId=${bristol}&date=2026-03-01`), 404, 'not-found');
      expectProblem(await create(auth, ukVat({ effectiveFrom: '2031-01-01' })), 403, 'forbidden');
      expectProblem(
        await http()
          .patch(`/api/v1/tax-policies/${leedsPolicy.id}`)
          .set('authorization', auth)
          .send({ version: 1, name: 'x' }),
        403,
        'forbidden',
      );
      expectProblem(
        await http().delete(`/api/v1/tax-policies/${orgWide.id}`).set('authorization', auth),
        403,
        'forbidden',
      );
    }

    const viewer = await as('viewer');
    expect((await http().get('/api/v1/tax-policies').set('authorization', viewer).expect(200)).body.items).toHaveLength(
      4,
    );
    expectProblem(await create(viewer, ukVat({ effectiveFrom: '2031-01-01' })), 403, 'forbidden');

    const privacyOfficer = await as('privacy_officer');
    expectProblem(await http().get('/api/v1/tax-policies').set('authorization', privacyOfficer), 403, 'forbidden');
    expectProblem(await effective(privacyOfficer, 'date=2026-03-01'), 403, 'forbidden');
  });

  it('should let an API key with tax-policies:read read and nothing more', async () => {
    const { owner } = await tenant();
    const policy = (await create(owner, ukVat()).expect(201)).body;
    const key = (
      await http()
        .post('/api/v1/api-keys')
        .set('authorization', owner)
        .send({ name: 'Accounting sync', scopes: ['tax-policies:read'] })
        .expect(201)
    ).body.secret;
    await http().get(`/api/v1/tax-policies/${policy.id}`).set('x-api-key', key).expect(200);
    expect((await http().get('/api/v1/tax-policies/effective').set('x-api-key', key).expect(200)).body.id).toBe(
      policy.id,
    );
    expectProblem(
      await http()
        .post('/api/v1/tax-policies')
        .set('x-api-key', key)
        .send(ukVat({ effectiveFrom: '2031-01-01' })),
      403,
      'forbidden',
    );
  });

  it('should keep a policy issued invoices used, with its rates as they were applied', async () => {
    const { owner, leeds } = await tenant();
    const policy = (await create(owner, ukVat({ effectiveFrom: '2026-01-01' })).expect(201)).body;
    const spare = (
      await create(owner, ukVat({ name: 'Spare', branchId: leeds, effectiveFrom: '2030-01-01' })).expect(201)
    ).body;
    const client = (
      await http()
        .post('/api/v1/clients')
        .set('authorization', owner)
        .send({ kind: 'company', name: 'Riverside Plumbing Ltd', branchId: leeds })
        .expect(201)
    ).body;
    const draft = (
      await http()
        .post('/api/v1/invoices')
        .set('authorization', owner)
        .send({
          clientId: client.id,
          currency: 'GBP',
          issueDate: '2026-03-10',
          lines: [{ description: 'Service', quantity: 1, unitPriceMinor: 10_000, taxCode: 'STD' }],
        })
        .expect(201)
    ).body;
    expect(draft.taxPolicyId).toBe(policy.id);

    // A draft alone does not hold the policy: it is re-priced when issued.
    const draftOfSpare = (
      await http()
        .post('/api/v1/invoices')
        .set('authorization', owner)
        .send({
          clientId: client.id,
          currency: 'GBP',
          issueDate: '2030-03-10',
          lines: [{ description: 'Later', quantity: 1, unitPriceMinor: 100, taxCode: 'STD' }],
        })
        .expect(201)
    ).body;
    expect(draftOfSpare.taxPolicyId).toBe(spare.id);
    await http().delete(`/api/v1/tax-policies/${spare.id}`).set('authorization', owner).expect(204);
    expect(
      (await http().get(`/api/v1/invoices/${draftOfSpare.id}`).set('authorization', owner).expect(200)).body
        .taxPolicyId,
    ).toBeNull();

    await http()
      .post(`/api/v1/invoices/${draft.id}/issue`)
      .set('authorization', owner)
      .send({ version: draft.version })
      .expect(200);

    const refused = await http().delete(`/api/v1/tax-policies/${policy.id}`).set('authorization', owner);
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toContain('1 issued invoice(s) used this tax policy');
    const patch = (body: object) =>
      http()
        .patch(`/api/v1/tax-policies/${policy.id}`)
        .set('authorization', owner)
        .send({ version: 1, ...body });
    expectProblem(await patch({ rates: [{ code: 'STD', name: 'Standard', basisPoints: 2500 }] }), 409, 'conflict');
    expectProblem(await patch({ pricing: 'inclusive' }), 409, 'conflict');
    expectProblem(await patch({ effectiveTo: '2026-03-09' }), 409, 'conflict');
    expectProblem(await patch({ effectiveFrom: '2026-03-11' }), 409, 'conflict');
    await patch({ name: 'UK VAT (old)', effectiveTo: '2026-03-10' }).expect(200);
    await http().get(`/api/v1/tax-policies/${policy.id}`).set('authorization', owner).expect(200);
  });
});
