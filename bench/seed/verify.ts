import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Manifest } from './manifest.js';

export interface ProductCheck {
  check: string;
  request: string;
  status: number;
  ms: number;
  ok: boolean;
  detail: string;
}

/** Settings the product needs to read the seeded tenant as it is (see the seed's README). */
export const productEnvironment = (manifest: Pick<Manifest, 'databaseUrl' | 'masterKey'>) => ({
  DATABASE_URL: manifest.databaseUrl,
  MASTER_KEY: manifest.masterKey,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  // The seeded trail spans the year before the seed's epoch: a shorter retention would purge it.
  AUDIT_RETENTION_DAYS: '3650',
});

/**
 * Proves the seeded rows are real: starts the product on the database (as a child
 * process), signs in as the owner and reads records through the HTTP API, which must
 * decrypt them and find them by their search digests. Stops the product afterwards.
 */
export async function verifyThroughProduct(root: string, dataDir: string, manifest: Manifest): Promise<ProductCheck[]> {
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  const product = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      ...productEnvironment(manifest),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  product.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitUntilReady(product, `${base}/health/ready`, () => errors);
    return await runChecks(base, manifest);
  } finally {
    await stop(product);
  }
}

async function runChecks(base: string, manifest: Manifest): Promise<ProductCheck[]> {
  const checks: ProductCheck[] = [];
  let token = '';
  /** One request; `accept` checks the answer and says what it proved (or throws). */
  const call = async <T>(
    check: string,
    method: 'GET' | 'POST',
    path: string,
    accept: (json: T) => string,
    body?: unknown,
  ) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json().catch(() => null)) as T | null;
    const ms = Math.round(performance.now() - started);
    let ok = response.ok && json !== null;
    let detail = JSON.stringify(json).slice(0, 300);
    if (ok) {
      try {
        detail = accept(json as T);
      } catch (error) {
        ok = false;
        detail = (error as Error).message;
      }
    }
    checks.push({ check, request: `${method} ${path}`, status: response.status, ms, ok, detail });
    return ok ? json : null;
  };
  const expect = (condition: boolean, message: string) => {
    if (!condition) throw new Error(message);
  };
  const { samples } = manifest;
  const word = samples.searchWord.toLowerCase();

  type Contact = { id: string; fullName: string; email: string | null; tags: string[]; branchId: string };
  type Page<T> = { items: T[]; nextCursor: string | null };
  type Communication = { subject: string | null; body: string | null };
  type Job = { number: number; status: string; version: number; title: string };
  type Invoice = { status: string; totalMinor: number; paidMinor: number; billTo: { name: string } | null };

  const session = await call<{ accessToken: string }>(
    'owner signs in',
    'POST',
    '/auth/sign-in',
    (json) => {
      expect(typeof json.accessToken === 'string', 'no access token');
      return 'access token issued';
    },
    manifest.owner,
  );
  token = session?.accessToken ?? '';
  if (!token) return checks;

  await call<Page<Contact>>(
    'search',
    'GET',
    `/contacts?q=${encodeURIComponent(samples.searchWord)}&limit=50`,
    (json) => {
      const misses = json.items.filter((item) => !`${item.fullName} ${item.email}`.toLowerCase().includes(word));
      expect(json.items.length > 0 && misses.length === 0, `${misses.length} results lack "${samples.searchWord}"`);
      return `${json.items.length} decrypted contacts, each named or emailed "${samples.searchWord}" (e.g. ${json.items[0].fullName})`;
    },
  );
  await call<Contact>('one contact', 'GET', `/contacts/${samples.contactIdLongTimeline}`, (json) => {
    expect(json.id === samples.contactIdLongTimeline && json.fullName.length > 0, 'wrong contact');
    return `${json.fullName} <${json.email}>`;
  });
  await call<Page<Communication>>(
    'its timeline',
    'GET',
    `/communications?contactId=${samples.contactIdLongTimeline}&limit=50`,
    (json) => {
      expect(json.items.length === 50 && json.nextCursor !== null, 'expected a full first page and more');
      const newest = json.items[0].subject ?? json.items[0].body;
      expect(
        json.items.some((item) => item.subject ?? item.body),
        'nothing decrypted',
      );
      return `50 communications and a next cursor; newest: "${newest}"`;
    },
  );
  await call<Page<Contact>>('filter by tag', 'GET', `/contacts?tag=${samples.tag}&limit=50`, (json) => {
    expect(json.items.length === 50 && json.items.every((item) => item.tags.includes(samples.tag)), 'tag filter');
    return `50 contacts tagged ${samples.tag}`;
  });
  await call<Page<Contact>>('filter by branch', 'GET', `/contacts?branchId=${samples.branchId}&limit=50`, (json) => {
    expect(json.items.length === 50 && json.items.every((item) => item.branchId === samples.branchId), 'branch filter');
    return `50 contacts of the ${samples.branchName} branch`;
  });
  await call<Job>('a new job', 'GET', `/jobs/${samples.jobIdNew}`, (json) => {
    expect(json.status === 'new' && json.version === 1, `the job is ${json.status}, version ${json.version}`);
    return `#${json.number} "${json.title}", new, version 1`;
  });
  if (samples.invoiceId) {
    await call<Invoice>('a paid invoice', 'GET', `/invoices/${samples.invoiceId}`, (json) => {
      expect(json.status === 'paid' && json.paidMinor === json.totalMinor && !!json.billTo?.name, 'invoice');
      return `paid in full (${json.totalMinor} minor units), billed to ${json.billTo?.name}`;
    });
  }
  await call<{ intact: boolean; checkedEntries: number }>('audit chain', 'POST', '/audit/verify', (json) => {
    expect(json.intact, 'the product finds the chain broken');
    return `intact: ${json.checkedEntries} entries checked by the product`;
  });
  return checks;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(product: ChildProcess, url: string, errors: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (product.exitCode !== null) throw new Error(`The product exited (${product.exitCode}):\n${errors()}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The product was not ready within 60 s:\n${errors()}`);
}

/** SIGTERM (the product drains and closes its pool), SIGKILL if it lingers. */
async function stop(product: ChildProcess): Promise<void> {
  if (product.exitCode !== null) return;
  const exited = new Promise((resolve) => product.once('exit', resolve));
  product.kill('SIGTERM');
  const timer = setTimeout(() => product.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
