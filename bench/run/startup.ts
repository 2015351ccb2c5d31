import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, ROOT, waitForHttp } from './processes.js';

export interface StartTiming {
  seconds: number;
  /** `npm start` rebuilt something first (its inputs changed): not a time after the first build. */
  rebuilt: boolean;
}

export interface StartupResult {
  /** `npm start` on an empty DATA_DIR: embedded PGlite created, migrated, the demo seeded. */
  clean: StartTiming[];
  /** `npm start` again on the same DATA_DIR. */
  again: StartTiming[];
}

/**
 * Runs `npm start` as a person would, after the first build (bench/run/launch.mjs built the
 * API and the SPA, so `npm start` finds nothing to rebuild; if it does, the timing says so) (no DATABASE_URL: embedded PGlite) with its own
 * DATA_DIR and port, timing from the spawn to the first 200 of /api/v1/health/ready; then
 * stops its process group (npm, scripts/start.mjs and the API, all started here).
 */
async function timeNpmStart(dataDir: string): Promise<StartTiming> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATA_DIR: dataDir,
      npm_config_update_notifier: 'false',
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/v1/health/ready`, 600_000, () => !exited);
    return { seconds: (performance.now() - started) / 1000, rebuilt: /Building|Installing/.test(output) };
  } catch (error) {
    throw new Error(`npm start did not get ready: ${(error as Error).message}\n${output.slice(-3000)}`);
  } finally {
    if (!exited) {
      process.kill(-(child.pid as number), 'SIGTERM');
      const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    }
  }
}

export async function measureStartup(times: number, log: (line: string) => void): Promise<StartupResult> {
  // Sources may have changed since the launcher built them (a long run): build now, as
  // `npm start` would, so the timings below are after the build.
  const built = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "(await import('./scripts/lib/prepare.mjs')).ensureBuilt('api', 'web')"],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('Building the API and the SPA failed');
  const root = mkdtempSync(join(tmpdir(), 'steward-bench-start-'));
  try {
    const clean: StartTiming[] = [];
    const again: StartTiming[] = [];
    for (let index = 0; index < times; index++) {
      const dataDir = join(root, `clean-${index}`);
      clean.push(await timeNpmStart(dataDir));
      again.push(await timeNpmStart(dataDir));
      const rebuilt =
        clean[index].rebuilt || again[index].rebuilt ? ' (npm start rebuilt first: not a valid time)' : '';
      log(
        `  npm start, empty DATA_DIR: ${clean[index].seconds.toFixed(2)} s; again on it: ${again[index].seconds.toFixed(2)} s${rebuilt}`,
      );
    }
    return { clean, again };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
