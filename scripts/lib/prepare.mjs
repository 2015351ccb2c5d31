// Used by `npm start` and `npm test` before anything is installed: Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

// NestJS 12 (through file-type), nestjs-pino and pg-boss need Node 22.12; the Nest CLI's
// schematics ask for 22.22.3 (or 24.15 on the 24 line). Keep in step with package.json engines.
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const supported =
  (major === 22 && (minor > 22 || (minor === 22 && patch >= 3))) || (major === 24 && minor >= 15) || major >= 25;
if (!supported) {
  console.error(
    `Steward CRM needs Node.js 22.22.3 or newer on the 22 line, or 24.15 or newer; this is ${process.versions.node}.`,
  );
  process.exit(1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules/.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return;
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const TARGETS = {
  api: {
    inputs: [
      'apps/api/src',
      'libs/personal-data/src',
      'libs/crypto/src',
      'libs/csv/src',
      'scripts',
      'tsconfig.json',
      'tsconfig.build.json',
      'package-lock.json',
    ],
    script: 'build:api',
    // A migrated embedded cluster for an empty DATA_DIR (dist/pglite-template): saves the
    // first start PGlite's initdb.
    after: ['dist/scripts/embedded-template.js'],
  },
  web: {
    inputs: [
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/public',
      'apps/web/vite.config.ts',
      'libs/api-client/src',
      'libs/csv/src',
      'package-lock.json',
    ],
    script: 'build:web',
  },
};

/** Rebuilds a target only when one of its inputs changed since its last build. */
export function ensureBuilt(...names) {
  for (const name of names) {
    const target = TARGETS[name];
    const stamp = join(root, `dist/.built-${name}`);
    const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    if (Math.max(...target.inputs.map(newestMtime)) <= builtAt) continue;
    console.log(`Building ${name}…`);
    run('npm', ['run', '--silent', target.script]);
    // Only a head start: the API works without it (and migrates on every start anyway).
    if (target.after && spawnSync(process.execPath, target.after, { cwd: root, stdio: 'inherit' }).status !== 0) {
      console.warn('Continuing without it: the first start on an empty DATA_DIR creates the database instead.');
    }
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(stamp, new Date().toISOString());
  }
}
