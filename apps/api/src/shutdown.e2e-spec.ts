import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { createTestApp } from '#testing';
import { shutdownGracefully } from './shutdown.js';

describe(shutdownGracefully.name, () => {
  it('should finish in-flight requests before closing', async () => {
    let release: () => void = () => undefined;
    const sut = await createTestApp({
      configure: (app) =>
        app.use('/slow', (_req: Request, res: Response) => {
          release = () => res.status(200).send('finished');
        }),
    });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = sut.app.getHttpServer().address() as AddressInfo;

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    let closed = false;
    const closing = shutdownGracefully(sut.api).then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    await sut.db.close();
  });
});
