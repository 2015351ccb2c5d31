import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { createTestApp } from '#testing';
import { shutdownGracefully } from './shutdown.js';

describe(shutdownGracefully.name, () => {
  it('should finish in-flight requests before closing', async () => {
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const sut = await createTestApp({
      env: { STATIC_DIR: 'no-spa-here' },
      configure: (app) =>
        app.use('/slow', (_req: Request, res: Response) => {
          release = () => {
            if (!res.headersSent) res.status(200).send('finished');
          };
          arrived();
        }),
    });
    try {
      await sut.app.listen(0, '127.0.0.1');
      const { port } = sut.app.getHttpServer().address() as AddressInfo;

      const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
      await requestArrived;
      let closed = false;
      const closing = shutdownGracefully(sut.api).then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(closed).toBe(false);

      release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('finished');
      await closing;
      expect(closed).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    } finally {
      release();
      await sut.app.close().catch(() => undefined);
      await sut.db.close();
    }
  });
});
