import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentIntegration } from './common/integration.openapi.js';
import { ProblemDto } from './common/problem.dto.js';
import metadata from './metadata.js';

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
  const config = new DocumentBuilder()
    .setTitle('Steward CRM API')
    .setDescription(
      'REST API of Steward CRM, the CRM whose privacy policy is enforced by code. ' +
        'Errors are RFC 9457 `application/problem+json` documents with a stable `type` per error kind.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token from POST /api/v1/auth/sign-in (`accessToken`, valid 15 minutes; renew it with ' +
          'POST /api/v1/auth/refresh). An API key (`stw_…`) is accepted here too, as `Authorization: Bearer stw_…`.',
      },
      'bearer',
    )
    .addCookieAuth('steward_refresh', { type: 'apiKey', in: 'cookie', name: 'steward_refresh' }, 'refresh-cookie')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key created under API keys' },
      'api-key',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDto],
  });
  documentIntegration(document); // Idempotency-Key on credentialed POSTs, updatedSince on lists
  addProblemResponses(document);
  return sortDeep(document) as OpenAPIObject;
}

/** Every operation can fail with a problem+json document; say so once, for all of them. */
function addProblemResponses(document: OpenAPIObject): void {
  const problem = {
    description: 'An RFC 9457 problem document: `code` and `type` name the error kind.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
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
