// `node scripts/sqlmap.mjs`: SQL injection scan of the list and search endpoints with
// Debian's sqlmap (`apt-get install -y sqlmap`). Starts the built API (as `npm start`
// does, with the demo organization) on a database of its own: a fresh database on the
// server in DATABASE_URL, else embedded PGlite in a temporary folder. Signs in as the
// demo owner and runs sqlmap in batch mode, bounded in level, risk, techniques and time,
// on every query parameter of each target with the bearer token. Fails when sqlmap
// reports an injection point; writes its figures to docs/reliability.md.
//   SQLMAP_LEVEL (default 2), SQLMAP_RISK (1), SQLMAP_TECHNIQUES (BEUST), SQLMAP_MAX_SECONDS (900).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ensureBuilt, ensureInstalled, root } from './lib/prepare.mjs';
import { renderReliability } from './lib/reliability.mjs';

const LEVEL = process.env.SQLMAP_LEVEL ?? '2';
const RISK = process.env.SQLMAP_RISK ?? '1';
const TECHNIQUES = process.env.SQLMAP_TECHNIQUES ?? 'BEUST';
const MAX_SECONDS = Number(process.env.SQLMAP_MAX_SECONDS ?? 900);
const DEMO_OWNER = { email: 'owner@harbor-pine.test', password: 'harbor-pine-demo-2026' };

const version = spawnSync('sqlmap', ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error('sqlmap is not installed: apt-get install -y sqlmap');
  process.exit(2);
}
ensureInstalled();
ensureBuilt('api', 'web');

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'steward-sqlmap-'));
const server = process.env.DATABASE_URL;
const database = `steward_sqlmap_${randomBytes(4).toString('hex')}`;
const admin = server ? new pg.Client({ connectionString: withDatabase(server, 'postgres') }) : undefined;
if (admin) {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { DATABASE_URL: _server, ...inherited } = process.env;
const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...inherited,
    ...(server ? { DATABASE_URL: withDatabase(server, database) } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(work, 'data'),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // sqlmap sends thousands of requests from one address: the limits would answer 429.
    RATE_LIMIT_PER_MINUTE: '10000000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000000',
  },
});
let exitCode = 1;
try {
  await waitForReady();
  const token = await signIn();
  const ids = await someIds(token);
  const targets = [
    { url: `/api/v1/clients?q=harbor&tag=vip&sort=name&branchId=${ids.branch}&ownerId=${ids.user}`, parameters: [] },
    { url: `/api/v1/contacts?q=ann&clientId=${ids.client}&tag=vip`, parameters: [] },
    { url: '/api/v1/contacts/export?q=ann', parameters: [] },
    { url: `/api/v1/communications?clientId=${ids.client}&kind=note`, parameters: [] },
    { url: '/api/v1/jobs?q=fix&status=new&priority=high&assigneeId=me', parameters: [] },
    { url: '/api/v1/invoices?status=draft&overdue=true', parameters: [] },
    { url: '/api/v1/schedule?from=2030-01-01T00:00:00Z&to=2030-01-08T00:00:00Z', parameters: [] },
    { url: '/api/v1/audit/entries?action=client.created&targetType=client&outcome=success', parameters: [] },
    { url: '/api/v1/users?role=agent&state=active', parameters: [] },
    {
      url: '/api/v1/privacy-requests?q=someone%40example.test&status=received&type=access&overdue=true',
      parameters: [],
    },
  ];
  let injections = 0;
  for (const target of targets) {
    target.parameters = [...new URL(target.url, base).searchParams.keys()];
    const seconds = Math.max(30, MAX_SECONDS - (Date.now() - started) / 1000);
    const output = await runSqlmap(`${base}${target.url}`, token, seconds);
    const found = /identified the following injection point|is vulnerable/i.test(output);
    // A scan that was refused (401/403/429) tested nothing: inconclusive, not clean.
    const codes = /HTTP error codes detected during run:\s*\n?(.*)/i.exec(output)?.[1]?.trim() ?? '';
    const refused = /\b(401|403|429)\b/.test(codes);
    const clean = !refused && /do not appear to be injectable|not injectable/i.test(output);
    injections += found ? 1 : 0;
    target.result = found
      ? 'INJECTION FOUND'
      : clean
        ? `not injectable${codes ? ` (answers: ${codes})` : ''}`
        : `inconclusive (${codes || 'see the output'})`;
    console.log(`sqlmap ${target.url}: ${target.result}`);
    if (found || !clean) console.log(output.split('\n').slice(-40).join('\n'));
  }
  const inconclusive = targets.filter((target) => target.result.startsWith('inconclusive')).length;
  const figures = {
    version: version.stdout.split('\n')[0].trim(),
    level: LEVEL,
    risk: RISK,
    techniques: TECHNIQUES,
    seconds: Math.round((Date.now() - started) / 1000),
    // The demo's ids differ on every run: the page shows where they go, not what they were.
    targets: targets.map((target) => ({ ...target, url: target.url.replace(/[0-9a-f-]{36}/g, '{id}') })),
    injections,
  };
  renderReliability({ sqlmap: figures });
  console.log(
    `sqlmap: ${targets.length} targets, ${injections} injections, ${inconclusive} inconclusive, ${figures.seconds} s`,
  );
  exitCode = injections || inconclusive ? 1 : 0;
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);

function runSqlmap(url, token, seconds) {
  return new Promise((resolve) => {
    const child = spawn(
      'sqlmap',
      [
        '-u',
        url,
        `--headers=Authorization: Bearer ${token}\nAccept: application/json`,
        '--batch',
        `--level=${LEVEL}`,
        `--risk=${RISK}`,
        `--technique=${TECHNIQUES}`,
        '--dbms=PostgreSQL',
        '--time-sec=2',
        '--timeout=15',
        '--retries=1',
        '--threads=4',
        '--flush-session',
        '--disable-coloring',
        `--output-dir=${join(work, 'sqlmap')}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), seconds * 1000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

async function waitForReady() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (api.exitCode !== null) throw new Error(`The API exited with ${api.exitCode}`);
    await sleep(500);
  }
  throw new Error('The API did not get ready in 120 s');
}

async function signIn() {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_OWNER),
  });
  if (!response.ok) throw new Error(`Demo sign-in failed: ${response.status}`);
  const token = (await response.json()).accessToken;
  // The demo publishes a new platform policy version: until the owner accepts it, every
  // other request answers 403 policy-acceptance-required and sqlmap would test nothing.
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const status = await (await fetch(`${base}/api/v1/me/privacy-policy`, { headers })).json();
  if (status.required) {
    const accepted = await fetch(`${base}/api/v1/me/privacy-policy/acceptance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ number: status.current.number }),
    });
    if (!accepted.ok) throw new Error(`Accepting the privacy policy failed: ${accepted.status}`);
  }
  return token;
}

/** Real ids for the id filters, so the filters reach the database. */
async function someIds(token) {
  const get = async (path) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const [clients, branches, users] = [
    await get('/api/v1/clients?limit=1'),
    await get('/api/v1/branches'),
    await get('/api/v1/users?limit=1'),
  ];
  const first = (body) => (body.items ?? body.data ?? body)[0]?.id;
  return { client: first(clients), branch: first(branches), user: first(users) };
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
