import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, expectProblem, type TestApp } from '#testing';

describe('HTTP surface', () => {
  let sut: TestApp;

  beforeAll(async () => {
    // A stand-in SPA build: this file tests how the server serves it, not the SPA itself.
    const spa = mkdtempSync(join(tmpdir(), 'steward-spa-'));
    writeFileSync(join(spa, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(spa, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // A file where an API route is: the API must answer, not the disk.
    mkdirSync(join(spa, 'api', 'v1'), { recursive: true });
    writeFileSync(join(spa, 'api', 'v1', 'health'), 'from the disk');
    sut = await createTestApp({
      env: { BODY_LIMIT: '10kb', CORS_ORIGINS: 'https://crm.example.test', STATIC_DIR: spa },
    });
  });
  afterAll(() => sut.close());

  it('should answer an unknown API route with a problem+json 404', async () => {
    const response = await sut.http().get('/api/v1/no-such-thing?email=a@b.test');
    expectProblem(response, 404, 'route-not-found');
    expect(response.body.instance).toBe('/api/v1/no-such-thing');
  });

  it('should answer a method the path does not allow with a problem+json 405 and Allow', async () => {
    const response = await sut.http().delete('/api/v1/health');
    expectProblem(response, 405, 'method-not-allowed');
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.body.allow).toEqual(['GET', 'HEAD']);
  });

  it('should answer PUT on a PATCH route with 405, naming PATCH', async () => {
    const response = await sut
      .http()
      .put(`/api/v1/clients/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)
      .send({});
    expectProblem(response, 405, 'method-not-allowed');
    expect(response.headers.allow).toContain('PATCH');
  });

  it('should answer a body the route cannot read with 415, before parsing it', async () => {
    const response = await sut
      .http()
      .post('/api/v1/auth/sign-in')
      .set('content-type', 'text/plain')
      .send('email=a@b.test&password=x');
    expectProblem(response, 415, 'unsupported-media-type');
    expect(response.body.accepted).toEqual(['application/json']);
    const form = await sut
      .http()
      .post('/api/v1/auth/sign-in')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('email=a@b.test');
    expectProblem(form, 415, 'unsupported-media-type');
  });

  it('should answer oversized headers with a problem+json 431, not a bare status line', async () => {
    const response = await sut.http().get('/api/v1/health').set('x-padding', 'x'.repeat(20_000));
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 431, code: 'headers-too-large' });
  });

  it('should answer unknown paths under /api with a problem, never the page, whatever the version', async () => {
    for (const path of ['/api/v2/clients', '/api', '/api/anything']) {
      expectProblem(await sut.http().get(path).set('accept', 'text/html'), 404, 'route-not-found');
    }
  });

  it('should deny powerful browser features with Permissions-Policy, on pages and API answers', async () => {
    for (const path of ['/api/v1/health', '/clients']) {
      const response = await sut.http().get(path).set('accept', 'text/html');
      expect(response.headers['permissions-policy']).toContain('camera=()');
      expect(response.headers['permissions-policy']).toContain('geolocation=()');
    }
  });

  it('should answer an oversized body with a problem+json 413', async () => {
    const response = await sut
      .http()
      .post('/api/v1/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ note: 'x'.repeat(20_000) }));
    expectProblem(response, 413, 'payload-too-large');
  });

  it('should answer malformed JSON with a problem+json 400', async () => {
    const response = await sut.http().post('/api/v1/health').set('content-type', 'application/json').send('{"oops": ');
    expectProblem(response, 400, 'malformed-body');
  });

  it('should carry the caller request id, or a new one, everywhere', async () => {
    const given = await sut.http().get('/api/v1/nope').set('x-request-id', 'trace-1234567');
    expect(given.headers['x-request-id']).toBe('trace-1234567');
    expect(given.body.requestId).toBe('trace-1234567');
    const fresh = await sut.http().get('/api/v1/nope').set('x-request-id', 'bad id with spaces');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should send security headers', async () => {
    const response = await sut.http().get('/api/v1/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should tell browsers and proxies not to keep API answers', async () => {
    const response = await sut.http().get('/api/v1/health').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.etag).toBeUndefined();
  });

  it("should serve the SPA's files with caching, but never an API path from the disk", async () => {
    const asset = await sut.http().get('/favicon.svg').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=3600');
    expect(asset.headers.etag).toBeDefined();
    const api = await sut.http().get('/api/v1/health').expect(200);
    expect(api.text).not.toContain('from the disk');
    expect(api.body.status).toBe('ok');
  });

  it('should allow only configured CORS origins', async () => {
    const allowed = await sut.http().get('/api/v1/health').set('origin', 'https://crm.example.test');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://crm.example.test');
    const denied = await sut.http().get('/api/v1/health').set('origin', 'https://evil.example.test');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should answer browser navigation with the SPA but API clients with problems', async () => {
    const page = await sut.http().get('/clients/42').set('accept', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expectProblem(await sut.http().get('/clients/42').set('accept', 'application/json'), 404, 'route-not-found');
    expectProblem(await sut.http().get('/api/v1/no-such-resource').set('accept', 'text/html'), 404, 'route-not-found');
    expectProblem(await sut.http().post('/clients/42').send({}), 404, 'route-not-found');
  });

  it('should serve the OpenAPI document and Swagger UI', async () => {
    const spec = await sut.http().get('/docs-json').expect(200);
    expect(spec.body.paths['/api/v1/health/ready'].get.operationId).toBe('getReadiness');
    const ui = await sut.http().get('/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('should log requests as JSON with ids and without query strings or credentials', async () => {
    await sut
      .http()
      .get('/api/v1/health/ready?email=ada.lovelace@example.test')
      .set('authorization', 'Bearer very-secret-token')
      .set('cookie', 'refresh=also-secret')
      .set('x-request-id', 'log-check-123');
    const entry = sut.logs.find((line) => (line.req as { id?: string } | undefined)?.id === 'log-check-123');
    expect(entry).toMatchObject({ req: { method: 'GET', path: '/api/v1/health/ready' }, res: { statusCode: 200 } });
    const all = JSON.stringify(sut.logs);
    expect(all).not.toContain('ada.lovelace');
    expect(all).not.toContain('very-secret-token');
    expect(all).not.toContain('also-secret');
  });
});
