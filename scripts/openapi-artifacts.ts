import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';

export const SPEC_PATH = 'libs/api-client/openapi.json';
export const SCHEMA_PATH = 'libs/api-client/src/schema.d.ts';

export const renderSpec = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

/** TypeScript types of every path and schema, for openapi-fetch in the SPA. */
export async function renderSchema(document: OpenAPIObject): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `// Generated from openapi.json by \`npm run openapi\`. Do not edit.\n\n${astToString(ast)}`;
}
