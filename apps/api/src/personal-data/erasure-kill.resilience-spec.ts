import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateKey } from '#crypto';
import { type DataSubject, PersonalDataRegistry } from '#personal-data';
import {
  bearerFor,
  createOrganization,
  createTestApp,
  createTestDatabase,
  killHard,
  startWorker,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
  waitFor,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { JobsService } from '../jobs/jobs.service.js';
import { ERASE_SUBJECT, ErasureService } from './erasure.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const BATCH = 2;
/** The subject's records: with steps of two, 21 transactions in five categories. */
const SEED = { communications: 20, jobs: 4, invoices: 5 };
/** What the erasure writes besides the subject's own rows: every other table must stay byte for byte. */
const RUN_WRITES = ['erasures', 'erasure_receipts', 'audit_entries', 'audit_pending', 'audit_chain_heads'];

/**
 * An erasure survives killed workers: the built worker (`npm run worker`) erasing a client in
 * steps of two is killed with SIGKILL at four points, each one held there by a lock the test
 * takes (a record of the first category, a record midway through the third, the key table,
 * the erasure's row), and a new worker continues after each kill. It ends once: one completed
 * erasure, a receipt per category with the seeded counts, the key destroyed, one completion
 * entry; another client of the same organization and another organization's are untouched.
 */
(onServer && existsSync('dist/apps/api/src/worker.js') ? describe : describe.skip)('erasure, worker killed', () => {
  let db: TestDatabase;
  let app: TestApp;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  const journalDir = mkdtempSync(join(tmpdir(), 'steward-key-journal-'));
  // One key journal for every worker: a restarted worker on the same host finds the lines of the killed one.
  const env = {
    MASTER_KEY: generateKey().toString('base64'),
    ERASURE_BATCH_SIZE: String(BATCH),
    KEY_JOURNAL_DIR: journalDir,
    JOBS_WORKER: 'false',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // A killed worker's statement waiting on the test's lock dies with it instead of running once the lock goes.
    const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    await db.query(`ALTER DATABASE "${name}" SET client_connection_check_interval = 100`);
    app = await createTestApp({ db, env });
    ours = await createOrganization(app, ['owner']);
    theirs = await createOrganization(app, ['owner']);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** An organization's owner's way to post, with a branch and a tax policy for its invoices. */
  type Poster = { post: (path: string, body: object) => Promise<{ id: string }>; branch: string };
  const setUp = new Map<string, Promise<Poster>>();
  const organizationOf = (org: TestOrganization): Promise<Poster> => {
    if (!setUp.has(org.organizationId)) {
      setUp.set(
        org.organizationId,
        (async () => {
          const owner = await bearerFor(app, org.users.owner.email);
          const post = async (path: string, body: object): Promise<{ id: string }> =>
            (await app.http().post(`/api/v1${path}`).set('authorization', owner).send(body).expect(201)).body;
          const branch = (await post('/branches', { name: 'Leeds' })).id;
          await post('/tax-policies', {
            name: 'UK VAT',
            pricing: 'exclusive',
            rates: [{ code: 'STD', name: 'Standard', basisPoints: 2000 }],
            effectiveFrom: '2000-01-01',
          });
          return { post, branch };
        })(),
      );
    }
    return setUp.get(org.organizationId) as Promise<Poster>;
  };

  /** A client who is a person, with communications, jobs with a visit each and issued invoices. */
  const clientWithHistory = async (org: TestOrganization, name: string) => {
    const { post, branch } = await organizationOf(org);
    const owner = await bearerFor(app, org.users.owner.email);
    const email = `${name.split(' ')[0].toLowerCase()}@example.test`;
    const client = await post('/clients', { kind: 'individual', name, email, branchId: branch });
    for (let i = 0; i < SEED.communications; i++) {
      await post('/communications', {
        clientId: client.id,
        kind: 'note',
        direction: 'internal',
        body: `Private note ${i} about ${name}`,
      });
    }
    for (let i = 0; i < SEED.jobs; i++) {
      const job = await post('/jobs', { clientId: client.id, title: `Boiler ${i} for ${name}` });
      await post('/schedule', {
        kind: 'job_visit',
        jobId: job.id,
        assigneeId: org.users.owner.id,
        startsAt: `2031-03-0${i + 1}T09:00:00.000Z`,
        endsAt: `2031-03-0${i + 1}T10:00:00.000Z`,
        title: `Visit ${i} ${name}`,
        allowDoubleBooking: true,
      });
    }
    for (let i = 0; i < SEED.invoices; i++) {
      const invoice = await post('/invoices', {
        clientId: client.id,
        currency: 'GBP',
        lines: [{ description: `Service ${i}`, quantity: 1, unitPriceMinor: 5000, taxCode: 'STD' }],
      });
      await app
        .http()
        .post(`/api/v1/invoices/${invoice.id}/issue`)
        .set('authorization', owner)
        .send({ version: 1 })
        .expect(200);
    }
    return client.id as string;
  };

  /** The ids of the subject's rows in a table. */
  const rowsOf = async (table: string, clientId: string) =>
    (await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE client_id = $1`, [clientId])).map((row) => row.id);

  /**
   * A digest of every table but the erasure's own, and of the tables it erases from without
   * the subject's rows (named by the ids they had before): what the erasure must not touch.
   */
  const outsideScope = async (clientId: string, ids: Record<string, string[]>) => {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1`,
      [RUN_WRITES],
    );
    const scoped: Record<string, string> = {
      clients: 'NOT (t.id = ANY($1))',
      communications: 'NOT (t.id = ANY($1))',
      jobs: 'NOT (t.id = ANY($1))',
      schedule_entries: 'NOT (t.id = ANY($1))',
      invoices: 'NOT (t.id = ANY($1))',
      subject_keys: 't.subject_id <> $2',
    };
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const where = scoped[name] ?? 'TRUE';
      const [row] = await db.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
           FROM "${name}" t WHERE ${where} AND $1::uuid[] IS NOT NULL AND $2::text IS NOT NULL`,
        [ids[name] ?? [], `client:${clientId}`],
      );
      digests[name] = `${row.n} ${row.digest ?? 'empty'}`;
    }
    return digests;
  };

  const erasure = async (id: string) =>
    (
      await db.query<{ completed_at: Date | null; key_destroyed_at: Date | null }>(
        'SELECT completed_at, key_destroyed_at FROM erasures WHERE id = $1',
        [id],
      )
    )[0];
  const receipts = (id: string) =>
    db.query<{ category: string; mode: string; affected: number; completed_at: Date | null }>(
      'SELECT category, mode, affected, completed_at FROM erasure_receipts WHERE erasure_id = $1',
      [id],
    );
  const wrappedKey = async (clientId: string) =>
    (
      await db.query<{ wrapped: boolean; destroyed_at: Date | null }>(
        'SELECT wrapped_key IS NOT NULL AS wrapped, destroyed_at FROM subject_keys WHERE subject_id = $1',
        [`client:${clientId}`],
      )
    )[0];
  const auditCount = async (action: string, clientId: string) =>
    (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_entries WHERE action = $1 AND target_id = $2',
        [action, clientId],
      )
    )[0].n;

  it('should complete once, with the seeded counts and nothing else touched, when the worker is killed at four points', async () => {
    const subjectId = await clientWithHistory(ours, 'Kim Killed');
    const neighbour = await clientWithHistory(ours, 'Lee Left');
    const stranger = await clientWithHistory(theirs, 'Max Elsewhere');
    const subject: DataSubject = { kind: 'client', id: subjectId, organizationId: ours.organizationId };
    const plan = app.app
      .get(PersonalDataRegistry)
      .erasurePlan(subject)
      .map(({ provider, mode }) => ({ category: provider.category, mode }));
    // What each category holds of the subject; invoices stay (legal hold), de-identified.
    const seeded: Record<string, number> = {
      'crm.invoices': SEED.invoices,
      'crm.schedules': SEED.jobs,
      'crm.communications': SEED.communications,
      'crm.jobs': SEED.jobs,
      'crm.clients': 1,
    };
    expect(plan.map((step) => step.category).sort()).toEqual(Object.keys(seeded).sort());
    const order = plan.map((step) => step.category);
    const ids: Record<string, string[]> = {
      clients: [subjectId],
      communications: await rowsOf('communications', subjectId),
      jobs: await rowsOf('jobs', subjectId),
      schedule_entries: await rowsOf('schedule_entries', subjectId),
      invoices: await rowsOf('invoices', subjectId),
    };
    expect(ids.communications).toHaveLength(SEED.communications);
    expect(ids.invoices).toHaveLength(SEED.invoices);
    expect((await wrappedKey(subjectId)).wrapped).toBe(true);
    const before = await outsideScope(subjectId, ids);
    expect(before.clients).toMatch(/^2 /); // the neighbour and the stranger
    expect(before.communications).toMatch(new RegExp(`^${2 * SEED.communications} `));

    /**
     * Locks the subject's rows of `table` but the first `skip` that the steps' own query (no
     * order: the plan's) takes, so that those steps commit and the next one waits.
     */
    const lockAllBut = async (locker: pg.Client, table: string, filter: string, skip: number) => {
      const where = `organization_id = $1 AND client_id = $2 ${filter}`;
      const first = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${where} LIMIT $3`, [
        ours.organizationId,
        subjectId,
        skip,
      ]);
      expect(first).toHaveLength(skip);
      const locked = await locker.query(`SELECT id FROM ${table} WHERE ${where} AND NOT (id = ANY($3)) FOR UPDATE`, [
        ours.organizationId,
        subjectId,
        first.map((row) => row.id),
      ]);
      expect(locked.rowCount).toBeGreaterThan(0);
    };
    const erasureId = await app.app.get(ErasureService).start(subject);
    const progress = async () => {
      const done = Object.fromEntries((await receipts(erasureId)).map((receipt) => [receipt.category, receipt]));
      const current = order.find((category) => !done[category]?.completed_at);
      if (!current) return 'every category';
      const index = order.indexOf(current);
      return `${current}: ${done[current]?.affected ?? 0} of ${seeded[current]} records (category ${index + 1} of ${order.length})`;
    };
    // Each point holds the worker on a lock of the test: it is killed while waiting there.
    const points: Array<{ hold: (locker: pg.Client) => Promise<unknown>; check: () => Promise<void> }> = [
      {
        // Every invoice but the first step's (the worker's own query picks them): that step commits, the next waits.
        hold: (locker) => lockAllBut(locker, 'invoices', 'AND deidentified_at IS NULL', BATCH),
        check: async () => {
          expect(order[0]).toBe('crm.invoices');
          expect(await receipts(erasureId)).toEqual([
            expect.objectContaining({ category: 'crm.invoices', affected: BATCH, completed_at: null }),
          ]);
        },
      },
      {
        // Every communication but five steps' worth: five steps of the third category commit, the sixth waits.
        hold: (locker) => lockAllBut(locker, 'communications', '', 5 * BATCH),
        check: async () => {
          const byCategory = Object.fromEntries((await receipts(erasureId)).map((r) => [r.category, r]));
          expect(byCategory['crm.communications']).toMatchObject({ affected: 5 * BATCH, completed_at: null });
          expect(byCategory['crm.invoices']).toMatchObject({ affected: SEED.invoices, completed_at: expect.any(Date) });
        },
      },
      {
        // The key table: every category is done and the journal has its line; the key row waits.
        hold: (locker) => locker.query('LOCK TABLE subject_keys IN ACCESS EXCLUSIVE MODE'),
        check: async () => {
          const all = await receipts(erasureId);
          expect(all).toHaveLength(order.length);
          expect(all.every((receipt) => receipt.completed_at instanceof Date)).toBe(true);
          expect((await wrappedKey(subjectId)).wrapped).toBe(true);
          expect(await erasure(erasureId)).toEqual({ completed_at: null, key_destroyed_at: null });
        },
      },
      {
        // The erasure's row: the key is destroyed, the erasure not yet marked nor closed.
        hold: (locker) => locker.query('SELECT 1 FROM erasures WHERE id = $1 FOR UPDATE', [erasureId]),
        check: async () => {
          expect((await wrappedKey(subjectId)).wrapped).toBe(false);
          expect(await erasure(erasureId)).toEqual({ completed_at: null, key_destroyed_at: null });
          expect(await auditCount('privacy.erasure.completed', subjectId)).toBe(0);
        },
      },
    ];
    const killedAfter: string[] = [];
    for (const [index, point] of points.entries()) {
      const locker = new pg.Client({ connectionString: db.url });
      await locker.connect();
      const [{ pid }] = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const waiting = async () =>
        (
          await db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
            [pid],
          )
        )[0].n;
      try {
        await locker.query('BEGIN');
        await point.hold(locker);
        const worker = startWorker(db.url, env);
        try {
          // The first job is start's; each next one is the retry, sent at once instead of after its expiry.
          if (index > 0) {
            await app.app
              .get(JobsService)
              .enqueueNow(ERASE_SUBJECT, { organizationId: ours.organizationId, erasureId });
          }
          await waitFor(async () => (await waiting()) > 0);
        } finally {
          await killHard(worker);
        }
        // Its statement goes with it (client_connection_check_interval), before the lock is let go.
        await waitFor(async () => (await waiting()) === 0);
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      await point.check();
      const state = await progress();
      killedAfter.push(
        index === 2 ? 'every category, before the key row' : index === 3 ? 'the key, before the close' : state,
      );
    }

    const worker = startWorker(db.url, env);
    try {
      await app.app.get(JobsService).enqueueNow(ERASE_SUBJECT, { organizationId: ours.organizationId, erasureId });
      await waitFor(async () => (await erasure(erasureId)).completed_at !== null);
    } finally {
      await killHard(worker);
    }
    // The killed attempts' own retries (after their expiry) find it finished: here, at once.
    await app.app.get(ErasureService).run(ours.organizationId, erasureId);

    const erasures = await db.query<{ id: string; completed: boolean; key_destroyed: boolean }>(
      `SELECT id, completed_at IS NOT NULL AS completed, key_destroyed_at IS NOT NULL AS key_destroyed
         FROM erasures WHERE subject_id = $1`,
      [subjectId],
    );
    expect(erasures).toEqual([{ id: erasureId, completed: true, key_destroyed: true }]);
    const final = Object.fromEntries(
      (await receipts(erasureId)).map((r) => [
        r.category,
        { mode: r.mode, affected: r.affected, done: !!r.completed_at },
      ]),
    );
    expect(final).toEqual(
      Object.fromEntries(
        plan.map(({ category }) => [
          category,
          { mode: category === 'crm.invoices' ? 'deidentify' : 'delete', affected: seeded[category], done: true },
        ]),
      ),
    );
    expect(await wrappedKey(subjectId)).toEqual({ wrapped: false, destroyed_at: expect.any(Date) });
    // The journal names the subject's key, and no other (a line per attempt that reached it).
    const journal = readFileSync(join(journalDir, 'destroyed-keys.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line).subject);
    expect(new Set(journal)).toEqual(new Set([`client:${subjectId}`]));
    expect(await auditCount('privacy.erasure.started', subjectId)).toBe(1);
    expect(await auditCount('privacy.erasure.category', subjectId)).toBe(order.length);
    expect(await auditCount('privacy.erasure.completed', subjectId)).toBe(1);
    const [gone] = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM clients WHERE id = $1)::int AS clients,
              (SELECT count(*) FROM communications WHERE client_id = $1)::int AS communications,
              (SELECT count(*) FROM jobs WHERE client_id = $1)::int AS jobs,
              (SELECT count(*) FROM schedule_entries WHERE client_id = $1)::int AS schedules,
              (SELECT count(*) FROM invoices WHERE id = ANY($2) AND bill_to_enc IS NOT NULL)::int AS billed,
              (SELECT count(*) FROM invoices WHERE id = ANY($2))::int AS invoices`,
      [subjectId, ids.invoices],
    );
    expect(gone).toEqual({ clients: 0, communications: 0, jobs: 0, schedules: 0, billed: 0, invoices: SEED.invoices });
    // Nothing outside the subject: the neighbour, the other organization, every other table.
    expect(await outsideScope(subjectId, ids)).toEqual(before);
    for (const [org, clientId] of [
      [ours, neighbour],
      [theirs, stranger],
    ] as const) {
      const owner = await bearerFor(app, org.users.owner.email);
      await app.http().get(`/api/v1/clients/${clientId}`).set('authorization', owner).expect(200);
      expect((await wrappedKey(clientId)).wrapped).toBe(true);
    }
    const owner = await bearerFor(app, ours.users.owner.email);
    const verified = await app.http().post('/api/v1/audit/verify').set('authorization', owner).expect(200);
    expect(verified.body.intact).toBe(true);

    const steps = order.reduce((sum, category) => sum + Math.floor(seeded[category] / BATCH) + 1, 0);
    writeResult('worker-kill-erasure', {
      operation: `erasure of a client (${Object.values(seeded).reduce((a, b) => a + b, 0)} records in ${order.length} categories)`,
      batches: steps,
      points: killedAfter,
      outcome:
        `completed once: 1 erasure, a receipt per category with the seeded counts, the key destroyed ` +
        `(${journal.length} journal lines for it), ` +
        '1 completion entry, the neighbour, the other organization and every other table unchanged',
    });
  }, 300_000);
});
