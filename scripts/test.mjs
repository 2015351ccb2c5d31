// `npm test`: the whole suite. Uses TEST_DATABASE_URL or DATABASE_URL when set (each
// test file gets its own database cloned from a migrated template), PGlite otherwise.
// Extra arguments go to Jest: `npm test -- apps/api/src/health`.
// `npm run test:resilience` (`--resilience`): the long fault tests (`*.resilience-spec.ts`:
// load, a database restart, killed workers, replicas), one file at a time, on a server only;
// the same log scan and docs/reliability.md rendering follow.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_SHAPES, scanRun } from '../libs/testing/src/log-scan.mjs';
import { RUN_DIR_VARIABLE, readCanaries, readResults, writeResult } from '../libs/testing/src/run-record.mjs';
import { apiNodeFlags } from './lib/node-flags.mjs';
import { ensureBuilt, ensureInstalled, root } from './lib/prepare.mjs';
import { renderReliability } from './lib/reliability.mjs';

const RESILIENCE_FLAG = '--resilience';
const resilience = process.argv.includes(RESILIENCE_FLAG);
const jestArgs = process.argv.slice(2).filter((arg) => arg !== RESILIENCE_FLAG);

ensureInstalled();
ensureBuilt('api', 'web'); // the browser tests load the built SPA; the crash tests run the built worker

const resultsDir = mkdtempSync(join(tmpdir(), 'steward-jest-'));
const resultsFile = join(resultsDir, 'results.json');
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    // AsyncLocalStorage as the API runs it (scripts/lib/node-flags.mjs): the default from Node 24.
    ...apiNodeFlags().filter((flag) => flag.includes('async-context')),
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${resultsFile}`,
    ...jestArgs,
  ],
  // Every app's log lines, the canaries and the security suites' figures land in the run directory.
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      [RUN_DIR_VARIABLE]: join(resultsDir, 'run'),
      ...(resilience ? { STEWARD_TEST_LANE: 'resilience' } : {}),
    },
  },
);
// The log scan: no secret or personal value the tests created may appear in any log line.
const scan = scanRun(join(resultsDir, 'run'), readCanaries(join(resultsDir, 'run')));
process.env[RUN_DIR_VARIABLE] = join(resultsDir, 'run');
writeResult('log-scan', {
  lines: scan.lines,
  files: scan.files,
  canaries: scan.canaries,
  shapes: SECRET_SHAPES.length,
  findings: scan.findings.length,
});
console.log(
  `\nlog scan: ${scan.lines} lines of ${scan.files} workers against ${scan.canaries} canaries, ${scan.findings.length} findings`,
);
for (const finding of scan.findings.slice(0, 50)) {
  console.log(`  ${finding.source}:${finding.line} "${finding.message}" holds ${finding.kinds.join(', ')}`);
}
// docs/reliability.md: rewritten by a run that had the figures (the whole suite, or the security files).
// The log-scan figure is the whole `npm test` run's: the resilience lane scans its own logs but keeps it.
const written = renderReliability(readResults(join(resultsDir, 'run')), {
  wholeRun: jestArgs.length === 0 && !resilience,
});
if (written.length) console.log(`docs/reliability.md: ${written.join(', ')} updated`);
// One plain closing line that any CI reads the same way.
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  // The log scan counts as one more check.
  const [passed, failed] = [results.numPassedTests, results.numFailedTests];
  const scanFailed = scan.findings.length ? 1 : 0;
  // Browser tests run once more in CI after a failure (libs/testing/src/browser.ts): name each one that needed it.
  for (const file of results.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if ((test.invocations ?? 1) > 1) {
        console.log(
          `flaky: "${test.fullName}" ${test.status} on attempt ${test.invocations} (${file.name.replace(root, '')})`,
        );
      }
    }
  }
  console.log(`\ntests: ${passed + 1 - scanFailed} passed, ${failed + scanFailed} failed, ${skipped} skipped`);
}
rmSync(resultsDir, { recursive: true, force: true });
if (scan.findings.length) console.log('log scan failed: see the findings above');
process.exit(jest.status || (scan.findings.length ? 1 : 0));
