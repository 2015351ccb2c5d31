import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerFor, createOrganization, createTestApp, expectProblem, type TestApp } from '#testing';
import { WebhookSender } from './webhook-sender.js';

/**
 * Server-side request forgery: without WEBHOOKS_ALLOW_PRIVATE_ADDRESSES an endpoint may not
 * point into the installation's own network, neither when it is saved nor when a delivery
 * connects (a host that resolved elsewhere when saved, DNS rebinding).
 */
describe('webhook address refusal', () => {
  let app: TestApp;
  let admin: string;
  let server: Server;
  let localUrl: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      hits++;
      response.statusCode = 204;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    localUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    app = await createTestApp({ env: { WEBHOOKS_TIMEOUT_MS: '2000' } });
    const org = await createOrganization(app, ['owner']);
    admin = await bearerFor(app, org.users.owner.email);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const create = (url: string) =>
    app
      .http()
      .post('/api/v1/webhooks/endpoints')
      .set('authorization', admin)
      .send({ url, eventTypes: ['subject.erased'] });

  it.each([
    'the local receiver',
    'http://localhost/hooks',
    'http://10.1.2.3/hooks',
    'http://192.168.0.10/hooks',
    'http://172.16.0.1/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/hooks',
    'http://[::1]/hooks',
    'http://[fd00::1]/hooks',
    'http://[fe80::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://100.64.0.1/hooks',
  ])('should refuse an endpoint at %s', async (url) => {
    const response = await create(url === 'the local receiver' ? localUrl : url);
    expectProblem(response, 400, 'validation-failed');
    expect(response.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/private|resolve/) }]);
  });

  it('should refuse other schemes, credentials in the url and hosts that do not resolve', async () => {
    for (const url of [
      'ftp://93.184.215.14/x',
      'https://user:pass@93.184.215.14/x',
      'https://no-such-host.invalid/x',
    ]) {
      expectProblem(await create(url), 400, 'validation-failed');
    }
    const accepted = await create('https://93.184.215.14/hooks').expect(201);
    // The change of address is checked too.
    expectProblem(
      await app
        .http()
        .patch(`/api/v1/webhooks/endpoints/${accepted.body.endpoint.id}`)
        .set('authorization', admin)
        .send({ version: 1, url: localUrl }),
      400,
      'validation-failed',
    );
  });

  it('should refuse to connect to a private address at delivery time, whatever was saved', async () => {
    const sender = app.app.get(WebhookSender);
    const before = hits;
    for (const url of [localUrl, localUrl.replace('127.0.0.1', 'localhost')]) {
      const result = await sender.send(url, { 'content-type': 'application/json' }, '{}');
      expect(result).toMatchObject({
        httpStatus: null,
        error: 'refused: the address is private, loopback or reserved',
      });
    }
    expect(hits).toBe(before);
  });
});
