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
