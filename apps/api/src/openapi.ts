import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentIntegration } from './common/integration.openapi.js';
import { ProblemDto } from './common/problem.dto.js';
import { describeRoutes } from './identity/access-matrix.js';
import metadata from './metadata.js';
import { addAccessRequirements } from './openapi/access-requirements.js';
import { API_DESCRIPTION, SECURITY_SCHEMES } from './openapi/authentication.js';
import { addExamples, leaveOptionalParametersEmpty } from './openapi/examples.js';
import { PROBLEM_EXAMPLE } from './openapi/response-examples.js';

/** Sorts object keys deeply so the committed spec diffs cleanly. Arrays keep their order. */
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The OpenAPI document, generated from the controllers and DTOs. Served at /docs-json,
 * committed as libs/api-client/openapi.json (npm run openapi), and compared in a test.
 */
export async function buildOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(metadata);
  const builder = new DocumentBuilder().setTitle('Steward CRM API').setDescription(API_DESCRIPTION).setVersion('1');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDto],
  });
  addAccessRequirements(document, describeRoutes(app));
  documentIntegration(document); // Idempotency-Key on credentialed POSTs, updatedSince on lists
  addExamples(document);
  leaveOptionalParametersEmpty(document);
  addProblemResponses(document);
  return sortDeep(document) as OpenAPIObject;
}

/** Every operation can fail with a problem+json document; say so once, for all of them. */
function addProblemResponses(document: OpenAPIObject): void {
  const problem = {
    description: 'An RFC 9457 problem document: `code` and `type` name the error kind.',
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' }, example: PROBLEM_EXAMPLE },
    },
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, unknown>;
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status)) responses[status] = { ...(response as object), ...problem };
      }
      responses['4XX'] ??= problem;
    }
  }
}
