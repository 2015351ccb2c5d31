import { PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  DAY_MS,
  expectProblem,
  runRetentionRule,
  type TestApp,
  TestClock,
  type TestOrganization,
} from '#testing';
import { AppSettings } from '../config/settings.module.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import { RetentionJob } from './retention.job.js';
import { RetentionRules } from './retention-rules.service.js';
import { RetentionRunner, STALE_RUN_MS } from './retention-runner.service.js';

/**
 * Retention rules end to end: dry run, run on demand with its receipt, legal holds (a held
 * row survives its rule and goes after release), one run per rule at a time, and a run
 * stopped midway that resumes with its own cut-off and ends with the same counts.
 */
describe('retention rules and legal holds', () => {
  let app: TestApp;
  // Starts at the real "now": audit entries are stamped by the database's clock.
  const clock = new TestClock(new Date());
  let ours: TestOrganization;
  let theirs: TestOrganization;
  let owner: string;

  beforeAll(async () => {
    app = await createTestApp({ clock, env: { RETENTION_PURGE_BATCH_SIZE: '10', JOBS_POLL_INTERVAL_MS: '500' } });
    ours = await createOrganization(app, ['owner', 'agent', 'viewer']);
    theirs = await createOrganization(app, ['owner']);
  });
  afterAll(() => app.close());

  const http = () => app.http();
  const sessionsOf = async (userId: string) =>
    (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]))[0].n;

  async function waitForRun(id: string, token: string) {
    for (let tries = 0; tries < 200; tries++) {
      const run = (await http().get(`/api/v1/retention/runs/${id}`).set('authorization', token).expect(200)).body;
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Run ${id} did not finish`);
  }

  it('should state each period from the same setting the rule enforces', async () => {
    owner = await bearerFor(app, ours.users.owner.email);
    const { items } = (await http().get('/api/v1/retention/rules').set('authorization', owner).expect(200)).body;
    const settings = app.app.get(AppSettings) as unknown as Record<string, Record<string, number>>;
    expect(items.length).toBeGreaterThanOrEqual(8);
    const categories = app.app.get(PersonalDataRegistry).describeAll();
    for (const rule of items) {
      const [group, key] = rule.setting.split('.');
      expect({ rule: rule.key, value: settings[group]?.[key] }).toEqual({ rule: rule.key, value: rule.value });
      expect(rule.sentence).toContain(`kept ${rule.value} `);
      // Where the privacy policy describes the same category, it names the same setting.
      const described = categories.find((category) => category.retention.setting === rule.setting);
      if (described) expect(described.retention.description).toContain(String(rule.value));
    }
    const viewer = await bearerFor(app, ours.users.viewer.email);
    expectProblem(await http().get('/api/v1/retention/rules').set('authorization', viewer), 403, 'forbidden');
  });

  it('should keep what a legal hold covers, purge the rest, and purge the held rows after release', async () => {
    await bearerFor(app, ours.users.agent.email);
    await bearerFor(app, theirs.users.owner.email);
    // Past every session's end and the ended-session period.
    const settings = app.app.get(AppSettings);
    clock.advance((settings.retention.endedSessionDays + 31) * DAY_MS);
    owner = await bearerFor(app, ours.users.owner.email);
    const agentSessions = await sessionsOf(ours.users.agent.id);
    const ownerSessions = await sessionsOf(ours.users.owner.id);
    const theirSessions = await sessionsOf(theirs.users.owner.id);
    expect(agentSessions).toBeGreaterThan(0);

    const hold = (
      await http()
        .post('/api/v1/legal-holds')
        .set('authorization', owner)
        .send({ scope: 'subject', targetKind: 'user', targetId: ours.users.agent.id, reason: 'Matter 2026-114' })
        .expect(201)
    ).body;
    expect(hold).toMatchObject({ active: true, scope: 'subject', setBy: { kind: 'user', id: ours.users.owner.id } });

    const preview = (
      await http().get('/api/v1/retention/rules/sessions/preview').set('authorization', owner).expect(200)
    ).body;
    expect(preview.held).toBe(agentSessions);
    expect(preview.eligible).toBeGreaterThan(0);
    expect(preview.sampleIds.length).toBeGreaterThan(0);
    expect(await sessionsOf(ours.users.agent.id)).toBe(agentSessions); // a dry run purges nothing

    const started = (await http().post('/api/v1/retention/rules/sessions/runs').set('authorization', owner).expect(202))
      .body;
    const run = await waitForRun(started.id, owner);
    expect(run).toMatchObject({
      rule: 'sessions',
      trigger: 'manual',
      status: 'completed',
      setting: 'retention.endedSessionDays',
      settingValue: settings.retention.endedSessionDays,
      held: agentSessions,
      purged: { 'identity.sessions': preview.eligible },
    });
    expect(await sessionsOf(ours.users.agent.id)).toBe(agentSessions);
    expect(await sessionsOf(ours.users.owner.id)).toBeLessThan(ownerSessions);
    owner = await bearerFor(app, ours.users.owner.email);
    // An on-demand run covers the caller's organization only.
    expect(await sessionsOf(theirs.users.owner.id)).toBe(theirSessions);

    // The receipt is in our trail; their organization cannot see the run.
    const [receipt] = await app.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_entries WHERE organization_id = $1 AND action = 'retention.purged' ORDER BY seq DESC LIMIT 1`,
      [ours.organizationId],
    );
    expect(receipt.details).toMatchObject({ rule: 'sessions', held: agentSessions, outcome: 'completed' });
    const theirOwner = await bearerFor(app, theirs.users.owner.email);
    expectProblem(
      await http().get(`/api/v1/retention/runs/${started.id}`).set('authorization', theirOwner),
      404,
      'not-found',
    );
    const history = (await http().get('/api/v1/retention/runs?rule=sessions').set('authorization', owner).expect(200))
      .body;
    expect(history.items.map((item: { id: string }) => item.id)).toContain(started.id);

    // Released, the hold stays on record, and the next run takes what it kept.
    const released = (
      await http()
        .post(`/api/v1/legal-holds/${hold.id}/release`)
        .set('authorization', owner)
        .send({ reason: 'Matter settled' })
        .expect(200)
    ).body;
    expect(released).toMatchObject({ active: false, releaseReason: 'Matter settled' });
    expectProblem(
      await http().post(`/api/v1/legal-holds/${hold.id}/release`).set('authorization', owner).send({ reason: 'Again' }),
      409,
      'conflict',
    );
    const again = (await http().post('/api/v1/retention/rules/sessions/runs').set('authorization', owner).expect(202))
      .body;
    expect((await waitForRun(again.id, owner)).purged).toEqual({ 'identity.sessions': agentSessions });
    expect(await sessionsOf(ours.users.agent.id)).toBe(0);
    const holds = (await http().get('/api/v1/legal-holds').set('authorization', owner).expect(200)).body;
    expect(holds.items).toEqual([expect.objectContaining({ id: hold.id, active: false })]);
  });

  it('should refuse a hold on what the organization does not hold, and nonsense, with a clear problem', async () => {
    const theirOwner = await bearerFor(app, theirs.users.owner.email);
    expectProblem(
      await http()
        .post('/api/v1/legal-holds')
        .set('authorization', theirOwner)
        .send({ scope: 'subject', targetKind: 'user', targetId: ours.users.agent.id, reason: 'Matter 1' }),
      404,
      'not-found',
    );
    const bad = await http()
      .post('/api/v1/legal-holds')
      .set('authorization', owner)
      .send({ scope: 'record', targetKind: 'spaceship', targetId: ours.users.agent.id, reason: 'x' });
    expectProblem(bad, 400, 'validation-failed');
    expectProblem(
      await http().get('/api/v1/retention/rules/no-such-rule/preview').set('authorization', owner),
      404,
      'not-found',
    );
  });

  it('should run a rule once at a time and resume a stopped run with its own cut-off and counts', async () => {
    const recordedAt = new Date(clock.nowMs() - 2000 * DAY_MS);
    const insert = (organizationId: string, count: number, at: Date) =>
      app.db.query(
        `INSERT INTO cookie_consents (consent_id, categories, revision, recorded_at, organization_id)
         SELECT gen_random_uuid(), '{essential}', 1, $1, $2 FROM generate_series(1, $3)`,
        [at, organizationId, count],
      );
    await insert(ours.organizationId, 25, recordedAt);
    await insert(theirs.organizationId, 4, recordedAt);
    await insert(ours.organizationId, 3, clock.now()); // within the period
    const runner = app.app.get(RetentionRunner);
    const request = { rule: 'cookie-choices', organizationId: ours.organizationId, trigger: 'manual' as const };

    const run = await runner.start(request);
    expect(run).not.toBeNull();
    // Another replica asking meanwhile gets nothing: one run per rule.
    expect(await runner.start(request)).toBeNull();
    // The worker stops after one batch of 10 (as a killed one would).
    const midway = await runner.continue(run?.id as string, 1);
    expect(midway).toMatchObject({ status: 'running', purged: { 'consent.cookie-choices': 10 } });

    // Silent past the stale limit, the run is taken over, not restarted: same id, same cut-off.
    clock.advance(STALE_RUN_MS + 1000);
    const resumed = await runner.start(request);
    expect(resumed).toMatchObject({ id: run?.id, cutoff: run?.cutoff });
    const done = await runner.continue(run?.id as string);
    expect(done).toMatchObject({ status: 'completed', purged: { 'consent.cookie-choices': 25 } });
    const left = await app.db.query<{ organization_id: string; n: number }>(
      `SELECT organization_id, count(*)::int AS n FROM cookie_consents
        WHERE organization_id = ANY($1) GROUP BY 1`,
      [[ours.organizationId, theirs.organizationId]],
    );
    expect(Object.fromEntries(left.map((row) => [row.organization_id, row.n]))).toEqual({
      [ours.organizationId]: 3,
      [theirs.organizationId]: 4,
    });
  });

  it('should hold back the erasure of a held subject, or of one whose record is held, until release', async () => {
    const branch = (
      await http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Holds' }).expect(201)
    ).body.id;
    const newContact = async (fullName: string) =>
      (
        await http()
          .post('/api/v1/contacts')
          .set('authorization', owner)
          .send({ fullName, branchId: branch })
          .expect(201)
      ).body.id as string;
    const contactExists = async (id: string) =>
      (await app.db.query('SELECT 1 FROM contacts WHERE id = $1', [id])).length === 1;
    const hold = (body: object) =>
      http().post('/api/v1/legal-holds').set('authorization', owner).send(body).expect(201);
    const release = (id: string) =>
      http()
        .post(`/api/v1/legal-holds/${id}/release`)
        .set('authorization', owner)
        .send({ reason: 'Closed' })
        .expect(200);
    const erasures = app.app.get(ErasureService);

    // A hold on the person.
    const held = await newContact('Hana Held');
    const onPerson = (await hold({ scope: 'subject', targetKind: 'contact', targetId: held, reason: 'Matter 7' })).body;
    const first = await erasures.eraseNow({ kind: 'contact', id: held, organizationId: ours.organizationId });
    expect(first.erasure.completedAt).toBeNull();
    expect(first.erasure.heldAt).not.toBeNull();
    expect(await contactExists(held)).toBe(true);

    // A hold on one of another person's records: a logged call.
    const caller = await newContact('Cal Called');
    const call = (
      await http()
        .post('/api/v1/communications')
        .set('authorization', owner)
        .send({
          contactId: caller,
          kind: 'call',
          direction: 'inbound',
          occurredAt: '2026-11-20T09:30:00Z',
          subject: 'Quote',
        })
        .expect(201)
    ).body.id;
    const onRecord = (await hold({ scope: 'record', targetKind: 'communication', targetId: call, reason: 'Matter 8' }))
      .body;
    const second = await erasures.eraseNow({ kind: 'contact', id: caller, organizationId: ours.organizationId });
    expect(second.erasure.heldAt).not.toBeNull();
    expect((await app.db.query('SELECT 1 FROM communications WHERE id = $1', [call])).length).toBe(1);

    // Released, each erasure's job runs again and completes.
    await release(onPerson.id);
    await release(onRecord.id);
    for (const id of [held, caller]) {
      for (let tries = 0; (await contactExists(id)) && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await contactExists(id)).toBe(false);
    }
    const [{ n }] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE organization_id = $1 AND action = 'privacy.erasure.held'`,
      [ours.organizationId],
    );
    expect(n).toBe(2);
  });

  it('should let an organization set its own period within bounds, and purge and state by it', async () => {
    const slug = (await http().get('/api/v1/organization').set('authorization', owner).expect(200)).body.slug;
    const noticeLine = async () => {
      const notice = (await http().get(`/api/v1/privacy/organizations/${slug}/notice`).expect(200)).body;
      const category = notice.facts.categories.find((c: { category: string }) => c.category === 'crm.schedules');
      return category.retention as { value: number; description: string };
    };
    const platform = app.app.get(AppSettings).retention.scheduleHistoryDays;
    expect((await noticeLine()).value).toBe(platform);

    const period = (key: string, value: number | null) =>
      http().put(`/api/v1/retention/rules/${key}/period`).set('authorization', owner).send({ value });
    const changed = (await period('schedule-history', 90).expect(200)).body;
    expect(changed).toMatchObject({ value: 90, platformValue: platform, organizationValue: 90 });
    expect(changed.sentence).toContain('kept 90 days');
    const line = await noticeLine();
    expect(line).toMatchObject({ value: 90, description: expect.stringContaining('90 days') });
    expect(line.description).not.toContain(`${platform} days`);
    // Their organization keeps the platform's period, in its list and its notice.
    const theirOwner = await bearerFor(app, theirs.users.owner.email);
    const theirRules = (await http().get('/api/v1/retention/rules').set('authorization', theirOwner).expect(200)).body;
    expect(theirRules.items.find((rule: { key: string }) => rule.key === 'schedule-history')).toMatchObject({
      value: platform,
      organizationValue: null,
    });
    expectProblem(await period('schedule-history', 5), 400, 'validation-failed');
    expectProblem(await period('invoices', 3), 400, 'validation-failed'); // never below the legal period
    expectProblem(await period('audit-trail', 30), 400, 'validation-failed'); // the platform's only
    await period('schedule-history', null).expect(200);
    expect((await noticeLine()).value).toBe(platform);

    // A shorter period for cookie choices purges our older ones, not theirs.
    const old = new Date(clock.nowMs() - 300 * DAY_MS);
    await app.db.query(
      `INSERT INTO cookie_consents (consent_id, categories, revision, recorded_at, organization_id)
       SELECT gen_random_uuid(), '{essential}', 1, $1, org FROM unnest($2::uuid[]) AS org, generate_series(1, 3)`,
      [old, [ours.organizationId, theirs.organizationId]],
    );
    await period('cookie-choices', 200).expect(200);
    const countOld = async (organizationId: string) =>
      (
        await app.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM cookie_consents WHERE organization_id = $1 AND recorded_at = $2',
          [organizationId, old],
        )
      )[0].n;
    expect(await runRetentionRule(app, 'cookie-choices')).toBeGreaterThanOrEqual(3);
    expect(await countOld(ours.organizationId)).toBe(0);
    expect(await countOld(theirs.organizationId)).toBe(3);
  });

  it('should enqueue each rule once per tick, however many replicas tick', async () => {
    const job = app.app.get(RetentionJob);
    const tick = new Date(clock.nowMs()).toISOString();
    const first = await job.enqueueRules(tick, false);
    expect(first.length).toBe(
      app.app
        .get(RetentionRules)
        .list()
        .filter((rule) => !rule.hourly).length,
    );
    expect(await job.enqueueRules(tick, false)).toEqual([]);
  });
});
