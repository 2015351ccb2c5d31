// `npm run bench`: builds what changed (the API and the SPA as `npm start` would, then the bench's own
// TypeScript), then runs the bench with the given arguments (`npm run bench -- --quick`).
import { spawnSync } from 'node:child_process';
import { apiNodeFlags } from '../../scripts/lib/node-flags.mjs';
import { ensureBuilt, ensureInstalled, root, run } from '../../scripts/lib/prepare.mjs';

ensureInstalled();
ensureBuilt('api', 'web');
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'bench/tsconfig.json']);
const bench = spawnSync(process.execPath, ['dist/bench/run/bench.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // The API's flags as npm start gives them (bench.ts starts it with these before --api-node-flags).
  env: { ...process.env, STEWARD_API_NODE_FLAGS: apiNodeFlags().join(' ') },
});
process.exit(bench.status ?? 1);
