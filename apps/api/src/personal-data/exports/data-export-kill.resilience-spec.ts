import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateKey } from '#crypto';
import { type DataSubject, PersonalDataRegistry } from '#personal-data';
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
import { writeResult } from '../../../../../libs/testing/src/run-record.mjs';
import { JobsService } from '../../jobs/jobs.service.js';
import { BUILD_DATA_EXPORT } from './data-export.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

/**
 * An access export survives killed workers: the built worker is killed while a category is
 * held by a lock (its earlier categories written as sealed parts), at the first category that
 * reads the database, then a new worker resuming it at a middle one, then another at the last
 * one, and a fourth finishes it: one export, every category once, one `ready` entry, no part
 * left behind.
 */
(onServer && existsSync('dist/apps/api/src/worker.js') ? describe : describe.skip)(
  'access export, worker killed',
  () => {
    let app: TestApp;
    let org: TestOrganization;
    const dataDir = mkdtempSync(join(tmpdir(), 'steward-exports-'));
    const env = { MASTER_KEY: generateKey().toString('base64'), DATA_DIR: dataDir, JOBS_WORKER: 'false' };

    beforeAll(async () => {
      app = await createTestApp({ env });
      org = await createOrganization(app, ['owner', 'admin']);
    });
    afterAll(() => app?.close());

    const row = async (id: string) =>
      (
        await app.db.query<{ status: string; categories_done: number }>(
          'SELECT status, categories_done FROM data_exports WHERE id = $1',
          [id],
        )
      )[0];

    it('should produce one export when the worker is killed at the first, a middle and the last category', async () => {
      const subject: DataSubject = { kind: 'user', id: org.users.admin.id, organizationId: org.organizationId };
      const admin = await bearerFor(app, org.users.admin.email);
      const id = (await app.http().post('/api/v1/me/data-export').set('authorization', admin).expect(201)).body.id;
      const categories = app.app
        .get(PersonalDataRegistry)
        .forSubject(subject)
        .map((provider) => provider.category);
      const dir = join(dataDir, 'exports', org.organizationId, id);
      const workerEnv = { ...env, DATA_DIR: dataDir };
      // Where each worker is killed: in the first category that reads the database (the two before
      // it are anonymous counts, written without a read), in a middle one and in the last one.
      const stops = [
        { category: 'audit.trail', table: 'audit_entries' },
        { category: 'crm.activity', table: 'crm_activity' },
        { category: 'privacy.requests', table: 'privacy_requests' },
      ];
      expect(stops.map(({ category }) => categories.indexOf(category))).toEqual([
        2,
        Math.floor(categories.length / 2),
        categories.length - 1,
      ]);

      const points: string[] = [];
      for (const [attempt, stop] of stops.entries()) {
        const blocked = categories.indexOf(stop.category);
        // A long read of one category: the worker writes the categories before it, then waits there.
        const locker = new pg.Client({ connectionString: app.db.url });
        await locker.connect();
        try {
          await locker.query('BEGIN');
          await locker.query(`LOCK TABLE ${stop.table} IN ACCESS EXCLUSIVE MODE`);
          const worker = startWorker(app.db.url, workerEnv);
          try {
            // The first job is the request's; each next one is the retry, sent at once instead of after its expiry.
            if (attempt > 0) {
              await app.app
                .get(JobsService)
                .enqueueNow(BUILD_DATA_EXPORT, { organizationId: org.organizationId, exportId: id });
            }
            await waitFor(async () => {
              const current = await row(id);
              return current.status === 'building' && current.categories_done === blocked;
            });
            // The parts before the lock are written (and, on a resume, not written twice).
            await waitFor(async () => readdirSync(dir).filter((name) => name.endsWith('.part.enc')).length === blocked);
          } finally {
            await killHard(worker);
          }
        } finally {
          await locker.query('ROLLBACK');
          await locker.end();
        }
        points.push(`category ${blocked + 1} of ${categories.length} (${stop.category})`);
        expect(existsSync(join(dir, 'export.zip.enc'))).toBe(false);
      }

      const worker = startWorker(app.db.url, workerEnv);
      try {
        await app.app
          .get(JobsService)
          .enqueueNow(BUILD_DATA_EXPORT, { organizationId: org.organizationId, exportId: id });
        await waitFor(async () => (await row(id)).status === 'ready');
        // The parts go after the export is marked ready: the finishing worker is let to end its job.
        await waitFor(async () => readdirSync(dir).every((name) => !name.endsWith('.part.enc')));
      } finally {
        await killHard(worker);
      }
      const rows = await app.db.query<{ id: string; status: string; categories_done: number }>(
        "SELECT id, status, categories_done FROM data_exports WHERE subject_kind = 'user' AND subject_id = $1",
        [subject.id],
      );
      expect(rows).toEqual([{ id, status: 'ready', categories_done: categories.length }]);
      expect(readdirSync(dir)).toEqual(['export.zip.enc']);
      const [ready] = await app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'privacy.export.ready' AND details->>'export' = $1",
        [id],
      );
      expect(ready.n).toBe(1);
      const [manifest] = await app.db.query<{ categories: Array<{ category: string }> }>(
        "SELECT details->'categories' AS categories FROM audit_entries WHERE action = 'privacy.export.ready' AND details->>'export' = $1",
        [id],
      );
      expect(manifest.categories.map((entry) => entry.category)).toEqual(categories);
      const download = await app.http().get(`/api/v1/me/data-exports/${id}/download`).set('authorization', admin);
      expect(download.status).toBe(200);
      writeResult('worker-kill-export', {
        operation: `access export (${categories.length} categories)`,
        batches: categories.length,
        points,
        outcome: 'completed once: one export, every category in the archive, 1 ready entry, no part left',
      });
    }, 300_000);
  },
);
