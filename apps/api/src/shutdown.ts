import type { StartedApi } from './bootstrap.js';
import { HealthService } from './health/health.service.js';

/**
 * SIGTERM path: readiness turns 503 at once so load balancers stop sending traffic,
 * the HTTP server stops accepting and waits for in-flight requests, the job worker takes no
 * new job and lets the running one finish (JobsService, before the pool closes), then the
 * pool and the embedded database close.
 */
export async function shutdownGracefully({ app, embedded }: StartedApi): Promise<void> {
  app.get(HealthService).startDraining();
  await app.close();
  await embedded?.close();
}

/**
 * SIGTERM and SIGINT stop the process gracefully, once, within SHUTDOWN_TIMEOUT_MS (a stuck
 * request or job cannot hold it forever). `stopped` names the process in the last line
 * ("Stopped", "Worker stopped"), which operators and CI read.
 */
export function stopOnSignals(api: StartedApi, stopped: string): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${api.settings.http.shutdownTimeoutMs} ms; exiting\n`);
      process.exit(1);
    }, api.settings.http.shutdownTimeoutMs);
    timer.unref();
    await shutdownGracefully(api);
    process.stdout.write(`${stopped} on ${signal}\n`);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
