import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '#testing';
import { renderSchema, renderSpec, SCHEMA_PATH, SPEC_PATH } from '../../../scripts/openapi-artifacts.js';
import { buildOpenApiDocument } from './openapi.js';

describe('committed OpenAPI spec', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('should match what the code generates (run `npm run openapi` after changing the API)', async () => {
    const generated = renderSpec(await buildOpenApiDocument(app.app));
    expect(readFileSync(SPEC_PATH, 'utf8')).toBe(generated);
  });

  it('should have client types generated from the committed spec', async () => {
    const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await renderSchema(spec));
  });

  it('should document every operation with an operationId and problem+json errors', async () => {
    const document = await buildOpenApiDocument(app.app);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(
        operations as Record<string, { operationId?: string; responses: Record<string, { content?: object }> }>,
      )) {
        expect({ path, method, operationId: operation.operationId }).toEqual({
          path,
          method,
          operationId: expect.stringMatching(/^[a-z][A-Za-z]+$/),
        });
        expect(operation.responses['4XX']?.content).toHaveProperty(['application/problem+json']);
      }
    }
  });
});
