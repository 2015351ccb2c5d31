import { randomUUID } from 'node:crypto';
import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  expectProblem,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { JobsService } from '../jobs/jobs.service.js';
import { USAGE_ROLLUP, UsageRollupJob } from './usage-rollup.job.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** Two visitors: an address and a browser each. */
const X = { ip: '203.0.113.77', ua: FIREFOX };
const Y = { ip: '198.51.100.23', ua: CHROME };

interface RawRow extends Record<string, unknown> {
  organization_id: string;
  type: string;
  name: string;
  day: string;
  browser: string;
  session_hash: Buffer;
}

/**
 * The Plausible model end to end, on the job engine and a moving clock: daily session hashes
 * under salts deleted after 48 hours, the nightly rollup into daily counts, raw events deleted
 * only once rolled up and past their days, counts deleted past their months, and the dashboard.
 */
describe('usage analytics: sessions, rollup, retention and the dashboard', () => {
  let app: TestApp;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let consentId: string;
  const clock = new TestClock('2026-12-01T10:00:00.000Z');
  const http = () => app.http();

  beforeAll(async () => {
    app = await createTestApp({ clock, env: { TRUST_PROXY_HOPS: '1', JOBS_POLL_INTERVAL_MS: '500' } });
    ours = await createOrganization(app, ['owner', 'agent']);
    theirs = await createOrganization(app, ['owner']);
    consentId = randomUUID();
    await http()
      .post('/api/v1/consent/cookies')
      .send({ consentId, categories: ['essential', 'analytics'], revision: 1 })
      .expect(201);
  });
  afterAll(() => app.close());

  /** Signs in afresh: moving the clock by days ends access tokens. */
  const ownerOf = (org: TestOrganization) => bearerFor(app, org.users.owner.email);
  async function send(org: TestOrganization, visitor: { ip: string; ua: string }, events: object[]) {
    await http()
      .post('/api/v1/analytics/events')
      .set('authorization', await ownerOf(org))
      .set('x-forwarded-for', visitor.ip)
      .set('user-agent', visitor.ua)
      .send({ consentId, events })
      .expect(202);
  }
  const page = (name: string) => ({ type: 'page-view', name });
  const feature = (name: string) => ({ type: 'feature', name });
  const raw = () =>
    app.db.query<RawRow>(
      `SELECT organization_id, type, name, day::text AS day, browser, session_hash FROM usage_events
        ORDER BY day, organization_id, name, browser`,
    );
  const salts = () =>
    app.db.query<{ day: string; created_at: Date }>(
      'SELECT day::text AS day, created_at FROM usage_salts ORDER BY day',
    );
  const daily = () =>
    app.db.query<Record<string, unknown>>(
      `SELECT organization_id, day::text AS day, type, name, browser, events, sessions FROM usage_daily
        ORDER BY day, organization_id, type, name, browser`,
    );
  const rollUp = () => app.app.get(UsageRollupJob).run();
  const usage = async (query: string, org = ours) =>
    http()
      .get(`/api/v1/analytics/usage?${query}`)
      .set('authorization', await ownerOf(org));
  const report = async (query: string, org = ours) => {
    const response = await usage(query, org);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('should keep no column that could identify a person, in any analytics table', async () => {
    const columns = await app.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name LIKE 'usage\\_%' ORDER BY table_name, column_name`,
    );
    const byTable: Record<string, string[]> = {};
    for (const { table_name, column_name } of columns)
      byTable[table_name] = [...(byTable[table_name] ?? []), column_name];
    expect(byTable).toEqual({
      usage_daily: ['browser', 'day', 'events', 'id', 'name', 'organization_id', 'sessions', 'type'],
      usage_events: ['browser', 'day', 'id', 'name', 'organization_id', 'session_hash', 'type'],
      usage_rollups: ['day', 'events', 'rolled_up_at'],
      usage_salts: ['created_at', 'day', 'salt'],
    });
  });

  it('should store a daily session hash and the browser family, never the address, browser string or user', async () => {
    // 1 December: two visitors of ours, and visitor X again in their organization.
    await send(ours, X, [page('/contacts'), page('/contacts'), feature('contacts.export')]);
    await send(ours, X, [page('/contacts')]);
    await send(ours, Y, [page('/contacts'), page('/')]);
    await send(theirs, X, [page('/')]);
    // 2 December: X of ours again, with the day's new salt.
    clock.set('2026-12-02T10:00:00.000Z');
    await send(ours, X, [page('/contacts')]);

    const rows = await raw();
    expect(rows).toHaveLength(8);
    const hashOf = (org: TestOrganization, day: string, browser: string) => {
      const hashes = new Set(
        rows
          .filter((row) => row.organization_id === org.organizationId && row.day === day && row.browser === browser)
          .map((row) => row.session_hash.toString('hex')),
      );
      expect(hashes.size).toBe(1); // one browser on one day: one session, over several batches
      return [...hashes][0];
    };
    const xFirst = hashOf(ours, '2026-12-01', 'Firefox');
    const yFirst = hashOf(ours, '2026-12-01', 'Chrome');
    const xTheirs = hashOf(theirs, '2026-12-01', 'Firefox');
    const xNext = hashOf(ours, '2026-12-02', 'Firefox');
    expect(new Set([xFirst, yFirst, xTheirs, xNext]).size).toBe(4);
    expect(rows.every((row) => row.session_hash.length === 32)).toBe(true);

    const everything = JSON.stringify(
      await app.db.query('SELECT *, encode(session_hash, $1) AS hex FROM usage_events', ['escape']),
    );
    for (const identifier of [
      X.ip,
      Y.ip,
      '203.0.113',
      'Mozilla',
      'Gecko',
      consentId,
      ours.users.owner.id,
      ours.users.owner.email,
    ]) {
      expect(everything).not.toContain(identifier);
    }
    expect((await salts()).map((salt) => salt.day)).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('should roll finished days up into daily counts, the same again on a second run', async () => {
    const first = await rollUp();
    expect(first).toMatchObject({ daysRolledUp: ['2026-12-01'], eventsRolledUp: 7, rawEventsDeleted: 0 });
    const cells = await daily();
    const ourDay = (type: string, name: string, browser: string) =>
      cells.find(
        (cell) =>
          cell.organization_id === ours.organizationId &&
          cell.type === type &&
          cell.name === name &&
          cell.browser === browser,
      );
    expect(ourDay('page-view', '/contacts', 'Firefox')).toMatchObject({ events: 3, sessions: 1 });
    expect(ourDay('page-view', '/contacts', 'Chrome')).toMatchObject({ events: 1, sessions: 1 });
    expect(ourDay('feature', 'contacts.export', 'Firefox')).toMatchObject({ events: 1, sessions: 1 });
    expect(ourDay('page-view', '*', 'Firefox')).toMatchObject({ events: 3, sessions: 1 });
    expect(ourDay('*', '*', 'Firefox')).toMatchObject({ events: 4, sessions: 1 });
    expect(ourDay('*', '*', 'Chrome')).toMatchObject({ events: 2, sessions: 1 });
    expect(cells.every((cell) => cell.day === '2026-12-01')).toBe(true);

    expect(await rollUp()).toMatchObject({ daysRolledUp: [], eventsRolledUp: 0 });
    expect(await daily()).toEqual(cells);
    // Rolling a day up again by hand replaces its rows with the same counts.
    await app.db.query('DELETE FROM usage_rollups');
    expect((await rollUp()).daysRolledUp).toEqual(['2026-12-01']);
    expect(await daily()).toEqual(cells);
    expect(await raw()).toHaveLength(8);
  });

  it('should delete salts once 48 hours have passed since their day began, on the nightly tick', async () => {
    clock.set('2026-12-02T23:59:00.000Z');
    await runTick();
    expect((await salts()).map((salt) => salt.day)).toEqual(['2026-12-01', '2026-12-02']);

    clock.set('2026-12-03T00:05:00.000Z');
    await runTick();
    const left = await salts();
    expect(left.map((salt) => salt.day)).toEqual(['2026-12-02']);
    for (const salt of left) expect(clock.nowMs() - salt.created_at.getTime()).toBeLessThan(48 * 3_600_000);
    const receipt = await lastReceipt();
    expect(receipt).toMatchObject({ at: clock.now().toISOString(), saltsDeleted: 1, daysRolledUp: ['2026-12-02'] });
  });

  it('should delete raw events only of rolled-up days past their days, and nothing else', async () => {
    // A day the job never saw: nothing deletes it before it is rolled up.
    await app.db.query(
      `INSERT INTO usage_events (organization_id, type, name, day, browser, session_hash)
       VALUES ($1, 'page-view', '/jobs', '2026-11-10', 'Safari', '\\x00')`,
      [ours.organizationId],
    );
    expect(await raw()).toHaveLength(9);

    // 4 December: 1 December is within its 3 days; 10 November is rolled up, then deleted.
    clock.set('2026-12-04T00:10:00.000Z');
    expect(await rollUp()).toMatchObject({ daysRolledUp: ['2026-11-10'], eventsRolledUp: 1, rawEventsDeleted: 1 });
    expect((await raw()).map((row) => row.day)).toEqual([...Array(7).fill('2026-12-01'), '2026-12-02']);

    // 5 December: 1 December's events go, 2 December's stay.
    clock.set('2026-12-05T00:10:00.000Z');
    expect(await rollUp()).toMatchObject({ daysRolledUp: [], rawEventsDeleted: 7 });
    expect((await raw()).map((row) => row.day)).toEqual(['2026-12-02']);
    expect(await lastReceipt()).toMatchObject({ rawEventsDeleted: 7, aggregatesDeleted: 0 });
  });

  it('should show the caller’s organization exactly what was sent, and no one else’s', async () => {
    const body = await report('from=2026-12-01&to=2026-12-03');
    expect(body.days).toEqual([
      { day: '2026-12-01', pageViews: 5, features: 1, sessions: 2 },
      { day: '2026-12-02', pageViews: 1, features: 0, sessions: 1 },
      { day: '2026-12-03', pageViews: 0, features: 0, sessions: 0 },
    ]);
    expect(body.top).toEqual([
      { type: 'page-view', name: '/contacts', events: 5, sessions: 3 },
      { type: 'page-view', name: '/', events: 1, sessions: 1 },
      { type: 'feature', name: 'contacts.export', events: 1, sessions: 1 },
    ]);
    expect(body.browsers).toEqual([
      { browser: 'Firefox', events: 5, sessions: 2 },
      { browser: 'Chrome', events: 2, sessions: 1 },
    ]);

    const features = await report('from=2026-12-01&to=2026-12-02&type=feature');
    expect(features.days).toEqual([
      { day: '2026-12-01', pageViews: 0, features: 1, sessions: 1 },
      { day: '2026-12-02', pageViews: 0, features: 0, sessions: 0 },
    ]);
    expect(features.top).toEqual([{ type: 'feature', name: 'contacts.export', events: 1, sessions: 1 }]);

    const other = await report('from=2026-12-01&to=2026-12-03', theirs);
    expect(other.days[0]).toEqual({ day: '2026-12-01', pageViews: 1, features: 0, sessions: 1 });
    expect(other.top).toEqual([{ type: 'page-view', name: '/', events: 1, sessions: 1 }]);
    const stranger = await createOrganization(app, ['owner']);
    const none = await report('from=2026-11-01&to=2026-12-31', stranger);
    expect(none.days.every((day: { pageViews: number; features: number }) => day.pageViews + day.features === 0)).toBe(
      true,
    );
    expect(none.top).toEqual([]);
    expect(none.browsers).toEqual([]);
  });

  it('should refuse bad ranges with problem+json, and callers without analytics:read', async () => {
    for (const query of [
      'from=2026-12-03&to=2026-12-01',
      'from=2025-01-01&to=2026-02-05',
      'from=2026-13-01&to=2026-12-01',
      'from=yesterday&to=2026-12-01',
      'from=0000-01-01&to=0000-01-02',
      'from=2026-02-29&to=2026-03-01',
      'from=2026-12-01T00:00:00Z&to=2026-12-02',
      'to=2026-12-01',
      'from=2026-12-01&to=2026-12-02&type=click',
    ]) {
      expectProblem(await usage(query), 400, 'validation-failed');
    }
    await report('from=2025-01-01&to=2026-02-04');
    const agent = await bearerFor(app, ours.users.agent.email);
    const denied = await http()
      .get('/api/v1/analytics/usage?from=2026-12-01&to=2026-12-02')
      .set('authorization', agent);
    expectProblem(denied, 403, 'forbidden');
    await http().get('/api/v1/analytics/usage?from=2026-12-01&to=2026-12-02').expect(401);
  });

  it('should delete daily counts past their 24 months, and keep the rest', async () => {
    await app.db.query(
      `INSERT INTO usage_daily (organization_id, day, type, name, browser, events, sessions)
       VALUES ($1, '2024-12-04', '*', '*', 'Edge', 9, 3), ($1, '2024-12-05', '*', '*', 'Edge', 8, 2)`,
      [ours.organizationId],
    );
    const before = await daily();
    clock.set('2026-12-05T00:20:00.000Z');
    expect(await rollUp()).toMatchObject({ aggregatesDeleted: 1, rawEventsDeleted: 0 });
    const after = await daily();
    expect(after).toEqual(before.filter((cell) => cell.day !== '2024-12-04'));
    expect(after.some((cell) => cell.day === '2024-12-05')).toBe(true);
  });

  it('should state both periods in the privacy policy wording', () => {
    const categories = Object.fromEntries(
      app.app
        .get(PersonalDataRegistry)
        .describeAll()
        .map((category) => [category.category, category.retention]),
    );
    expect(categories['analytics.usage-events']).toEqual({
      setting: 'retention.usageEventDays',
      description: expect.stringMatching(/^Raw events 3 days/),
    });
    expect(categories['analytics.usage-daily']).toEqual({
      setting: 'retention.usageAggregateMonths',
      description: 'Daily counts 24 months',
    });
  });

  async function runTick(): Promise<void> {
    const id = await app.app.get(UsageRollupJob).nightly();
    expect(id).not.toBeNull();
    const jobs = app.app.get(JobsService);
    const deadline = Date.now() + 20_000;
    while ((await jobs.stateOf(USAGE_ROLLUP, id as string)) !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobs.stateOf(USAGE_ROLLUP, id as string)).toBe('completed');
  }

  async function lastReceipt(): Promise<Record<string, unknown> | undefined> {
    const rows = await app.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entries WHERE action = 'analytics.rolled-up' ORDER BY seq DESC LIMIT 1`,
    );
    return rows[0]?.details;
  }
});
