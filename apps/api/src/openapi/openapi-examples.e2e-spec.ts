import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, RequestBodyObject, ResponseObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { createTestApp, type TestApp } from '#testing';
import { createValidationPipe } from '../common/validation.js';
import { buildOpenApiDocument } from '../openapi.js';
import { REQUEST_EXAMPLES } from './request-examples.js';
import { PROBLEM_EXAMPLE, RESPONSE_EXAMPLES } from './response-examples.js';

type Operation = OperationObject & { 'x-required-permissions'?: string[]; 'x-api-key-allowed'?: boolean };

const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );

/** The DTO class of each handler's `@Body()`, by handler name (the operationId). */
function bodyTypes(app: TestApp): Map<string, new () => object> {
  const types = new Map<string, new () => object>();
  const scanner = app.app.get(MetadataScanner);
  for (const wrapper of app.app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const args: Record<string, { index: number; data?: unknown }> =
        Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
      const body = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && !arg.data);
      if (!body) continue;
      const paramTypes = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as unknown[];
      types.set(name, paramTypes[body[1].index] as new () => object);
    }
  }
  return types;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema for Ajv: `nullable` as a null alternative (Ajv reads it
 * only beside `type`, not around `allOf`), and no property an object does not declare, so
 * an example cannot show a field the API does not answer.
 */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, asJsonSchema(inner)]));
  if (converted.properties && converted.additionalProperties === undefined) converted.additionalProperties = false;
  return nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

describe('OpenAPI examples and access requirements', () => {
  let app: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createTestApp();
    document = await buildOpenApiDocument(app.app);
  });
  afterAll(() => app.close());

  it('should show a request example on every operation with a JSON body', () => {
    const missing = operationsOf(document)
      .filter(({ operation }) => (operation.requestBody as RequestBodyObject | undefined)?.content['application/json'])
      .filter(({ operation }) => !(operation.requestBody as RequestBodyObject).content['application/json'].example)
      .map(({ method, path, operation }) => `${operation.operationId} (${method.toUpperCase()} ${path})`);
    expect(missing).toEqual([]);
  });

  it('should leave optional filters empty, with their example in the description', () => {
    const listContacts = operationsOf(document).find(({ operation }) => operation.operationId === 'listContacts');
    const purpose = listContacts?.operation.parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'purpose',
    );
    expect(purpose).toMatchObject({ in: 'query', description: expect.stringContaining('`marketing-email`') });
    expect(JSON.stringify(purpose)).not.toContain('"example"');
  });

  it('should only show request examples the route itself accepts', async () => {
    const types = bodyTypes(app);
    const pipe = createValidationPipe();
    const refused: string[] = [];
    for (const [operationId, example] of Object.entries(REQUEST_EXAMPLES)) {
      const type = types.get(operationId);
      if (!type) {
        refused.push(`${operationId}: no handler of that name takes a body`);
        continue;
      }
      try {
        await pipe.transform(structuredClone(example), { type: 'body', metatype: type });
      } catch (error) {
        const fields = (error as { extensions?: { errors?: unknown } }).extensions?.errors;
        refused.push(`${operationId}: ${(error as Error).message} ${JSON.stringify(fields ?? '')}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('should only show response examples that fit the documented answer', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv); // a CommonJS module: its default export is the plugin
    ajv.addSchema({ components: asJsonSchema(document.components) }, 'openapi');
    const byId = new Map(operationsOf(document).map(({ operation }) => [operation.operationId, operation]));
    const wrong: string[] = [];
    for (const [operationId, { status }] of Object.entries(RESPONSE_EXAMPLES)) {
      const response = byId.get(operationId)?.responses[status] as ResponseObject | undefined;
      const media = response?.content?.['application/json'];
      const schema = JSON.parse(JSON.stringify(media?.schema).replaceAll('"#/components/', '"openapi#/components/'));
      const validate = ajv.compile(schema);
      if (!validate(media?.example)) wrong.push(`${operationId} ${status}: ${ajv.errorsText(validate.errors)}`);
    }
    const problem = ajv.compile({ $ref: 'openapi#/components/schemas/ProblemDto' });
    if (!problem(PROBLEM_EXAMPLE)) wrong.push(`problem: ${ajv.errorsText(problem.errors)}`);
    expect(wrong).toEqual([]);
    expect(Object.keys(RESPONSE_EXAMPLES)).toEqual(
      expect.arrayContaining(['listContacts', 'getContact', 'createClient', 'signIn', 'createApiKey']),
    );
  });

  it('should say on every operation what its caller needs, as the access guard decides', () => {
    const byId = new Map(operationsOf(document).map(({ operation }) => [operation.operationId, operation]));
    const summary = (operationId: string) => {
      const operation = byId.get(operationId) as Operation;
      return {
        permissions: operation['x-required-permissions'],
        apiKeys: operation['x-api-key-allowed'],
        schemes: operation.security?.flatMap((requirement) => Object.keys(requirement)),
        says: operation.description?.split('\n\n').at(-1),
      };
    };
    expect(summary('listContacts')).toEqual({
      permissions: ['clients:read'],
      apiKeys: true,
      schemes: ['bearer', 'api-key', 'api-key-bearer'],
      says: expect.stringContaining('**Requires permission `clients:read`**'),
    });
    expect(summary('createApiKey')).toEqual({
      permissions: ['api-keys:manage'],
      apiKeys: false,
      schemes: ['bearer'],
      says: expect.stringContaining('people only: API keys cannot call it'),
    });
    expect(summary('setOrganizationSubscription')).toMatchObject({
      permissions: ['subscriptions:manage'],
      apiKeys: true,
      schemes: ['api-key', 'api-key-bearer'],
    });
    // Either permission opens it to a person; only the one a key can be given to a key.
    expect(summary('recordInvoicePayment')).toMatchObject({
      permissions: ['invoices:write', 'payments:write'],
      says: expect.stringMatching(
        /^\*\*Requires permission `invoices:write` or `payments:write`\*\* .*, or an API key with the `invoices:write` scope\.$/,
      ),
    });
    expect(summary('getCurrentUser')).toMatchObject({ permissions: [], apiKeys: false, schemes: ['bearer'] });
    expect(summary('signIn')).toMatchObject({ permissions: [], apiKeys: false, schemes: [] });
    expect(summary('refreshSession')).toMatchObject({ schemes: ['refresh-cookie'] });
    expect(summary('signOut')).toMatchObject({ schemes: ['refresh-cookie'] });
    for (const { operation } of operationsOf(document)) {
      expect({ id: operation.operationId, has: Array.isArray(operation['x-required-permissions']) }).toEqual({
        id: operation.operationId,
        has: true,
      });
    }
  });

  it('should tell in Authorize how to get each credential', () => {
    const schemes = document.components?.securitySchemes as Record<string, { description?: string }>;
    expect(Object.keys(schemes).sort()).toEqual(['api-key', 'api-key-bearer', 'bearer', 'refresh-cookie']);
    expect(schemes.bearer.description).toContain('POST /api/v1/auth/sign-in');
    expect(schemes.bearer.description).toContain('/api/v1/auth/sign-in/mfa');
    expect(schemes['api-key'].description).toContain('API keys');
    expect(schemes['api-key-bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes['refresh-cookie'].description).toContain('X-CSRF-Token');
    expect(document.info.description).toContain('Authorize');
  });
});
