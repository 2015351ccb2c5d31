import { existsSync } from 'node:fs';
import { generateKey } from '#crypto';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  killHard,
  startWorker,
  type TestApp,
  type TestOrganization,
  waitFor,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { JobsService } from '../jobs/jobs.service.js';
import { ORGANIZATION_PURGE, OrganizationPurgeJob } from './organization-purge.job.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

/**
 * The purge survives a killed worker: the worker process (the built `npm run worker`) is
 * killed after the first batch, midway and near the end of a purge, and the next run ends with exactly the counts an
 * uninterrupted purge has, the bystander untouched.
 */
describe('organization purge, worker killed mid-way', () => {
  const env = { MASTER_KEY: generateKey().toString('base64'), JOBS_WORKER: 'false' };
  let app: TestApp;
  let doomed: TestOrganization;
  let bystander: TestOrganization;

  beforeAll(async () => {
    app = await createTestApp({ env });
    doomed = await createOrganization(app, ['owner', 'admin', 'agent']);
    bystander = await createOrganization(app, ['owner', 'agent']);
    for (const org of [doomed, bystander]) {
      const auth = await bearerFor(app, org.users.owner.email);
      const branch = await app.http().post('/api/v1/branches').set('authorization', auth).send({ name: 'Main' });
      for (let i = 0; i < 6; i++) {
        const client = await app
          .http()
          .post('/api/v1/clients')
          .set('authorization', auth)
          .send({ kind: 'company', name: `Company ${i}`, branchId: branch.body.id })
          .expect(201);
        await app
          .http()
          .post('/api/v1/contacts')
          .set('authorization', auth)
          .send({ clientId: client.body.id, fullName: `Contact ${i}` })
          .expect(201);
      }
    }
    // Ended 31 days ago by the wall clock, which the worker process runs on.
    await app.db.query(
      `UPDATE organizations SET subscription_state = 'ended', subscription_ended_at = now() - interval '31 days'
        WHERE id = $1`,
      [doomed.organizationId],
    );
  });
  afterAll(() => app?.close());

  const countsOf = async (organizationId: string) => {
    const tables = await app.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [{ count }] = await app.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${table_name}" WHERE organization_id = $1`,
        [organizationId],
      );
      if (count) counts[table_name] = count;
    }
    return counts;
  };

  // On PGlite it cannot: the embedded database serves one process's single connection.
  (onServer && existsSync('dist/apps/api/src/worker.js') ? it : it.skip)(
    'should end with the same counts when the worker is killed in the middle of a purge and it runs again',
    async () => {
      const before = await countsOf(doomed.organizationId);
      const bystanderBefore = await countsOf(bystander.organizationId);
      // Batches of one row: killed after the first, midway and near the last; a new worker (the
      // job's retry, sent at once instead of after its expiry) continues after each kill.
      const rows = Object.values(before).reduce((sum, n) => sum + n, 0);
      const points = [1, Math.floor(rows / 2), Math.floor(rows * 0.8)];
      const batchesNow = async () =>
        (
          await app.db.query<{ batches: number }>(
            'SELECT batches FROM organization_purges WHERE purged_organization_id = $1',
            [doomed.organizationId],
          )
        )[0]?.batches ?? 0;
      for (const point of points) {
        const worker = startWorker(app.db.url, env);
        try {
          await app.app.get(JobsService).enqueueNow(ORGANIZATION_PURGE, { batchSize: 1 });
          await waitFor(async () => (await batchesNow()) >= point);
        } finally {
          await killHard(worker);
        }
      }
      const [midway] = await app.db.query<{ status: string }>(
        'SELECT status FROM organization_purges WHERE purged_organization_id = $1',
        [doomed.organizationId],
      );
      expect(midway.status).toBe('running');
      expect(await app.db.query('SELECT id FROM organizations WHERE id = $1', [doomed.organizationId])).toHaveLength(1);

      // The next run (here at once, in this process) continues where the purge stands.
      expect(await app.app.get(OrganizationPurgeJob).run()).toEqual({ [doomed.organizationId]: 'purged' });
      expect(await countsOf(doomed.organizationId)).toEqual({});
      expect(await countsOf(bystander.organizationId)).toEqual(bystanderBefore);
      const [purge] = await app.db.query<{ status: string; removed: Record<string, number> }>(
        'SELECT status, removed FROM organization_purges WHERE purged_organization_id = $1',
        [doomed.organizationId],
      );
      expect(purge).toEqual({ status: 'completed', removed: { ...before, organizations: 1 } });
      writeResult('worker-kill-organization-purge', {
        operation: `organization purge (${rows} rows in ${Object.keys(before).length} tables)`,
        batches: await batchesNow(),
        points: points.map((point) => `batch ${point}`),
        outcome: 'completed once: the same counts as an uninterrupted purge, the bystander unchanged',
      });
    },
    300_000,
  );
});
