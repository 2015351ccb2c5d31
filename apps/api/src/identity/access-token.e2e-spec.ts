import { createHmac } from 'node:crypto';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  parseSetCookies,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganization,
} from '#testing';
import { KeyringService } from '../keyring/keyring.service.js';
import { JWT_AUDIENCE, JWT_ISSUER, MFA_AUDIENCE } from './access-tokens.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token over any header and claims, signed with `key` (or not at all). */
function token(claims: Record<string, unknown>, key: Buffer | null, header: Record<string, unknown> = {}): string {
  const head = base64url({ alg: key ? 'HS256' : 'none', typ: 'JWT', ...header });
  const body = base64url(claims);
  const signature = key ? createHmac('sha256', key).update(`${head}.${body}`).digest('base64url') : '';
  return `${head}.${body}.${signature}`;
}

/**
 * The access token check (AccessTokenVerifier, fast-jwt with a cache of verified tokens): a
 * token is honoured only when our key signed it with HS256 for the API's audience and
 * issuer, before its expiry, and while its session lives; everything else is a 401.
 */
describe('access tokens', () => {
  let app: TestApp;
  let org: TestOrganization;
  let key: Buffer;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner']);
    key = app.app.get(KeyringService).deriveKey('access-token-signing');
    const issued = (await bearerFor(app, org.users.owner.email)).slice('Bearer '.length);
    claims = JSON.parse(Buffer.from(issued.split('.')[1], 'base64url').toString('utf8'));
  });
  afterAll(() => app.close());

  const me = (authorization: string) => app.http().get('/api/v1/auth/me').set('authorization', authorization);
  const now = () => Math.floor(Date.now() / 1000);

  it('should honour a token it signed, in either case of the scheme, again from its cache', async () => {
    const valid = token({ ...claims, iat: now(), exp: now() + 60 }, key);
    expect((await me(`Bearer ${valid}`)).status).toBe(200);
    expect((await me(`bearer ${valid}`)).status).toBe(200);
    expect((await me(`Bearer ${valid}`)).body).toMatchObject({ id: org.users.owner.id });
  });

  it.each([
    ['signed with another key', () => token({ ...claims, exp: now() + 60 }, Buffer.alloc(32, 7))],
    ['unsigned (alg none)', () => token({ ...claims, exp: now() + 60 }, null)],
    ['expired', () => token({ ...claims, iat: now() - 120, exp: now() - 60 }, key)],
    ['without an expiry', () => token({ ...claims, exp: undefined }, key)],
    ['for the MFA step (another audience)', () => token({ ...claims, aud: MFA_AUDIENCE, exp: now() + 60 }, key)],
    ['from another issuer', () => token({ ...claims, iss: 'someone-else', exp: now() + 60 }, key)],
    ['with HS512 in the header', () => token({ ...claims, exp: now() + 60 }, key, { alg: 'HS512' })],
  ])('should refuse a token %s', async (_case, make) => {
    expect(claims).toMatchObject({ aud: JWT_AUDIENCE, iss: JWT_ISSUER });
    expectProblem(await me(`Bearer ${make()}`), 401, 'unauthenticated');
  });

  it('should refuse a token whose session ended, even after it was verified once', async () => {
    const signedIn = await app
      .http()
      .post('/api/v1/auth/sign-in')
      .send({ email: org.users.owner.email, password: TEST_PASSWORD })
      .expect(200);
    const live = `Bearer ${signedIn.body.accessToken}`;
    expect((await me(live)).status).toBe(200);
    const cookies = parseSetCookies(signedIn.headers['set-cookie'] as unknown as string[]);
    await app
      .http()
      .post('/api/v1/auth/sign-out')
      .set('cookie', `steward_refresh=${cookies.steward_refresh.value}; steward_csrf=${cookies.steward_csrf.value}`)
      .set('x-csrf-token', cookies.steward_csrf.value)
      .expect(204);
    expectProblem(await me(live), 401, 'session-expired');
  });

  it.each(['', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c extra'])(
    'should refuse the header "%s"',
    async (header) => {
      expectProblem(await me(header), 401, 'unauthenticated');
    },
  );
});
