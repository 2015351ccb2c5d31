import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../apps/api/src/bootstrap.js';
import { describeRoutes, renderAccessMatrix } from '../apps/api/src/identity/access-matrix.js';
import { buildOpenApiDocument } from '../apps/api/src/openapi.js';
import { renderSchema, renderSpec, SCHEMA_PATH, SPEC_PATH } from './openapi-artifacts.js';

/**
 * `npm run openapi`: boots the app on a throwaway embedded database, writes the spec,
 * the client types and the permission matrix (docs/permissions.md). The committed files are what the SPA builds against; a test
 * fails when they drift from the code.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'steward-openapi-'));
const { app, embedded } = await createApi({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
try {
  const document = await buildOpenApiDocument(app);
  writeFileSync(SPEC_PATH, renderSpec(document));
  writeFileSync(SCHEMA_PATH, await renderSchema(document));
  writeFileSync('docs/permissions.md', renderAccessMatrix(describeRoutes(app)));
  console.log(`Wrote ${SPEC_PATH}, ${SCHEMA_PATH} and docs/permissions.md`);
} finally {
  await app.close();
  await embedded?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
