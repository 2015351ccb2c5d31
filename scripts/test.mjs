// `npm test`: the whole suite. Uses TEST_DATABASE_URL or DATABASE_URL when set (each
// test file gets its own database cloned from a migrated template), PGlite otherwise.
// Extra arguments go to Jest: `npm test -- apps/api/src/health`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, root } from './lib/prepare.mjs';

ensureInstalled();
ensureBuilt('api', 'web'); // the browser tests load the built SPA; the crash tests run the built worker

const resultsDir = mkdtempSync(join(tmpdir(), 'steward-jest-'));
const resultsFile = join(resultsDir, 'results.json');
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
// One plain closing line that any CI reads the same way.
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
}
rmSync(resultsDir, { recursive: true, force: true });
process.exit(jest.status ?? 1);
