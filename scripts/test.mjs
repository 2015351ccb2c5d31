// `npm test`: the whole suite. Uses TEST_DATABASE_URL or DATABASE_URL when set (each
// test file gets its own database cloned from a migrated template), PGlite otherwise.
// Extra arguments go to Jest: `npm test -- apps/api/src/health`.
import { ensureBuilt, ensureInstalled, run } from './lib/prepare.mjs';

ensureInstalled();
ensureBuilt('web'); // the browser tests load the built SPA
run(process.execPath, [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
  ...process.argv.slice(2),
]);
