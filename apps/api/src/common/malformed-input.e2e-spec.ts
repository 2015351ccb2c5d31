import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestOrganization,
} from '#testing';

/**
 * Inputs an outside fuzzer turned into 500s, some before sign-in: each must be a 400
 * problem+json naming the field, and the process must go on serving.
 */
describe('malformed input', () => {
  let sut: TestApp;
  let org: TestOrganization;
  let owner: string;
  let branchId: string;

  beforeAll(async () => {
    sut = await createTestApp();
    org = await createOrganization(sut, ['owner']);
    owner = await bearerFor(sut, org.users.owner.email);
    const branch = await sut.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Main' });
    branchId = branch.body.id;
  });
  afterAll(() => sut.close());

  /** Raw JSON text, so escapes such as \ud800 reach the server's parser as written. */
  const post = (path: string, json: string, auth?: string) => {
    const request = sut.http().post(path).set('content-type', 'application/json');
    if (auth) request.set('authorization', auth);
    return request.send(json);
  };
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it.each(['/api/v1/auth/sign-in', '/api/v1/auth/sign-up', '/api/v1/auth/password-reset'])(
    'should refuse JSON nested thousands of levels deep on %s, before sign-in',
    async (path) => {
      for (const body of [deep(5_000), `{"email":${deepArray(5_000)}}`]) {
        const response = await post(path, body);
        expectProblem(response, 400, 'validation-failed');
        expect(response.body.detail).toMatch(/nested more than 32 levels/);
      }
    },
  );

  it('should refuse deep nesting on a signed-in route too', async () => {
    expectProblem(await post('/api/v1/clients', deep(3_000), owner), 400, 'validation-failed');
  });

  it('should refuse a lone surrogate in an email field', async () => {
    for (const email of ['a\\ud800@example.test', '\\udc00b@example.test']) {
      for (const path of ['/api/v1/auth/sign-in', '/api/v1/auth/password-reset']) {
        const response = await post(path, `{"email":"${email}","password":"x"}`);
        expectProblem(response, 400, 'validation-failed');
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
      }
    }
  });

  it.each([
    ['a NUL byte', 'Acme\\u0000Ltd'],
    ['a lone high surrogate', 'Acme \\ud83d Ltd'],
    ['a lone low surrogate', 'Acme \\ude00 Ltd'],
  ])('should refuse %s in a text field with 400 and store nothing', async (_what, name) => {
    const before = await sut.db.query<{ n: string }>('SELECT count(*) AS n FROM clients');
    const response = await post(
      '/api/v1/clients',
      `{"kind":"company","name":"${name}","branchId":"${branchId}","notes":"fine"}`,
      owner,
    );
    expectProblem(response, 400, 'validation-failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const after = await sut.db.query<{ n: string }>('SELECT count(*) AS n FROM clients');
    expect(after[0].n).toBe(before[0].n);
  });

  it('should accept a well-formed pair of surrogates (an emoji)', async () => {
    const response = await post(
      '/api/v1/clients',
      `{"kind":"company","name":"Acme \\ud83d\\ude00","branchId":"${branchId}"}`,
      owner,
    );
    expect(response.status).toBe(201);
    expect(response.body.name).toBe('Acme 😀');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'should refuse %s as a field name, like any unknown field',
    async (key) => {
      const response = await post(
        '/api/v1/auth/sign-in',
        `{"email":"a@example.test","password":"x","${key}":{"role":"owner"}}`,
      );
      expectProblem(response, 400, 'validation-failed');
      expect(response.body.errors).toEqual([{ field: key, message: `${key} is not an allowed field name` }]);
      const nested = await post('/api/v1/clients', `{"kind":"company","name":"A","address":{"${key}":{"x":1}}}`, owner);
      expectProblem(nested, 400, 'validation-failed');
    },
  );

  it('should refuse a NUL in a query string', async () => {
    const response = await sut.http().get('/api/v1/clients?search=a%00b').set('authorization', owner);
    expectProblem(response, 400, 'validation-failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'search' })]);
  });

  it('should answer a number the database cannot hold with 400, not 500', async () => {
    const response = await sut
      .http()
      .patch('/api/v1/organization')
      .set('authorization', owner)
      .send({ version: 1e20, name: 'Too far' });
    expect(response.status).toBeLessThan(500);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('should still be serving after all of it', async () => {
    await sut.http().get('/api/v1/health/ready').expect(200);
  });
});
