import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A JSON schema as @nestjs/swagger writes it (the subset the document uses). */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

/** One operation of the committed OpenAPI document. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the document writes it: /api/v1/clients/{id}. */
  path: string;
  /** As Nest and docs/permissions.md write it: /api/v1/clients/:id. */
  route: string;
  operationId: string;
  /** Security schemes that may call it: bearer, api-key, refresh-cookie; empty for public. */
  security: string[];
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema; required: boolean };
}

const DOCUMENT = resolve(import.meta.dirname, '../../../../../libs/api-client/openapi.json');

export const openApiDocument = (): {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Schema> };
} => JSON.parse(readFileSync(DOCUMENT, 'utf8'));

/** Every operation of the committed document (a test elsewhere keeps it equal to the code). */
export function operations(): Operation[] {
  const document = openApiDocument();
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as {
        operationId: string;
        security?: Array<Record<string, unknown>>;
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
      };
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      list.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        operationId: operation.operationId,
        security: (operation.security ?? []).flatMap((entry) => Object.keys(entry)),
        parameters: operation.parameters ?? [],
        body: contentType
          ? { contentType, schema: content.schema, required: operation.requestBody?.required ?? false }
          : undefined,
      });
    }
  }
  return list.sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
}

/** Follows $ref and allOf to the schema itself. */
export function resolveSchema(schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return resolveSchema(openApiDocument().components.schemas[name]);
  }
  if (schema.allOf?.length === 1) return { ...resolveSchema(schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

/**
 * A value the schema accepts, as far as its shape goes (ids are random, so a valid body
 * may still name a record that does not exist): examples first, then the types' bounds.
 * `ids` overrides fields by name (clientId → a real client).
 */
export function sampleOf(schema: Schema, ids: Record<string, unknown> = {}, variant = 0, depth = 0): unknown {
  const resolved = resolveSchema(schema);
  // Variant n takes the n-th value of every enum (the last when it has fewer).
  if (resolved.enum?.length && variant > 0) return resolved.enum[Math.min(variant, resolved.enum.length - 1)];
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum?.length) return resolved.enum[0];
  switch (resolved.type) {
    case 'string':
      return sampleString(resolved);
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 || !resolved.items
        ? []
        : Array.from({ length: Math.max(resolved.minItems ?? 0, 1) }, () =>
            sampleOf(resolved.items as Schema, ids, variant, depth + 1),
          );
    default: {
      const body: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        body[name] = name in ids ? ids[name] : sampleOf(property, ids, variant, depth + 1);
      }
      return body;
    }
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'email':
      return `someone.${randomUUID().slice(0, 8)}@example.test`;
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return '2030-05-31T09:00:00Z';
    case 'date':
      return '2030-05-31';
    default:
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** The paths of string fields in a sample, for mutations: [['name'], ['address', 'line1'], …]. */
export function fieldPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 6 || value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  const paths: string[][] = prefix.length ? [prefix] : [];
  for (const [key, item] of entries) paths.push(...fieldPaths(item, [...prefix, key], depth + 1));
  return paths;
}

/** A copy of `value` with the field at `path` replaced. */
export function withField(value: unknown, path: string[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = path;
  (copy as Record<string, unknown>)[head] = withField((copy as Record<string, unknown>)[head], rest, replacement);
  return copy;
}

/** How many enum variants a schema's samples have (the longest enum in it). */
export function variantsOf(schema: Schema, depth = 0): number {
  const resolved = resolveSchema(schema);
  if (depth > 5) return 1;
  const own = resolved.enum?.length ?? 1;
  const inner = [...Object.values(resolved.properties ?? {}), ...(resolved.items ? [resolved.items] : [])].map(
    (child) => variantsOf(child, depth + 1),
  );
  return Math.max(own, 1, ...inner);
}
