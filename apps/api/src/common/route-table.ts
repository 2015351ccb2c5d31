import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface RouteEntry {
  pattern: RegExp;
  /** Upper-case method → the media types its body may have (empty: it takes no body). */
  methods: Map<string, string[]>;
}

/**
 * The API's routes as the OpenAPI document describes them, for the answers the router
 * cannot give by itself: which methods a path allows (405 with Allow instead of 404) and
 * which media types a body may have (415 instead of a confusing validation error). Built
 * once from the document at start-up; consulted only on those error paths and on writes.
 */
export class RouteTable {
  private constructor(private readonly entries: RouteEntry[]) {}

  static fromDocument(document: OpenAPIObject): RouteTable {
    const entries = Object.entries(document.paths).map(([path, item]) => {
      const methods = new Map<string, string[]>();
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const body = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : {};
        methods.set(method.toUpperCase(), Object.keys(body));
      }
      if (methods.has('GET')) methods.set('HEAD', methods.get('GET') ?? []);
      return { pattern: toPattern(path), methods };
    });
    return new RouteTable(entries);
  }

  /** The methods some route answers at this path; empty when no route has the path. */
  allowedMethods(path: string): string[] {
    const allowed = new Set<string>();
    for (const entry of this.entries)
      if (entry.pattern.test(path)) for (const method of entry.methods.keys()) allowed.add(method);
    return [...allowed].sort();
  }

  /** Media types the route's body may have; undefined when the route is unknown or takes no body. */
  acceptedMediaTypes(method: string, path: string): string[] | undefined {
    for (const entry of this.entries) {
      if (!entry.pattern.test(path)) continue;
      const types = entry.methods.get(method);
      if (types) return types.length ? types : undefined;
    }
    return undefined;
  }
}

/** `/api/v1/clients/{id}` → a pattern where each `{param}` is one path segment. */
function toPattern(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}
