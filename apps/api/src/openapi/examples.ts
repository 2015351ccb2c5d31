import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { REQUEST_EXAMPLES } from './request-examples.js';
import { RESPONSE_EXAMPLES } from './response-examples.js';

const operationsOf = (document: OpenAPIObject): OperationObject[] =>
  Object.values(document.paths).flatMap((operations) => Object.values(operations) as OperationObject[]);

/**
 * Puts the examples of request-examples.ts and response-examples.ts on their operations, as
 * media-type examples (what Swagger UI pre-fills and shows). An example naming an operation
 * or a status that does not exist throws, so a renamed route cannot leave one behind.
 */
export function addExamples(document: OpenAPIObject): void {
  const byId = new Map(operationsOf(document).map((operation) => [operation.operationId, operation]));
  for (const [operationId, example] of Object.entries(REQUEST_EXAMPLES)) {
    const body = byId.get(operationId)?.requestBody as RequestBodyObject | undefined;
    const media = body?.content['application/json'];
    if (!media) throw new Error(`Request example for ${operationId}: no such operation with a JSON body`);
    media.example = example;
  }
  for (const [operationId, { status, example }] of Object.entries(RESPONSE_EXAMPLES)) {
    const response = byId.get(operationId)?.responses[status] as ResponseObject | undefined;
    const media = response?.content?.['application/json'];
    if (!media) throw new Error(`Response example for ${operationId}: no JSON ${status} answer`);
    media.example = example;
  }
}

/**
 * Swagger UI fills a parameter's example into the form when "Try it out" is open, so an
 * optional filter with an example (`purpose=marketing-email`, `action=auth.`) would quietly
 * narrow every list an explorer tries, and one example `Idempotency-Key` sent with every POST
 * would replay or refuse the second. Optional query and header parameters start empty; their
 * example moves into the description.
 */
export function leaveOptionalParametersEmpty(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
      if (!['query', 'header'].includes(parameter.in) || parameter.required) continue;
      const schema = parameter.schema as SchemaObject | undefined;
      const example = parameter.example ?? schema?.example;
      if (example === undefined) continue;
      delete parameter.example;
      if (schema) delete schema.example;
      const shown = `\`${String(example)}\``;
      if (!parameter.description?.includes(shown)) {
        parameter.description = [parameter.description, `Example: ${shown}.`].filter(Boolean).join(' ');
      }
    }
  }
}
