import { readFileSync } from 'node:fs';
import { bearerFor, createOrganization, createTestApp, freePort, type TestApp } from '#testing';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/demo-data.js';
import { DemoSeedService } from '../../src/demo/demo-seed.service.js';
import { API_KEY_SCOPES } from '../../src/identity/permissions.js';
import { type GuideBlock, readBlocks, unfencedCommands } from './guide-markdown.js';
import { GuideSession } from './guide-runner.js';

const GUIDE = 'docs/api-guide.md';
const markdown = readFileSync(GUIDE, 'utf8');
const blocks = readBlocks(markdown);
const runnable = blocks.filter((block) => block.language !== 'data' && !block.noRun);
const title = (block: GuideBlock) => `${block.headings.slice(1).join(' › ') || 'introduction'} (line ${block.line})`;

/**
 * docs/api-guide.md, executed: every ```bash, ```js and ```ts block runs in order against the
 * real API, as `npm start` serves it (the demo organization seeded), and each call must
 * answer what the guide shows (`# → …`) or a 2xx. So the guide cannot drift from the API.
 * Run just this file: `npm test -- apps/api/test/guide`.
 */
describe('API guide (docs/api-guide.md)', () => {
  let app: TestApp;
  let session: GuideSession;

  beforeAll(async () => {
    // Links the API hands out (export downloads) point at APP_URL: the port is chosen first.
    const port = await freePort();
    const url = `http://localhost:${port}`;
    // The demo organization is the installation's operator, as OPERATOR_ORGANIZATION names it.
    app = await createTestApp({ env: { OPERATOR_ORGANIZATION: DEMO_ORGANIZATION.slug, APP_URL: url } });
    await app.app.get(DemoSeedService).seed();
    await app.app.listen(port, '127.0.0.1');
    // The key a reader creates under API keys, holding every scope the guide's sections name.
    // An administrator makes it, so that the owner meets the policy acceptance as the guide shows.
    const admin = await bearerFor(app, DEMO_USERS[1].email, DEMO_PASSWORD);
    const policy = await app.http().get('/api/v1/me/privacy-policy').set('authorization', admin).expect(200);
    await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', admin)
      .send({ number: policy.body.current.number });
    const created = await app
      .http()
      .post('/api/v1/api-keys')
      .set('authorization', admin)
      .send({ name: 'Guide examples', scopes: API_KEY_SCOPES });
    if (created.status !== 201) throw new Error(`Creating the guide's key: ${created.status} ${created.text}`);
    // A customer of the operator, for the billing section.
    const customer = await createOrganization(app);
    session = new GuideSession('dist', {
      STEWARD_URL: url,
      STEWARD_API_KEY: created.body.secret,
      ORGANIZATION_ID: customer.organizationId,
    });
  });

  afterAll(async () => {
    session?.close();
    await app?.close();
  });

  it('should run every command it shows, or say why not', () => {
    expect(unfencedCommands(markdown, blocks)).toEqual([]);
    expect(runnable.length).toBeGreaterThan(10);
  });

  // In order: later blocks use what earlier ones set (a token, an id).
  it.each(runnable.map((block) => [title(block), block] as const))('%s', async (_title, block) => {
    const outcome = await session.run(block);
    expect(outcome.problems.join('\n\n')).toBe('');
  });
});
