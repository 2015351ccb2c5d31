import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '#testing';
import { describeRoutes, renderAccessMatrix } from './access-matrix.js';

describe('access matrix', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('should give every route a rule', () => {
    const rows = describeRoutes(app.app);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => row.rule === 'NONE')).toEqual([]);
  });

  it('should match the committed docs/permissions.md (run `npm run openapi` after changing routes)', () => {
    expect(readFileSync('docs/permissions.md', 'utf8')).toBe(renderAccessMatrix(describeRoutes(app.app)));
  });
});
