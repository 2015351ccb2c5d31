import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropSecondaryIndexes, rebuildIndexes } from './indexes.js';
import { type Manifest, SEED_FORMAT, type SeedOptions, writeManifest } from './manifest.js';
import { seedAudit, verifyAuditChain } from './phases/audit.js';
import { seedClientsAndContacts } from './phases/clients-contacts.js';
import { seedCommunications } from './phases/communications.js';
import { seedJobsAndBilling } from './phases/jobs.js';
import { agentsPerBranch, seedOrganization } from './phases/organization.js';
import { buildPlainContacts, createPlainSchema, PLAIN_SCHEMA } from './plain.js';
import { ProductCrypto } from './product.js';
import { chooseSamples } from './samples.js';
import { seedContext } from './tenant.js';
import { productEnvironment, verifyThroughProduct } from './verify.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Fixed, so the seed and every product instance the bench starts read the same keys. Not a secret. */
export const BENCH_MASTER_KEY = Buffer.from('bench-master-key-not-a-secret!!!').toString('base64');
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/steward_bench';
export const DEFAULT_MANIFEST = join(root, 'bench/.data/manifest.json');

const USAGE = `Usage: node dist/bench/seed/seed.js [options]
  --database-url URL     dedicated database, dropped and recreated (default ${DEFAULT_DATABASE_URL})
  --seed N               same seed, same rows (default 42)
  --contacts N           default 100000 (quick: 5000); clients are a quarter of it
  --communications N     default 1000000 (quick: 50000)
  --audit N              audit entries, default 1000000 (quick: 50000)
  --jobs N               default 1.2 per contact, half of them new
  --quick                the small sizes above
  --manifest PATH        default bench/.data/manifest.json
  --skip-verify          do not start the product to check the result`;

function parseOptions(): SeedOptions & { databaseUrl: string; manifest: string; verify: boolean } {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: DEFAULT_DATABASE_URL },
      seed: { type: 'string', default: '42' },
      contacts: { type: 'string' },
      communications: { type: 'string' },
      audit: { type: 'string' },
      jobs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      manifest: { type: 'string', default: DEFAULT_MANIFEST },
      'skip-verify': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: string, value: string | undefined, fallback: number) => {
    const parsed = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number\n${USAGE}`);
    return parsed;
  };
  const quick = values.quick;
  const contacts = count('contacts', values.contacts, quick ? 5_000 : 100_000);
  if (contacts < 100) throw new Error('--contacts must be at least 100');
  return {
    databaseUrl: values['database-url'],
    manifest: resolve(values.manifest),
    verify: !values['skip-verify'],
    seed: count('seed', values.seed, 42),
    contacts,
    communications: count('communications', values.communications, quick ? 50_000 : 1_000_000),
    audit: count('audit', values.audit, quick ? 50_000 : 1_000_000),
    jobs: count('jobs', values.jobs, Math.round(contacts * 1.2)),
    quick,
  };
}

/** Drops and recreates the dedicated database, then migrates it with the product's own migrations. */
async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  // The seed drops the database it is given: only one meant for benchmarks.
  if (!/bench/i.test(name))
    throw new Error(`Refusing to drop "${name}": the bench database's name must contain "bench"`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const migrated = spawnSync(process.execPath, ['dist/apps/api/src/database/migrate.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, ...productEnvironment({ databaseUrl, masterKey: BENCH_MASTER_KEY }) },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`Migration failed:\n${migrated.stdout}${migrated.stderr}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const phases: Record<string, number> = {};
  const started = performance.now();
  const phase = async <T>(name: string, work: () => Promise<T>, describe: (result: T) => string): Promise<T> => {
    const begun = performance.now();
    const result = await work();
    phases[name] = Math.round((performance.now() - begun) / 100) / 10;
    console.log(`  ${name.padEnd(18)} ${phases[name].toFixed(1).padStart(6)} s  ${describe(result)}`);
    return result;
  };
  console.log(
    `Seeding ${options.databaseUrl} (seed ${options.seed}: ${options.contacts} contacts, ` +
      `${options.communications} communications, ${options.audit} audit entries, ${options.jobs} jobs)`,
  );
  await phase(
    'database',
    () => recreateDatabase(options.databaseUrl),
    () => 'dropped, created, migrated',
  );

  // A seed that crashes is simply run again: no need to wait for each commit to reach the disk.
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 6, options: '-c synchronous_commit=off' });
  try {
    const ctx = seedContext(db, options.seed, new ProductCrypto(BENCH_MASTER_KEY));
    await createPlainSchema(db);
    const indexes = await phase(
      'drop-indexes',
      () => dropSecondaryIndexes(db, BULK_TABLES),
      (dropped) => `${dropped.length} secondary indexes of the big tables set aside until the data is in`,
    );
    const org = await phase(
      'organization',
      () => seedOrganization(ctx, agentsPerBranch(options.contacts)),
      (result) => `${result.branches.length} branches, ${result.staff.length} staff`,
    );
    const people = await phase(
      'clients-contacts',
      () => seedClientsAndContacts(ctx, org, options.contacts),
      (result) => `${result.clients.length} clients, ${result.contacts.ids.length} contacts`,
    );
    const communications = await phase(
      'communications',
      () => seedCommunications(ctx, org, people.clients, people.contacts, options.communications),
      (result) => `${result.count} communications; longest timeline ${result.longTimeline.communications}`,
    );
    const jobs = await phase(
      'jobs-billing',
      () => seedJobsAndBilling(ctx, org, people.clients, options.jobs),
      (result) =>
        `${result.jobs} jobs (${result.newJobIds.length} new), ${result.scheduleEntries} schedule entries, ` +
        `${result.invoices} invoices, ${result.payments} payments` +
        (result.doubleBooked ? `; ${result.doubleBooked} visits double booked` : ''),
    );
    const targets = {
      contact: people.contacts.ids,
      client: people.clients.map((client) => client.id),
      job: jobs.sampleIds,
      communication: communications.sampleIds,
    };
    await phase(
      'audit',
      () => seedAudit(ctx, org, targets, options.audit),
      (count) => `${count} entries, chained`,
    );
    await phase(
      'indexes',
      () => rebuildIndexes(db, indexes),
      (count) => `${count} indexes built`,
    );
    await phase(
      'plaintext-twin',
      () => buildPlainContacts(db),
      (result) => `${PLAIN_SCHEMA}.contacts: ${result.contacts} contacts in clear, ${result.indexes} secondary indexes`,
    );
    await phase(
      'vacuum-analyze',
      () => db.query('VACUUM (ANALYZE)'),
      () => 'statistics and visibility map ready',
    );
    // After ANALYZE: without statistics the planner sorts the whole trail for every page it reads.
    await phase(
      'audit-verify',
      () => verifyAuditChain(ctx, org.id),
      (count) => `${count} entries recomputed: intact`,
    );
    const samples = await phase(
      'samples',
      () => chooseSamples(ctx, org, people, options.contacts),
      (result) =>
        `search "${result.searchWord}" → ${result.searchMatches}, tag ${result.tag} → ${result.tagMatches}, ` +
        `branch ${result.branchName} → ${result.branchMatches}`,
    );

    // Beside the manifest, and named relative to the repository in it.
    const jobIdsNewFile = join(dirname(options.manifest), 'jobs-new.txt');
    mkdirSync(dirname(jobIdsNewFile), { recursive: true });
    writeFileSync(jobIdsNewFile, `${jobs.newJobIds.join('\n')}\n`);
    const counts = await countRows(db);
    const manager = org.staff.find((member) => member.role === 'manager') as { email: string };
    const agent = org.staff.find((member) => member.role === 'agent') as { email: string };
    const manifest: Manifest = {
      format: SEED_FORMAT,
      options: {
        seed: options.seed,
        contacts: options.contacts,
        communications: options.communications,
        audit: options.audit,
        jobs: options.jobs,
        quick: options.quick,
      },
      databaseUrl: options.databaseUrl,
      masterKey: BENCH_MASTER_KEY,
      productEnv: productEnvironment({ databaseUrl: options.databaseUrl, masterKey: BENCH_MASTER_KEY }),
      organizationId: org.id,
      organizationSlug: org.slug,
      branchIds: org.branches.map((branch) => branch.id),
      owner: { email: org.owner.email, password: org.password },
      staff: { manager: manager.email, agent: agent.email, password: org.password },
      counts,
      samples: {
        contactIdLongTimeline: communications.longTimeline.contactId,
        longTimelineCommunications: communications.longTimeline.communications,
        clientId: people.clients[0].id,
        ...samples,
        jobIdsNewFile: relative(root, jobIdsNewFile),
        jobIdsNewCount: jobs.newJobIds.length,
        jobIdNew: jobs.newJobIds[0],
        invoiceId: jobs.sampleInvoiceId,
      },
      phases,
      totalSeconds: 0,
      seededAt: new Date().toISOString(),
      verification: [],
    };
    manifest.totalSeconds = Math.round((performance.now() - started) / 100) / 10;
    if (options.verify) {
      manifest.verification = await phase(
        'product-check',
        () => verifyThroughProduct(root, join(dirname(options.manifest), 'product'), manifest),
        (checks) => `${checks.filter((check) => check.ok).length}/${checks.length} checks passed`,
      );
      for (const check of manifest.verification) {
        console.log(
          `    ${check.ok ? 'ok  ' : 'FAIL'} ${check.request} → ${check.status} in ${check.ms} ms: ${check.detail}`,
        );
      }
    }
    writeManifest(options.manifest, manifest);
    console.log(`Seeded in ${manifest.totalSeconds} s; manifest: ${relative(process.cwd(), options.manifest)}`);
    if (manifest.verification.some((check) => !check.ok)) process.exitCode = 1;
  } finally {
    await db.end();
  }
}

/** Tables that get most rows: their secondary indexes are built after loading. */
const BULK_TABLES = [
  'clients',
  'contacts',
  'communications',
  'crm_activity',
  'jobs',
  'schedule_entries',
  'invoices',
  'payments',
  'audit_entries',
];

const TABLES = [
  'organizations',
  'branches',
  'users',
  'subject_keys',
  'clients',
  'contacts',
  'communications',
  'jobs',
  'schedule_entries',
  'invoices',
  'payments',
  'tax_policies',
  'crm_activity',
  'audit_entries',
  `${PLAIN_SCHEMA}.contacts`,
];

async function countRows(db: pg.Pool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  return counts;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
