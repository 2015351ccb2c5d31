import { createTestApp } from '#testing';
import { shutdownGracefully } from '../shutdown.js';
import { JobsService } from './jobs.service.js';

describe('job worker on shutdown', () => {
  it('should let the running job finish before the pool closes, and take no new one', async () => {
    const sut = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '500' } });
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const finished: string[] = [];
    try {
      const jobs = sut.app.get(JobsService);
      await jobs.register<{ n: string }>({
        name: 'test.slow',
        handle: async ({ n }) => {
          started();
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          finished.push(n);
        },
      });
      const first = (await jobs.enqueueNow('test.slow', { n: 'first' })) as string;
      await running;
      const second = (await jobs.enqueueNow('test.slow', { n: 'second' })) as string;

      let closed = false;
      const closing = shutdownGracefully(sut.api).then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false);

      release();
      await closing;
      expect(finished).toEqual(['first']);
      const states = await sut.db.query<{ id: string; state: string }>(
        `SELECT id, state FROM pgboss.job WHERE name = 'test.slow'`,
      );
      expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({
        [first]: 'completed',
        [second]: 'created',
      });
    } finally {
      release();
      await sut.app.close().catch(() => undefined);
      await sut.db.close();
    }
  });
});
