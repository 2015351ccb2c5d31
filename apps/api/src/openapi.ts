import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  return sortDeep(document) as OpenAPIObject;
}
