import 'reflect-metadata';
import { createApi } from './bootstrap.js';
import { SettingsError } from './config/settings.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { stopOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  const started = Date.now();
  const api = await createApi(process.env);
  const { app, settings, embedded } = api;
  const demo = settings.seedDemo ? await app.get(DemoSeedService).seed() : undefined;
  await app.listen(settings.http.port, settings.http.host);

  const url = `http://${settings.http.host === '0.0.0.0' ? 'localhost' : settings.http.host}:${settings.http.port}`;
  process.stdout.write(
    [
      '',
      `  Steward CRM is ready in ${((Date.now() - started) / 1000).toFixed(1)}s`,
      `  App:      ${url}/`,
      `  API:      ${url}/api/v1`,
      `  Docs:     ${url}/docs`,
      `  Database: ${embedded ? `embedded PGlite in ${settings.dataDir}/pglite` : 'DATABASE_URL'}`,
      `  Jobs:     ${settings.jobs.worker ? 'worker in this process' : 'no worker here (JOBS_WORKER=false): run npm run worker'}`,
      ...(demo
        ? [
            '',
            `  Demo organization ${demo.created ? 'created' : 'ready'}. Sign in with any of these (password ${demo.signIns[0].password}):`,
            ...demo.signIns.map(({ role, email }) => `    ${role.padEnd(16)} ${email}`),
          ]
        : []),
      '',
      '',
    ].join('\n'),
  );

  stopOnSignals(api, 'Stopped');
}

main().catch((error) => {
  // One clear line for a bad setting; a stack trace only for the unexpected.
  process.stderr.write(
    error instanceof SettingsError ? `${error.message}\n` : `Start-up failed: ${error.stack ?? error}\n`,
  );
  process.exit(1);
});
