import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bearerFor, createOrganization, DAY_MS, expectProblem, type TestApp, TestClock } from '#testing';
import { createWorld, type World } from '../../test/security/support/world.js';
import { AppSettings } from '../config/settings.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { ORGANIZATION_PURGE, OrganizationPurgeJob } from './organization-purge.job.js';

/**
 * The purge of an ended organization: after its countdown, every row carrying its id goes,
 * in bounded batches, its subjects' keys destroyed, nothing of another organization touched;
 * an interrupted purge resumes to the same end; a restore or a legal hold keeps an organization.
 */
describe('organization purge', () => {
  let world: World;
  let app: TestApp;
  // Starts at the real "now": audit entries are stamped by the database's clock.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    world = await createWorld({ JOBS_POLL_INTERVAL_MS: '500' }, clock);
    app = world.app;
  }, 120_000);
  afterAll(() => app?.close());

  const tablesWithOrganizationId = async () =>
    (
      await app.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
      )
    ).map((row) => row.table_name);

  /** Rows per table of one organization (tables with none left out). */
  async function countsOf(organizationId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of await tablesWithOrganizationId()) {
      const [{ count }] = await app.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${table}" WHERE organization_id = $1`,
        [organizationId],
      );
      if (count) counts[table] = count;
    }
    return counts;
  }

  /** A digest of every row of every table that carries organization_id, for one organization. */
  async function digestOf(organizationId: string): Promise<Record<string, string>> {
    const digests: Record<string, string> = {};
    for (const table of await tablesWithOrganizationId()) {
      const [row] = await app.db.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest
           FROM "${table}" t WHERE organization_id = $1`,
        [organizationId],
      );
      digests[table] = row.digest;
    }
    const [organization] = await app.db.query<{ row: string }>(
      'SELECT o::text AS row FROM organizations o WHERE id = $1',
      [organizationId],
    );
    digests.organizations = organization?.row ?? '';
    return digests;
  }

  const terminate = async (organizationId: string, auth: string) => {
    const { organizationName } = (
      await app.http().get('/api/v1/organization/subscription').set('authorization', auth).expect(200)
    ).body;
    await app
      .http()
      .post('/api/v1/organization/subscription/terminate')
      .set('authorization', auth)
      .send({ confirmName: organizationName })
      .expect(200);
    return organizationId;
  };

  const receipts = () =>
    app.db.query<{ organization_id: string | null; target_id: string; details: Record<string, unknown> }>(
      `SELECT e.organization_id, e.target_id, e.details FROM audit_entries e
        JOIN audit_chain_heads h ON h.organization_id = e.organization_id
       WHERE e.action = 'organization.purged' ORDER BY e.seq`,
    );

  async function runTick(): Promise<void> {
    const id = await app.app.get(OrganizationPurgeJob).nightly();
    expect(id).not.toBeNull();
    const jobs = app.app.get(JobsService);
    const deadline = Date.now() + 60_000;
    while ((await jobs.stateOf(ORGANIZATION_PURGE, id as string)) !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobs.stateOf(ORGANIZATION_PURGE, id as string)).toBe('completed');
  }

  it('should purge exactly the ended organization, resuming an interrupted purge to the same end', async () => {
    const { ours, theirs } = world;
    await terminate(ours.organizationId, ours.bearer.owner);
    // A terminated and restored organization, and a held one, are kept.
    const restored = await createOrganization(app, ['owner']);
    const restoredOwner = await bearerFor(app, restored.users.owner.email);
    await terminate(restored.organizationId, restoredOwner);
    await app.http().post('/api/v1/organization/subscription/restore').set('authorization', restoredOwner).expect(200);
    const held = await createOrganization(app, ['owner']);
    await terminate(held.organizationId, await bearerFor(app, held.users.owner.email));
    // A legal hold keeps the held one.
    const heldOwner = await bearerFor(app, held.users.owner.email);
    const heldHold = (
      await app
        .http()
        .post('/api/v1/legal-holds')
        .set('authorization', heldOwner)
        .send({ scope: 'organization', reason: 'Regulator inquiry 2026-9' })
        .expect(201)
    ).body.id as string;
    // The world seeds a hold on one of our contacts: released, so ours is purged.
    await app
      .http()
      .post(`/api/v1/legal-holds/${ours.ids.legalHold}/release`)
      .set('authorization', ours.bearer.owner)
      .send({ reason: 'Matter closed' })
      .expect(200);

    const job = app.app.get(OrganizationPurgeJob);
    // Not yet due: nothing happens.
    clock.advance(29 * DAY_MS);
    expect(await job.run()).toEqual({});
    const before = await countsOf(ours.organizationId);
    // The world's access export left sealed files on disk.
    const exportFiles = join(app.app.get(AppSettings).dataDir, 'exports', ours.organizationId);
    expect(existsSync(exportFiles)).toBe(true);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    // The world started a retention run for each organization; the job worker may still be
    // finishing theirs. Let it end first, or its bookkeeping would change under the digest.
    const deadline = Date.now() + 60_000;
    const running = () =>
      app.db.query("SELECT id FROM retention_runs WHERE organization_id = $1 AND status = 'running'", [
        theirs.organizationId,
      ]);
    while ((await running()).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await running()).toEqual([]);
    const theirsBefore = await digestOf(theirs.organizationId);
    const restoredBefore = await countsOf(restored.organizationId);
    const subjects = await app.db.query<{ subject_id: string }>(
      `SELECT 'user:' || id AS subject_id FROM users WHERE organization_id = $1
       UNION ALL SELECT 'client:' || id FROM clients WHERE organization_id = $1
       UNION ALL SELECT 'contact:' || id FROM contacts WHERE organization_id = $1
       UNION ALL SELECT 'privacy_request:' || id FROM privacy_requests WHERE organization_id = $1`,
      [ours.organizationId],
    );
    const keyIds = (
      await app.db.query<{ subject_id: string }>(
        'SELECT subject_id FROM subject_keys WHERE subject_id = ANY($1::text[]) AND wrapped_key IS NOT NULL',
        [subjects.map((row) => row.subject_id)],
      )
    ).map((row) => row.subject_id);
    expect(keyIds.length).toBeGreaterThan(5);

    // Past the purge date: a run stopped after a few small batches (as if killed between them).
    clock.advance(DAY_MS + 60_000);
    expect(await job.run({ batchSize: 3, maxBatches: 6 })).toMatchObject({ [ours.organizationId]: 'interrupted' });
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const [progress] = await app.db.query<{ status: string; batches: number; removed: Record<string, number> }>(
      'SELECT status, batches, removed FROM organization_purges WHERE purged_organization_id = $1',
      [ours.organizationId],
    );
    expect(progress).toMatchObject({ status: 'running', batches: 6 });
    expect(sum(progress.removed)).toBeGreaterThan(0);
    expect(sum(await countsOf(ours.organizationId))).toBe(sum(before) - sum(progress.removed));
    expect(await app.db.query('SELECT id FROM organizations WHERE id = $1', [ours.organizationId])).toHaveLength(1);
    // Once begun, the purge cannot be taken back.
    await app.db.query("UPDATE organizations SET subscription_state = 'terminated' WHERE id = $1", [
      ours.organizationId,
    ]);

    // The next night's run (the cron tick's job, once) finishes it.
    await runTick();
    expect(await countsOf(ours.organizationId)).toEqual({});
    expect(existsSync(exportFiles)).toBe(false);
    expect(await app.db.query('SELECT id FROM organizations WHERE id = $1', [ours.organizationId])).toEqual([]);
    const live = await app.db.query<{ subject_id: string }>(
      'SELECT subject_id FROM subject_keys WHERE subject_id = ANY($1::text[]) AND (wrapped_key IS NOT NULL OR destroyed_at IS NULL)',
      [keyIds],
    );
    expect(live).toEqual([]);
    // Every destroyed key is in the key journal too, so a restored older backup is shredded again.
    const journaled = app.app
      .get(KeyringService)
      .journal.read()
      .map((entry) => entry.subjectId);
    expect(journaled).toEqual(expect.arrayContaining(keyIds));
    // Nothing of anyone else changed.
    expect(await digestOf(theirs.organizationId)).toEqual(theirsBefore);
    expect(await countsOf(restored.organizationId)).toEqual(restoredBefore);
    expect(await countsOf(held.organizationId)).not.toEqual({});

    // The receipt, in the platform trail: every row counted once, interrupted or not.
    const receipt = (await receipts()).find((entry) => entry.target_id === ours.organizationId);
    expect(receipt?.details.removed).toEqual({ ...before, organizations: 1 });
    expect(receipt?.details.keysDestroyed).toBe(keyIds.length);
    expect(receipt?.organization_id).not.toBe(ours.organizationId);
    const [{ runs }] = await app.db.query<{ runs: number }>(
      "SELECT count(*)::int AS runs FROM audit_entries WHERE action = 'subscriptions.purge_ran'",
    );
    expect(runs).toBe(3);

    // A second run finds nothing more to do; the purged organization's people cannot sign in.
    expect(await job.run()).toEqual({ [held.organizationId]: 'held' });
    expectProblem(
      await app.http().get('/api/v1/organization').set('authorization', ours.bearer.owner),
      401,
      'session-expired',
    );

    // The hold released, the held organization goes on the next run.
    await app
      .http()
      .post(`/api/v1/legal-holds/${heldHold}/release`)
      .set('authorization', await bearerFor(app, held.users.owner.email))
      .send({ reason: 'Inquiry closed' })
      .expect(200);
    expect(await job.run()).toEqual({ [held.organizationId]: 'purged' });
    expect(await countsOf(held.organizationId)).toEqual({});
  }, 120_000);
});
