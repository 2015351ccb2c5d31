import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The built `npm run worker` as a child process against `databaseUrl`, for tests that kill it
 * mid-work (SIGKILL) and check that the next attempt ends the work once. On PGlite it cannot
 * run: the embedded database serves one process's single connection.
 */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['dist/apps/api/src/worker.js'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '2',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-worker-')),
      LOG_LEVEL: 'warn',
      JOBS_POLL_INTERVAL_MS: '500',
      ...env,
      JOBS_WORKER: 'true',
    },
    stdio: 'ignore',
  });
}

/** Polls `condition` until it holds, or throws after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
