import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import type { Clock } from './common/clock.js';
import { routeNotFound } from './common/problem.filter.js';
import { loadSettings, type RawEnvironment, type Settings } from './config/settings.js';
import { runMigrations } from './database/data-source.js';
import { DEFAULT_TEMPLATE_DIR, type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres.js';

export interface StartedApi {
  app: NestExpressApplication;
  settings: Settings;
  embedded?: EmbeddedPostgres;
}

/**
 * Validates settings, starts the embedded database when no DATABASE_URL is set, applies
 * migrations, then builds and initialises the Nest application (not yet listening).
 */
export interface CreateApiOptions {
  logStream?: DestinationStream;
  /** Runs before init, e.g. for a test to mount its own Express route. */
  beforeInit?: (app: NestExpressApplication) => void;
  /** Replaces the wall clock (tests). */
  clock?: Clock;
}

export async function createApi(raw: RawEnvironment, options: CreateApiOptions = {}): Promise<StartedApi> {
  let settings = loadSettings(raw);
  let embedded: EmbeddedPostgres | undefined;
  let env = raw;
  if (!settings.database.url) {
    // One connection: PGlite has a single session, and pglite-socket interleaves the
    // messages of concurrent connections into it (electric-sql/pglite#1046), which fails
    // writes under load. Requests queue for the connection instead.
    embedded = await startEmbeddedPostgres({
      dataDir: settings.dataDir,
      templateDir: DEFAULT_TEMPLATE_DIR,
      maxConnections: 4,
    });
    env = { ...raw, DATABASE_URL: embedded.url, DATABASE_POOL_SIZE: '1' };
    settings = loadSettings(env);
  }
  try {
    await runMigrations(settings.database.migrationUrl ?? (settings.database.url as string));
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ env, logStream: options.logStream, clock: options.clock }),
      {
        bodyParser: false,
        bufferLogs: true,
      },
    );
    await configureApp(app, settings);
    options.beforeInit?.(app);
    await app.init();
    app.use(routeNotFound);
    return { app, settings, embedded };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}
