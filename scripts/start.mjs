// `npm start`: install what is missing, build what changed, then run the API, which
// migrates the database (embedded PGlite under ./data unless DATABASE_URL is set),
// seeds the demo organization and serves the SPA, the API and Swagger UI on one port.
import { spawn } from 'node:child_process';
import { apiNodeFlags } from './lib/node-flags.mjs';
import { ensureBuilt, ensureInstalled, root } from './lib/prepare.mjs';

ensureInstalled();
ensureBuilt('api', 'web');

// No --enable-source-maps: it keeps every loaded module's source map in memory (NODE_OPTIONS
// can add it while debugging). The Dockerfile runs the same command.
const child = spawn(process.execPath, [...apiNodeFlags(), 'dist/apps/api/src/main.js'], {
  cwd: root,
  stdio: 'inherit',
  // The demo organization operates this installation: its privacy staff edit the platform policy.
  env: {
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    OPERATOR_ORGANIZATION: 'harbor-pine-field-services-demo',
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
