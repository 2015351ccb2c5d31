import { createTestApp, expectProblem, type TestApp } from '#testing';
import { HealthService } from './health.service.js';

describe('health', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('should answer liveness', async () => {
    const response = await sut.http().get('/api/v1/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('should be ready when the database answers', async () => {
    const response = await sut.http().get('/api/v1/health/ready').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('should stop being ready once draining starts', async () => {
    const other = await createTestApp();
    try {
      other.app.get(HealthService).startDraining();
      expectProblem(await other.http().get('/api/v1/health/ready'), 503, 'service-unavailable');
    } finally {
      await other.close();
    }
  });
});
