import { createOrganization, createTestApp, DAY_MS, type TestApp, TestClock } from '#testing';
import { JobsService } from '../jobs/jobs.service.js';
import { RETENTION_PURGE, RetentionJob } from './retention.job.js';

describe(RetentionJob.name, () => {
  let app: TestApp;
  // Starts at the real "now": audit entries are stamped by the database's clock.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    app = await createTestApp({ clock, env: { JOBS_POLL_INTERVAL_MS: '500', AUDIT_RETENTION_DAYS: '400' } });
  });
  afterAll(() => app.close());

  const receipts = () =>
    app.db.query<{ details: { at: string; removed: Record<string, number> } }>(
      `SELECT details FROM audit_entries WHERE action = 'retention.purged' ORDER BY seq`,
    );
  const entriesOf = (organizationId: string) =>
    app.db.query(`SELECT seq FROM audit_entries WHERE organization_id = $1`, [organizationId]);

  async function runTick(): Promise<void> {
    const id = await app.app.get(RetentionJob).nightly();
    expect(id).not.toBeNull();
    const jobs = app.app.get(JobsService);
    const deadline = Date.now() + 20_000;
    while ((await jobs.stateOf(RETENTION_PURGE, id as string)) !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobs.stateOf(RETENTION_PURGE, id as string)).toBe('completed');
  }

  it('should keep what is within its retention period and write a receipt', async () => {
    const org = await createOrganization(app, ['owner']);
    await runTick();
    expect((await entriesOf(org.organizationId)).length).toBeGreaterThan(0);
    expect((await receipts()).at(-1)?.details).toMatchObject({
      at: clock.now().toISOString(),
      removed: { 'audit.trail': 0 },
    });
  });

  it('should purge what the clock, moved past the retention period, finds expired', async () => {
    const org = await createOrganization(app, ['owner']);
    const before = (await entriesOf(org.organizationId)).length;
    expect(before).toBeGreaterThan(0);

    clock.advance(401 * DAY_MS);
    await runTick();

    // The organization's trail keeps only the purge's own checkpoint entry.
    const after = await app.db.query<{ action: string }>(
      'SELECT action FROM audit_entries WHERE organization_id = $1 ORDER BY seq',
      [org.organizationId],
    );
    expect(after.map((entry) => entry.action)).toEqual(['audit.purged']);
    const receipt = (await receipts()).at(-1)?.details;
    expect(receipt?.at).toBe(clock.now().toISOString());
    expect(receipt?.removed['audit.trail']).toBeGreaterThanOrEqual(before);
  });

  it('should enqueue a tick once, however often the cron fires within its minute', async () => {
    expect(await app.app.get(RetentionJob).nightly()).toBeNull();
    clock.advance(60_000);
    expect(await app.app.get(RetentionJob).nightly()).not.toBeNull();
  });
});
